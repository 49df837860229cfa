"""Hyperparameters written into parameter dicts of a click-fraud training script.

Boosting code keeps its settings in dicts: the native ``xgb.train`` and
``lgb.train`` APIs take one, and scikit-learn style models get one unpacked
with ``**``. A dict literal whose numeric entries are hyperparameters and
that reaches such a call (directly, through a name, a copy or a helper's
parameter) is reported once, at the dict, naming the entries; not again at
each call it reaches. A dict written inside the call is part of that call's
finding. Entries that are not hyperparameters (``objective``, ``nthread``,
``verbosity``) are left out of the list.
"""

import copy

import lightgbm as lgb
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import Ridge

clicks = pd.read_parquet("data/clicks_train.parquet")
features = ["app", "device", "os", "channel", "hour", "clicks_per_ip"]
dtrain = xgb.DMatrix(clicks[features], label=clicks["is_attributed"])

# Copied from a public kernel and never revisited.
booster_params = {  # [hardcoded-hyperparameter]
    "eta": 0.2,
    "max_depth": 7,
    "subsample": 0.85,
    "colsample_bytree": 0.6,
    "scale_pos_weight": 150,
    "objective": "binary:logistic",
    "eval_metric": "auc",
    "nthread": 8,
}
history = xgb.cv(booster_params, dtrain, num_boost_round=300, nfold=4, seed=3)  # [hardcoded-hyperparameter]
booster = xgb.train(booster_params, dtrain, num_boost_round=len(history))

light_params = {  # [hardcoded-hyperparameter]
    "objective": "binary",
    "learning_rate": 0.04,
    "num_leaves": 15,
    "min_child_samples": 80,
    "feature_fraction": 0.7,
    "verbosity": -1,
}
light_set = lgb.Dataset(clicks[features], label=clicks["is_attributed"])
light = lgb.train(params=copy.deepcopy(light_params), train_set=light_set)

# Written inside the call: one finding for the call, spanning its settings.
quick = xgb.train({"eta": 0.3, "max_depth": 3}, dtrain, 20)  # [hardcoded-hyperparameter]


def fit_ridge(frame: pd.DataFrame, ridge_kwargs: dict) -> Ridge:
    return Ridge(**ridge_kwargs).fit(frame[features], frame["is_attributed"])


def fit_classifier(frame: pd.DataFrame) -> lgb.LGBMClassifier:
    settings = dict(n_estimators=900, learning_rate=0.02, n_jobs=-1)  # [hardcoded-hyperparameter]
    return lgb.LGBMClassifier(**settings).fit(frame[features], frame["is_attributed"])


def retune(model: lgb.LGBMClassifier) -> lgb.LGBMClassifier:
    # The best trial of last month's study, pasted in.
    best = {"num_leaves": 48, "reg_lambda": 2.5}  # [hardcoded-hyperparameter]
    return model.set_params(**best)


def main() -> None:
    ridge_kwargs = {"alpha": 0.3}  # [hardcoded-hyperparameter]
    fit_ridge(clicks, ridge_kwargs)
    fit_classifier(clicks)


if __name__ == "__main__":
    main()
