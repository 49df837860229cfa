"""Hyperparameters that come from configuration, and keywords that only look like hyperparameters.

Values are attributes, subscripts or calls (the config object, argparse, a
tuned-params dict), constants that are not hyperparameters (a seed),
strings or booleans; the numeric keywords are not hyperparameters
(``random_state``, ``test_size``, ``cv``, ``n_jobs``, ``verbose``,
``k_neighbors``); or the call is not an ML constructor (a settings
dataclass, ``argparse``, a ``dict(...)`` no model receives, a search grid);
or the ``xgb.train`` params dict is filled from the command line. Nothing
here is reported.
"""

import argparse
import json
from dataclasses import dataclass

import pandas as pd
import xgboost as xgb
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from torch import optim

SEED = 11
FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]


@dataclass
class Settings:
    lr: float = 0.01
    max_depth: int = 6
    n_estimators: int = 250


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", default=3e-4, type=float)
    parser.add_argument("--max-depth", dest="max_depth", default=6, type=int)
    parser.add_argument("--C", dest="C", default=1.0, type=float)
    return parser.parse_args()


def load_tuned_params(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


args = parse_args()
settings = Settings(lr=0.05, max_depth=4)
params = load_tuned_params("conf/tuned_params.json")
churn = pd.read_csv("data/churn.csv")

X_train, X_test, y_train, y_test = train_test_split(
    churn[FEATURES], churn["churned"], test_size=0.25, random_state=SEED, shuffle=True
)

forest = RandomForestClassifier(
    n_estimators=params["n_estimators"],
    max_depth=settings.max_depth,
    max_features="sqrt",
    class_weight="balanced",
    random_state=SEED,
    n_jobs=-1,
    verbose=0,
)
boosting = GradientBoostingClassifier(
    n_estimators=settings.n_estimators,
    max_depth=params["max_depth"],
    learning_rate=args.lr,
    random_state=SEED,
)
logreg = LogisticRegression(C=args.C, max_iter=params.get("max_iter"), solver="lbfgs")
oversampler = SMOTE(k_neighbors=5, random_state=SEED)
xgb_clf = xgb.XGBClassifier(**params, random_state=SEED)

# Search grids are data for the tuner, not settings baked into a model.
grid = GridSearchCV(
    Pipeline([("scale", StandardScaler()), ("clf", LogisticRegression())]),
    param_grid={"clf__C": [0.01, 0.1, 1.0, 10.0]},
    cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
    scoring="roc_auc",
    n_jobs=-1,
)
optimizer_defaults = dict(lr=0.1, momentum=0.9)
xgb_params = {"max_depth": args.max_depth, "eta": args.lr, "objective": "binary:logistic", "nthread": 4}


def train_booster(dtrain: xgb.DMatrix, num_rounds: int) -> xgb.Booster:
    return xgb.train(xgb_params, dtrain, num_boost_round=num_rounds)


def make_optimizer(model, cfg) -> optim.Optimizer:
    return optim.Adam(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)


def positional_from_config(model, cfg) -> optim.Optimizer:
    # The learning rate is passed by position, but it comes from the run's configuration.
    return optim.SGD(model.parameters(), cfg.learning_rate)


def refit(model: RandomForestClassifier, best: dict) -> RandomForestClassifier:
    model.set_params(n_estimators=best["n_estimators"], max_depth=best["max_depth"])
    return model.fit(X_train, y_train)
