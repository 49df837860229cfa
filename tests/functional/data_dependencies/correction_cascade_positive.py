"""Models trained on another model's outputs: correction cascades.

A second model learns the first one's residuals, takes its scores or its
cluster distances as features, or imitates its probabilities. The second
model now depends on the first one's exact current behaviour: retraining or
improving the first silently changes the second's inputs. Reported at the
second model's ``fit``.
"""

import joblib
import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import mean_absolute_error, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 31
N_TREES = 300  # [hardcoded-hyperparameter]
LEARNING_RATE = 0.05  # [hardcoded-hyperparameter]
RIDGE_ALPHA = 2.0  # [hardcoded-hyperparameter]
MAX_ITER = 800
N_SEGMENTS = 12
FEATURES = ["tenure_months", "monthly_charges", "support_calls", "sessions_30d"]
REGIONAL_FEATURES = ["region_income", "region_density", "store_count"]
TARGET = "weekly_sales"


def train_regional_correction(path: str) -> None:
    """The global forecaster is patched for each region by a model of its errors."""
    sales = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        sales[FEATURES + REGIONAL_FEATURES], sales[TARGET], test_size=0.2, random_state=SEED
    )
    base = GradientBoostingRegressor(n_estimators=N_TREES, learning_rate=LEARNING_RATE, random_state=SEED)
    base.fit(X_train[FEATURES], y_train)
    residual = y_train - base.predict(X_train[FEATURES])
    corrector = Ridge(alpha=RIDGE_ALPHA).fit(X_train[REGIONAL_FEATURES], residual)  # [correction-cascade, scaler-missing]
    corrected = base.predict(X_test[FEATURES]) + corrector.predict(X_test[REGIONAL_FEATURES])
    print("MAE corrected:", mean_absolute_error(y_test, corrected))
    joblib.dump({"base": base, "correction": corrector}, "artifacts/sales_forecast.joblib")


def train_meta_classifier(path: str) -> float:
    """Stacking written by hand: the churn score becomes a column of the retention model's input."""
    customers = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers["accepted_offer"], test_size=0.2, random_state=SEED
    )
    churn_model = GradientBoostingClassifier(n_estimators=N_TREES, random_state=SEED).fit(X_train, y_train)
    stacked_train = np.column_stack([X_train, churn_model.predict_proba(X_train)[:, 1]])
    offer_model = LogisticRegression(max_iter=MAX_ITER)
    offer_model.fit(stacked_train, y_train)  # [correction-cascade]
    stacked_test = np.column_stack([X_test, churn_model.predict_proba(X_test)[:, 1]])
    return roc_auc_score(y_test, offer_model.predict_proba(stacked_test)[:, 1])


def add_risk_score(frame: pd.DataFrame, risk_model) -> pd.DataFrame:
    frame["risk_score"] = risk_model.predict_proba(frame[FEATURES])[:, 1]
    return frame


def train_collections_priority(accounts_path: str, risk_model) -> LogisticRegression:
    """Another team's risk model scores the accounts; its score is a feature here."""
    accounts = add_risk_score(pd.read_csv(accounts_path), risk_model)
    priority = LogisticRegression(max_iter=MAX_ITER)
    priority.fit(accounts[FEATURES + ["risk_score"]], accounts["paid_within_30d"])  # [correction-cascade]
    return priority


def train_with_segment_distances(path: str) -> float:
    """Distances to the KMeans segment centres (a model's transform) are features of the classifier."""
    customers = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers["churned"], test_size=0.2, random_state=SEED
    )
    segments = KMeans(n_clusters=N_SEGMENTS, random_state=SEED).fit(X_train)  # [scaler-missing]
    train_distances = segments.transform(X_train)
    classifier = LogisticRegression(max_iter=MAX_ITER)
    classifier.fit(np.hstack([X_train, train_distances]), y_train)  # [correction-cascade]
    test_proba = classifier.predict_proba(np.hstack([X_test, segments.transform(X_test)]))[:, 1]
    return roc_auc_score(y_test, test_proba)


def distil_churn_model(teacher: GradientBoostingClassifier, path: str) -> Ridge:
    """A small student imitates the teacher's probabilities instead of learning the labels."""
    customers = pd.read_csv(path)
    soft_labels = teacher.predict_proba(customers[FEATURES])[:, 1]
    student = Ridge(alpha=RIDGE_ALPHA)
    student.fit(customers[FEATURES], soft_labels)  # [correction-cascade, scaler-missing]
    return student
