"""Training scores as diagnostics, next to held-out evaluation.

A training score printed as such beside the test score shows the
generalisation gap; a training loss logged epoch by epoch is monitoring, not
evaluation; cross-validation and a grid search on the training part followed
by one test score are held-out evaluation; refitting on all rows for
deployment after evaluating is standard practice. No leakage is reported here.
"""

import numpy as np
import pandas as pd
import skops.io as sio
from sklearn.base import clone
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, cross_val_score, train_test_split

SEED = 43
N_TREES = 300  # [hardcoded-hyperparameter]
N_EPOCHS = 20
SGD_ALPHA = 1e-4
PARAM_GRID = {"max_depth": [4, 8, 16], "min_samples_leaf": [1, 5, 20]}
FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]
FRAUD_FEATURES = ["amount", "hour", "merchant_risk", "card_age_days", "txn_last_24h"]


def churn_with_generalisation_gap() -> float:
    customers = pd.read_csv("data/churn.csv")
    X, y = customers[FEATURES], customers["churned"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    forest = RandomForestClassifier(n_estimators=N_TREES, random_state=SEED).fit(X_train, y_train)
    print("train accuracy:", accuracy_score(y_train, forest.predict(X_train)))
    print("test accuracy:", accuracy_score(y_test, forest.predict(X_test)))
    test_auc = roc_auc_score(y_test, forest.predict_proba(X_test)[:, 1])
    print("test ROC AUC:", test_auc)

    # Evaluation is done: ship a model trained on every customer.
    final_model = clone(forest).fit(X, y)
    sio.dump(final_model, "artifacts/churn_forest.skops")
    return test_auc


def fraud_online_training() -> float:
    transactions = pd.read_csv("data/transactions.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        transactions[FRAUD_FEATURES], transactions["is_fraud"], test_size=0.2, random_state=SEED
    )
    model = SGDClassifier(loss="log_loss", alpha=SGD_ALPHA, random_state=SEED)
    classes = np.unique(y_train)
    for epoch in range(N_EPOCHS):
        model.partial_fit(X_train, y_train, classes=classes)
        train_loss = log_loss(y_train, model.predict_proba(X_train))
        print(f"epoch {epoch}: training log-loss {train_loss:.4f}")
    return roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])


def churn_cross_validated() -> float:
    customers = pd.read_csv("data/churn.csv")
    forest = RandomForestClassifier(n_estimators=N_TREES, random_state=SEED)
    scores = cross_val_score(forest, customers[FEATURES], customers["churned"], cv=5, scoring="roc_auc")
    return float(scores.mean())


def churn_grid_search_on_training_part() -> float:
    customers = pd.read_csv("data/churn.csv")
    X, y = customers[FEATURES], customers["churned"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    grid = GridSearchCV(RandomForestClassifier(random_state=SEED), PARAM_GRID, cv=5, scoring="roc_auc")
    grid.fit(X_train, y_train)
    print(f"cross-validated AUC on the training part: {grid.best_score_:.3f}")
    return grid.score(X_test, y_test)
