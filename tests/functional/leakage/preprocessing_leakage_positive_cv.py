"""Preprocessing fitted on all rows before cross-validation splits them.

Cross-validation is only honest when everything learned from data is learned
inside each fold. Here the scaler, the imputer and the PCA projection are
fitted once on every row and the result is handed to ``cross_val_score``, a
manual ``KFold`` loop, ``cross_validate`` and ``GridSearchCV``: every fold's
held-out part has shaped its own preprocessing.
"""

import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.impute import KNNImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score, cross_validate
from sklearn.preprocessing import RobustScaler, StandardScaler

SEED = 21
MAX_ITER = 1000
N_NEIGHBOURS = 7  # [hardcoded-hyperparameter]
N_COMPONENTS = 50  # [hardcoded-hyperparameter]
RIDGE_ALPHAS = [0.1, 1.0, 10.0, 100.0]
CHURN_FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]
FRAUD_FEATURES = ["amount", "hour", "merchant_risk", "card_age_days", "txn_last_24h"]
HOUSE_FEATURES = ["sqft", "bedrooms", "bathrooms", "year_built", "lot_size"]


def churn_scaled_before_cross_val_score() -> float:
    customers = pd.read_csv("data/churn.csv")
    X = customers[CHURN_FEATURES]
    y = customers["churned"]
    X_scaled = StandardScaler().fit_transform(X)  # [preprocessing-leakage]
    scores = cross_val_score(LogisticRegression(max_iter=MAX_ITER), X_scaled, y, cv=5, scoring="roc_auc")
    return float(scores.mean())


def fraud_kfold_with_one_global_scaler() -> float:
    transactions = pd.read_csv("data/transactions.csv")
    X = transactions[FRAUD_FEATURES].to_numpy()
    y = transactions["is_fraud"].to_numpy()
    # Amounts have heavy tails, so scale with medians and quantiles once up front.
    scaler = RobustScaler()
    X_scaled = scaler.fit_transform(X)  # [preprocessing-leakage]

    fold_aucs = []
    for train_idx, test_idx in KFold(n_splits=5, shuffle=True, random_state=SEED).split(X_scaled):
        model = LogisticRegression(max_iter=MAX_ITER, class_weight="balanced")
        model.fit(X_scaled[train_idx], y[train_idx])
        fold_aucs.append(roc_auc_score(y[test_idx], model.predict_proba(X_scaled[test_idx])[:, 1]))
    return float(np.mean(fold_aucs))


def review_embeddings_reduced_before_cross_validate() -> float:
    # Sentence embeddings of product reviews are projected onto their main directions.
    reviews = pd.read_parquet("data/review_embeddings.parquet")
    X = reviews.drop(columns=["positive"])
    y = reviews["positive"]
    reduced = PCA(n_components=N_COMPONENTS, random_state=SEED).fit_transform(X)  # [preprocessing-leakage]
    results = cross_validate(LogisticRegression(max_iter=MAX_ITER), reduced, y, cv=5, scoring="roc_auc")
    return float(results["test_score"].mean())


def house_prices_grid_search_on_imputed_rows() -> dict:
    # Fill missing lot sizes and build years from similar houses, then tune the ridge penalty.
    sales = pd.read_csv("data/house_sales.csv")
    X = sales[HOUSE_FEATURES]
    y = sales["price"]
    X_filled = KNNImputer(n_neighbors=N_NEIGHBOURS).fit_transform(X)  # [preprocessing-leakage]
    grid = GridSearchCV(Ridge(), {"alpha": RIDGE_ALPHAS}, cv=5, scoring="neg_mean_absolute_error")
    grid.fit(X_filled, y)
    return {"params": grid.best_params_, "cv_mae": -grid.best_score_}
