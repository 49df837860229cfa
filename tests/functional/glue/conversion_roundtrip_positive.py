"""Conversion round trips: data converted to another representation and straight back.

Each conversion back is reported, naming the line of the conversion it
undoes: a DataFrame rebuilt from its own ndarray, a tensor rebuilt from its
own numpy copy, a list of rows cast through numpy and listed again. Nothing
happens to the data in between, so the round trip only loses what the middle
representation cannot hold (column dtypes, index, device, gradients).
"""

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F

FEATURES = ["sqft", "bedrooms", "bathrooms", "lot_size", "house_age"]


def select_features(frame: pd.DataFrame) -> pd.DataFrame:
    matrix = frame[FEATURES].values  # [dataframe-values]
    return pd.DataFrame(matrix, columns=FEATURES, index=frame.index)  # [conversion-roundtrip]


def soft_targets(teacher: torch.nn.Module, inputs: torch.Tensor) -> torch.Tensor:
    """Class probabilities of the teacher network, as distillation targets."""
    with torch.no_grad():
        probs = F.softmax(teacher(inputs), dim=1).cpu().numpy()
    return torch.tensor(probs, device=inputs.device)  # [conversion-roundtrip]


def as_float_rows(records: list[dict]) -> list[list[float]]:
    rows = [[record.get(name) for name in FEATURES] for record in records]
    matrix = np.asarray(rows, dtype=np.float64)
    return matrix.tolist()  # [conversion-roundtrip]


listings = pd.read_parquet("data/listings.parquet")
numeric = pd.DataFrame(listings.select_dtypes("number").to_numpy(), columns=FEATURES)  # [conversion-roundtrip]


def cached_scores(path: str) -> np.ndarray:
    scores = np.load(path).tolist()
    return np.array(scores)  # [conversion-roundtrip]
