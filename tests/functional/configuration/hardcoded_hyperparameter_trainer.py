"""A churn trainer class that keeps its booster settings on ``self``, and a Keras model compiled in place.

The dict the constructor assigns to ``self.booster_params`` reaches
``lgb.train`` in another method: it is reported once, at the dict. The
optimizer built for ``model.compile`` is a constructor like any other.
Not reported: candidate settings tried in a loop, a copy of a dict that is
overridden afterwards, and the trainer whose settings are passed in.
"""

import lightgbm as lgb
import pandas as pd
from tensorflow import keras


class ChurnTrainer:
    def __init__(self, features: list[str]) -> None:
        self.features = features
        self.booster_params = {"objective": "binary", "learning_rate": 0.02, "num_leaves": 40}  # [hardcoded-hyperparameter]

    def fit(self, frame: pd.DataFrame) -> lgb.Booster:
        dataset = lgb.Dataset(frame[self.features], label=frame["churned"])
        return lgb.train(self.booster_params, dataset)


class ConfiguredTrainer:
    def __init__(self, features: list[str], params: dict) -> None:
        self.features = features
        self.params = params

    def fit(self, frame: pd.DataFrame) -> lgb.Booster:
        return lgb.train(self.params, lgb.Dataset(frame[self.features], label=frame["churned"]))


def build_network(width: int, config: dict) -> keras.Model:
    model = keras.Sequential([keras.layers.Dense(width, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=5e-4), loss="binary_crossentropy")  # [hardcoded-hyperparameter]
    model.fit(config["x"], config["y"], epochs=config["epochs"])
    return model


def sweep(frame: pd.DataFrame, features: list[str], overrides: dict) -> list[lgb.Booster]:
    dataset = lgb.Dataset(frame[features], label=frame["churned"])
    boosters = [lgb.train(candidate, dataset) for candidate in ({"num_leaves": 15}, {"num_leaves": 63})]
    base = {"objective": "binary", "learning_rate": 0.05}
    tuned = base.copy()
    tuned.update(overrides)
    boosters.append(lgb.train(tuned, dataset))
    return boosters
