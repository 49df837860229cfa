"""Look-alikes of conversion round trips: the data changes, or never comes back.

A frame converted to an ndarray and then to a tensor goes one way. Data
that a model, arithmetic or an in-place update changed between the two
conversions is new data, and a JSON round trip makes values JSON-safe.
None of these is reported.
"""

import json

import numpy as np
import pandas as pd
import torch

NUMERIC = ["sqft", "lot_size", "house_age"]


def to_tensor(frame: pd.DataFrame) -> torch.Tensor:
    features = frame[NUMERIC].to_numpy(dtype=np.float32)
    return torch.from_numpy(features)


def predict_frame(model, frame: pd.DataFrame) -> pd.DataFrame:
    predictions = model.predict(frame[NUMERIC].to_numpy())
    return pd.DataFrame(predictions, columns=["price"], index=frame.index)


def log_scale(frame: pd.DataFrame) -> pd.DataFrame:
    values = frame[NUMERIC].to_numpy(copy=True)
    values[:, 0] = np.log1p(values[:, 0])
    return pd.DataFrame(values, columns=NUMERIC, index=frame.index)


def standardize(frame: pd.DataFrame, mean: np.ndarray, std: np.ndarray) -> pd.DataFrame:
    scaled = (frame[NUMERIC].to_numpy() - mean) / std
    return pd.DataFrame(scaled, columns=NUMERIC, index=frame.index)


def flip_images(batch: torch.Tensor) -> torch.Tensor:
    images = batch.cpu().numpy()
    images = np.flip(images, axis=3).copy()
    return torch.from_numpy(images)


def json_safe(record: dict) -> dict:
    return json.loads(json.dumps(record, default=str))
