"""Parameter dicts that do not hard-code a hyperparameter, and placeholders a search replaces.

Dicts read from YAML or filled from the command line, the search space of
an optuna or hyperopt objective (its fixed entries included), a grid for ``GridSearchCV``, a
dict of run settings (``verbose``, ``n_jobs``), values equal to LightGBM's
own defaults, a dict the script changes after writing it or builds on a
base from configuration: none of them is reported. Neither is a literal in
an estimator handed to a search whose grid sets that same hyperparameter
(directly, through a name, or as ``clf__<name>`` of a pipeline step): the
literal is only a starting value.
"""

import argparse

import lightgbm as lgb
import optuna
import pandas as pd
import xgboost as xgb
import yaml
from hyperopt import STATUS_OK, fmin, hp, tpe
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.model_selection import GridSearchCV, RandomizedSearchCV, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

parser = argparse.ArgumentParser()
parser.add_argument("--eta", type=float, default=0.1)
parser.add_argument("--depth", type=int, default=6)
parser.add_argument("--config", default="conf/booster.yaml")
args = parser.parse_args()
SEED = 7

with open(args.config, encoding="utf-8") as handle:
    config = yaml.safe_load(handle)

loans = pd.read_csv("data/loans.csv")
features = ["income", "debt_ratio", "age", "open_lines"]
X, y = loans[features], loans["default"]
dtrain = xgb.DMatrix(X, label=y)

from_yaml = config["xgboost"]
booster = xgb.train(from_yaml, dtrain, num_boost_round=config["rounds"])

from_cli = {"eta": args.eta, "max_depth": args.depth, "objective": "binary:logistic"}
booster = xgb.train(from_cli, dtrain, num_boost_round=config["rounds"])

# A base dict overridden from the command line after it is written.
overridden = {"eta": 0.3, "max_depth": 4}
overridden["eta"] = args.eta
booster = xgb.train(overridden, dtrain, num_boost_round=config["rounds"])

merged = {**config["lightgbm"], "num_leaves": 63}
light = lgb.train(merged, lgb.Dataset(X, label=y))

updated = {"learning_rate": 0.05, "num_leaves": 40}
updated.update(config["lightgbm_overrides"])
light = lgb.train(updated, lgb.Dataset(X, label=y))

# LightGBM's own defaults, written out: the run is the same without them.
defaults = {"objective": "binary", "learning_rate": 0.1, "num_leaves": 31, "min_data_in_leaf": 20}
light = lgb.train(defaults, lgb.Dataset(X, label=y))

run_settings = {"verbose": 1, "n_jobs": -1, "random_state": SEED}
forest = RandomForestClassifier(**run_settings).fit(X, y)


def objective(trial: optuna.Trial) -> float:
    params = {
        "objective": "binary",
        "learning_rate": trial.suggest_float("learning_rate", 1e-3, 0.3, log=True),
        "num_leaves": trial.suggest_int("num_leaves", 8, 256),
        "subsample_freq": 1,
        "verbose": -1,
    }
    model = lgb.LGBMClassifier(**params)
    return cross_val_score(model, X, y, cv=5, scoring="roc_auc").mean()


study = optuna.create_study(direction="maximize")
study.optimize(objective, n_trials=50)


def hyperopt_objective(space: dict) -> dict:
    # The tuner calls this with each point it tries; the fixed entries are the study's design.
    params = {"learning_rate": 0.05, "num_leaves": int(space["num_leaves"]), "objective": "binary"}
    booster = lgb.train(params, lgb.Dataset(X, label=y), num_boost_round=config["rounds"])
    return {"loss": -booster.best_score["valid_0"]["auc"], "status": STATUS_OK}


best = fmin(fn=hyperopt_objective, space={"num_leaves": hp.quniform("num_leaves", 8, 128, 1)}, algo=tpe.suggest, max_evals=30)

grid = {"max_depth": [3, 5, 8], "n_estimators": [200, 400]}
search = GridSearchCV(GradientBoostingClassifier(max_depth=3, n_estimators=200, random_state=SEED), grid, cv=5)
search.fit(X, y)

placeholder = RandomForestClassifier(n_estimators=50, min_samples_leaf=5, n_jobs=-1, random_state=SEED)
randomized = RandomizedSearchCV(
    placeholder,
    param_distributions={"n_estimators": [100, 300, 600], "min_samples_leaf": [1, 5, 20]},
    n_iter=10,
    cv=5,
    random_state=SEED,
)
randomized.fit(X, y)

pipeline = Pipeline([("scale", StandardScaler()), ("clf", GradientBoostingClassifier(learning_rate=0.05, random_state=SEED))])
tuned = GridSearchCV(pipeline, param_grid={"clf__learning_rate": [0.01, 0.05, 0.1]}, cv=5)
tuned.fit(X, y)
