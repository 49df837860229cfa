"""`np.dot` on vectors, scalars and arrays of unknown shape: an inner product or unknowable, quiet."""

import numpy as np


def similarity(query: np.ndarray, documents: np.ndarray) -> np.ndarray:
    return np.dot(documents, query)


def cosine(u, v) -> float:
    direction = np.array([1.0, 2.0, 3.0])
    return np.dot(direction, np.arange(3)) / (np.linalg.norm(u) * np.linalg.norm(v))


column = np.arange(6).reshape(-1, 1)
scaled = 2 * np.dot(column, 3)
product = column @ np.ones((1, 6))
