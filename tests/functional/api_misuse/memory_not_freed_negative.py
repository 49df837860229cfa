"""Keras model selection that frees each candidate: every look-alike stays quiet.

The sweep clears the session at the start of each iteration; the ensemble
loop only loads saved models for prediction; one model is built once and
trained for several epochs in a loop; a PyTorch model built in a loop is
not a Keras session's business.
"""

import tensorflow as tf
from tensorflow import keras
from torch import nn

from churn.config import settings
from churn.data import load_features

features, target = load_features(settings.train_path)


def build_model(units: int) -> keras.Model:
    model = keras.Sequential([keras.layers.Dense(units, activation="relu"), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    return model


def sweep(candidates: list[int]) -> dict[int, float]:
    scores = {}
    for units in candidates:
        tf.keras.backend.clear_session()
        model = build_model(units)
        history = model.fit(features, target, validation_split=settings.valid_fraction)
        scores[units] = min(history.history["val_loss"])
    return scores


def sweep_with_keras_import(candidates: list[int]) -> list[float]:
    losses = []
    for units in candidates:
        model = build_model(units)
        losses.append(model.fit(features, target).history["loss"][-1])
        keras.backend.clear_session()
    return losses


def ensemble_predict(paths: list[str]) -> list:
    return [keras.models.load_model(path).predict(features) for path in paths]


def train_long(epochs: int) -> keras.Model:
    model = build_model(settings.units)
    for _ in range(epochs):
        model.fit(features, target, epochs=1)
    return model


def torch_heads(sizes: list[int]) -> list[nn.Module]:
    heads = []
    for size in sizes:
        heads.append(nn.Linear(size, 1))
    return heads
