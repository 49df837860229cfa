"""Preprocessing refitted inside every fold, or fitted on training rows only.

Time-ordered cross-validation that refits the scaler and the model on each
fold's past weeks, a stratified loop that refits the imputer per fold, a
grid search over a pipeline, and a helper that fits a scaler but is only ever
called with the training part. Nothing here is reported.
"""

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import mean_absolute_error, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, TimeSeriesSplit, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

SEED = 17
MAX_ITER = 800
RIDGE_ALPHA = 1.0
N_SPLITS = 5
PARAM_GRID = {"model__C": [0.01, 0.1, 1.0, 10.0]}
DEMAND_FEATURES = ["price", "promo_depth", "footfall", "temperature", "lag_1w_units"]
FRAUD_FEATURES = ["amount", "hour", "merchant_risk", "card_age_days", "txn_last_24h"]


def demand_backtest() -> float:
    sales = pd.read_csv("data/store_sales.csv", parse_dates=["week"]).sort_values("week")
    X = sales[DEMAND_FEATURES].to_numpy()
    y = sales["units_sold"].to_numpy()
    errors = []
    for train_idx, test_idx in TimeSeriesSplit(n_splits=N_SPLITS).split(X):
        scaler = StandardScaler().fit(X[train_idx])
        model = Ridge(alpha=RIDGE_ALPHA).fit(scaler.transform(X[train_idx]), y[train_idx])
        errors.append(mean_absolute_error(y[test_idx], model.predict(scaler.transform(X[test_idx]))))
    return float(np.mean(errors))


def fraud_stratified_folds() -> float:
    transactions = pd.read_csv("data/transactions.csv")
    X = transactions[FRAUD_FEATURES].to_numpy()
    y = transactions["is_fraud"].to_numpy()
    folds = StratifiedKFold(n_splits=N_SPLITS, shuffle=True, random_state=SEED)
    aucs = []
    for fit_idx, held_idx in folds.split(X, y):
        imputer = SimpleImputer(strategy="median")
        X_fit = imputer.fit_transform(X[fit_idx])
        model = LogisticRegression(max_iter=MAX_ITER, class_weight="balanced").fit(X_fit, y[fit_idx])
        aucs.append(roc_auc_score(y[held_idx], model.predict_proba(imputer.transform(X[held_idx]))[:, 1]))
    return float(np.mean(aucs))


def fraud_grid_search_over_pipeline() -> dict:
    transactions = pd.read_csv("data/transactions.csv")
    pipeline = Pipeline([("scale", StandardScaler()), ("model", LogisticRegression(max_iter=MAX_ITER))])
    grid = GridSearchCV(pipeline, PARAM_GRID, cv=N_SPLITS, scoring="roc_auc")
    grid.fit(transactions[FRAUD_FEATURES], transactions["is_fraud"])
    return {"params": grid.best_params_, "cv_auc": grid.best_score_}


def fit_scaler(frame: pd.DataFrame) -> StandardScaler:
    """Scaler for the fraud features; callers pass training rows."""
    return StandardScaler().fit(frame)


def fraud_holdout() -> float:
    transactions = pd.read_csv("data/transactions.csv")
    X = transactions[FRAUD_FEATURES]
    y = transactions["is_fraud"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    scaler = fit_scaler(X_train)
    model = LogisticRegression(max_iter=MAX_ITER).fit(scaler.transform(X_train), y_train)
    return roc_auc_score(y_test, model.predict_proba(scaler.transform(X_test))[:, 1])
