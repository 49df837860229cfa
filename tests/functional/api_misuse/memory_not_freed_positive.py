"""Hyperparameter sweep and k-fold training for a churn model in Keras.

Each loop iteration builds a fresh model while the old graphs stay in the
Keras session: memory grows with every candidate until the job dies.
"""

import numpy as np
import tensorflow as tf
from sklearn.model_selection import KFold

from churn.config import settings
from churn.data import load_features

features, target = load_features(settings.train_path)


def build_model(units: int) -> tf.keras.Model:
    model = tf.keras.Sequential(
        [
            tf.keras.layers.Dense(units, activation="relu"),
            tf.keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["AUC"])
    return model


def sweep(candidates: list[int]) -> dict[int, float]:
    scores = {}
    for units in candidates:
        model = build_model(units)  # [memory-not-freed]
        history = model.fit(features, target, validation_split=settings.valid_fraction, epochs=settings.epochs)
        scores[units] = max(history.history["val_auc"])
    return scores


fold_scores = []
for train_index, valid_index in KFold(n_splits=settings.folds).split(features):
    inputs = tf.keras.Input(shape=(features.shape[1],))
    hidden = tf.keras.layers.Dense(settings.units, activation="relu")(inputs)
    outputs = tf.keras.layers.Dense(1, activation="sigmoid")(hidden)
    fold_model = tf.keras.Model(inputs, outputs)  # [memory-not-freed]
    fold_model.compile(optimizer="adam", loss="binary_crossentropy")
    fold_model.fit(features[train_index], target[train_index], epochs=settings.epochs)
    fold_scores.append(fold_model.evaluate(features[valid_index], target[valid_index]))
print(np.mean(fold_scores))
