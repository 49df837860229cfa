"""Safe ways to restore models and data, and loaders that only look unsafe.

Weights-only ``torch.load``, ``safetensors``, ONNX Runtime, ``skops`` with an
explicit trusted list, Keras ``load_model`` with its default safe mode,
XGBoost's JSON format, ``np.load`` without pickles, JSON and YAML readers,
writing with ``pickle.dump``/``joblib.dump``, and ``load`` methods or local
functions that have nothing to do with pickle. Nothing here is reported.
"""

import json
import pickle

import joblib
import numpy as np
import onnxruntime as ort
import skops.io as sio
import tensorflow as tf
import torch
import xgboost as xgb
import yaml
from keras.models import load_model
from safetensors.torch import load_file
from torch import nn

TRUSTED_TYPES = ["sklearn.ensemble._gb.GradientBoostingClassifier", "numpy.dtype"]


class Recommender(nn.Module):
    def __init__(self, n_items: int, dim: int) -> None:
        super().__init__()
        self.items = nn.Embedding(n_items, dim)

    def forward(self, item_ids: torch.Tensor) -> torch.Tensor:
        return self.items(item_ids)


class RunConfig:
    """Tiny config holder with its own ``load`` method."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.values: dict = {}

    def load(self) -> dict:
        with open(self.path, encoding="utf-8") as fh:
            self.values = yaml.safe_load(fh)
        return self.values


def load(path: str) -> dict:
    """Project helper that happens to be called ``load``: it reads JSON metadata."""
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def restore_recommender(path: str, n_items: int, dim: int) -> Recommender:
    recommender = Recommender(n_items, dim)
    recommender.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
    return recommender.eval()


def restore_from_safetensors(path: str, n_items: int, dim: int) -> Recommender:
    recommender = Recommender(n_items, dim)
    recommender.load_state_dict(load_file(path))
    return recommender.eval()


def onnx_session(path: str) -> ort.InferenceSession:
    return ort.InferenceSession(path, providers=["CPUExecutionProvider"])


def restore_sklearn(path: str):
    return sio.load(path, trusted=TRUSTED_TYPES)


def restore_keras(path: str):
    classifier = load_model(path)
    tagger = tf.keras.models.load_model(path.replace("classifier", "tagger"), compile=False)
    return classifier, tagger


def restore_booster(path: str) -> xgb.Booster:
    booster = xgb.Booster()
    booster.load_model(path)
    return booster


def load_embeddings(path: str) -> np.ndarray:
    return np.load(path)


def save_artifacts(model, encoder, out_dir: str) -> None:
    joblib.dump(model, f"{out_dir}/model.joblib")
    with open(f"{out_dir}/encoder.pkl", "wb") as fh:
        pickle.dump(encoder, fh, protocol=pickle.HIGHEST_PROTOCOL)
    torch.save({"note": "weights saved separately"}, f"{out_dir}/meta.pt")


def run_metadata(run_dir: str) -> dict:
    config = RunConfig(f"{run_dir}/config.yaml")
    settings = config.load()
    metadata = load(f"{run_dir}/metadata.json")
    return {**settings, **metadata}
