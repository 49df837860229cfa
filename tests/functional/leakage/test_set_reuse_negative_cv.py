"""Model and hyperparameter selection by cross-validation on the training part.

Candidates are compared by their cross-validated score, by a grid search, or
by a manual ``KFold`` loop that evaluates each fold's held-out part; the
chosen model is refitted and scored once on the test part. Nothing here is
reported.
"""

import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score, train_test_split

SEED = 61
N_TREES = 300  # [hardcoded-hyperparameter]
MAX_ITER = 1000
N_SPLITS = 5
C_GRID = [0.01, 0.1, 1.0, 10.0]
FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]


def pick_churn_model_by_cross_validation() -> float:
    customers = pd.read_csv("data/churn.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers["churned"], test_size=0.2, random_state=SEED
    )
    candidates = {
        "logreg": LogisticRegression(max_iter=MAX_ITER),
        "forest": RandomForestClassifier(n_estimators=N_TREES, random_state=SEED),
        "boosting": GradientBoostingClassifier(random_state=SEED),
    }
    cv_auc = {}
    for name, model in candidates.items():
        cv_auc[name] = cross_val_score(model, X_train, y_train, cv=N_SPLITS, scoring="roc_auc").mean()
    best = candidates[max(cv_auc, key=cv_auc.get)].fit(X_train, y_train)
    return roc_auc_score(y_test, best.predict_proba(X_test)[:, 1])


def tune_c_with_kfold_loop() -> float:
    customers = pd.read_csv("data/churn.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES].to_numpy(), customers["churned"].to_numpy(), test_size=0.2, random_state=SEED
    )
    folds = KFold(n_splits=N_SPLITS, shuffle=True, random_state=SEED)
    mean_auc = {}
    for C in C_GRID:
        fold_auc = []
        for fit_idx, held_idx in folds.split(X_train):
            model = LogisticRegression(C=C, max_iter=MAX_ITER).fit(X_train[fit_idx], y_train[fit_idx])
            fold_auc.append(roc_auc_score(y_train[held_idx], model.predict_proba(X_train[held_idx])[:, 1]))
        mean_auc[C] = np.mean(fold_auc)
    best_c = max(mean_auc, key=mean_auc.get)
    final = LogisticRegression(C=best_c, max_iter=MAX_ITER).fit(X_train, y_train)
    return roc_auc_score(y_test, final.predict_proba(X_test)[:, 1])


def tune_forest_with_grid_search() -> float:
    customers = pd.read_csv("data/churn.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers["churned"], test_size=0.2, random_state=SEED
    )
    grid = GridSearchCV(
        RandomForestClassifier(random_state=SEED),
        {"max_depth": [4, 8, 16], "min_samples_leaf": [1, 5, 20]},
        cv=N_SPLITS,
        scoring="roc_auc",
    )
    grid.fit(X_train, y_train)
    return roc_auc_score(y_test, grid.predict_proba(X_test)[:, 1])
