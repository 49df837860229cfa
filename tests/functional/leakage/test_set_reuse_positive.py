"""The test set used to pick the model, the hyperparameter or the threshold.

Once the candidate with the best test score is chosen, that score is the
maximum of several noisy estimates and no longer an unbiased estimate of
performance on new data: the test set has become a validation set. The
finding is on the metric call inside the selection loop.
"""

import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC

SEED = 47
N_TREES = 300  # [hardcoded-hyperparameter]
MAX_ITER = 1000
C_GRID = [0.001, 0.01, 0.1, 1.0, 10.0, 100.0]
THRESHOLDS = np.linspace(0.05, 0.95, 19)
FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]
FRAUD_FEATURES = ["amount", "hour", "merchant_risk", "card_age_days", "txn_last_24h"]


def pick_churn_model_on_test():
    customers = pd.read_csv("data/churn.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers["churned"], test_size=0.2, random_state=SEED
    )
    candidates = {
        "logreg": LogisticRegression(max_iter=MAX_ITER),
        "forest": RandomForestClassifier(n_estimators=N_TREES, random_state=SEED),
        "boosting": GradientBoostingClassifier(random_state=SEED),
        "svm": SVC(probability=True, random_state=SEED),
    }
    best_name, best_auc = None, -np.inf
    for name, model in candidates.items():
        model.fit(X_train, y_train)
        auc = roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])  # [test-set-reuse]
        if auc > best_auc:
            best_name, best_auc = name, auc
    print(f"best model: {best_name} (test AUC {best_auc:.3f})")
    return candidates[best_name]


def tune_regularisation_on_test() -> float:
    transactions = pd.read_csv("data/transactions.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        transactions[FRAUD_FEATURES], transactions["is_fraud"], test_size=0.2, random_state=SEED
    )
    test_auc = {}
    for C in C_GRID:
        model = LogisticRegression(C=C, max_iter=MAX_ITER, class_weight="balanced").fit(X_train, y_train)
        test_auc[C] = roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])  # [test-set-reuse]
    best_c = max(test_auc, key=test_auc.get)
    print(f"best C={best_c}, test AUC {test_auc[best_c]:.3f}")
    return best_c


def pick_fraud_threshold_on_test() -> float:
    transactions = pd.read_csv("data/transactions.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        transactions[FRAUD_FEATURES], transactions["is_fraud"], test_size=0.2, random_state=SEED
    )
    model = RandomForestClassifier(n_estimators=N_TREES, random_state=SEED).fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    f1_per_threshold = []
    for threshold in THRESHOLDS:
        predicted = (proba >= threshold).astype(int)
        f1_per_threshold.append(f1_score(y_test, predicted))  # [test-set-reuse]
    best_threshold = float(THRESHOLDS[int(np.argmax(f1_per_threshold))])
    print(f"alert threshold {best_threshold:.2f}, test F1 {max(f1_per_threshold):.3f}")
    return best_threshold


def sweep_alpha_with_set_params(alphas: list) -> float:
    # One estimator, re-parameterised on every turn: still one candidate per alpha, judged on the test set.
    customers = pd.read_csv("data/churn.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers["churned"], test_size=0.2, random_state=SEED
    )
    model = LogisticRegression(max_iter=MAX_ITER)
    scores = []
    for alpha in alphas:
        model.set_params(C=alpha)
        model.fit(X_train, y_train)
        scores.append(roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))  # [test-set-reuse]
    return alphas[int(np.argmax(scores))]


def report_and_pick(candidates: list) -> object:
    # Several metrics per candidate, one selection: reported once, at the loop's first test metric.
    customers = pd.read_csv("data/churn.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers["churned"], test_size=0.2, random_state=SEED
    )
    best, best_auc = None, 0.0
    for candidate in candidates:
        candidate.fit(X_train, y_train)
        predicted = candidate.predict(X_test)
        print("f1", f1_score(y_test, predicted))  # [test-set-reuse]
        auc = roc_auc_score(y_test, candidate.predict_proba(X_test)[:, 1])
        if auc > best_auc:
            best, best_auc = candidate, auc
    return best
