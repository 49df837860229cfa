"""A hand-written two-layer network forward pass."""

import numpy as np
import pandas as pd

rng_weights = np.random.randn(4, 8)
bias = np.zeros((1, 8))


def forward(batch: pd.DataFrame) -> np.ndarray:
    inputs = batch[["a", "b", "c", "d"]].to_numpy()
    hidden = np.maximum(np.dot(inputs, rng_weights) + bias, 0)  # [matmul-dot]
    projection = np.eye(8)
    mixing = np.dot(projection, rng_weights.T)  # [matmul-dot]
    return np.dot(hidden, mixing)


column = np.arange(6).reshape(-1, 1)
row = np.ones((1, 6))
outer = np.dot(column, row)  # [matmul-dot]
