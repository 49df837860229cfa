"""Summary statistics read through chained indexes."""

import pandas as pd

runs = pd.read_csv("results/runs.csv")
best_run = runs.loc[runs["loss"].idxmin()]["run_id"]  # [chain-indexing]


def latest_loss(history: pd.DataFrame) -> float:
    return history["val_loss"][len(history) - 1]  # [chain-indexing]


def epochs(history: pd.DataFrame) -> pd.Series:
    return history.loc[:, "epoch"]
