"""pandas methods used either in place or with their result kept."""

import pandas as pd
import torch


def clean(frame: pd.DataFrame) -> pd.DataFrame:
    frame.dropna(subset=["customer_id"], inplace=True)
    frame = frame.drop_duplicates()
    frame.fillna({"city": "unknown"}, inplace=True)
    frame.head()
    return frame.rename(columns=str.lower)


def activate(features: torch.Tensor) -> torch.Tensor:
    features = torch.nn.functional.relu(features, inplace=True)
    return features


def unknown(table):
    table = table.dropna(inplace=True)
    return table


# Module level, as exported from a notebook: the cell shows the sorted table.
leaderboard = pd.read_csv("results/leaderboard.csv")
leaderboard.sort_values("score", ascending=False)
