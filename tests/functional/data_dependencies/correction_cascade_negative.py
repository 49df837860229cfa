"""Several models, none trained on another one's outputs.

A stacking ensemble composes its members as one estimator trained as a
unit; scaled or PCA-projected inputs come from transformers, not models;
residuals of a model computed for its own evaluation train nothing; two
models fitted side by side on the same features are independent, even when
their predictions are blended afterwards; a model refitted on its own
pseudo-labels depends on no other model. Look-alike: nothing reported.
"""

import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.decomposition import PCA
from sklearn.ensemble import (
    GradientBoostingClassifier,
    GradientBoostingRegressor,
    RandomForestClassifier,
    StackingClassifier,
    StackingRegressor,
)
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import mean_absolute_error, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 43
N_TREES = 250  # [hardcoded-hyperparameter]
MAX_ITER = 800
RIDGE_ALPHA = 2.0  # [hardcoded-hyperparameter]
CV_FOLDS = 5
N_COMPONENTS = 6  # [hardcoded-hyperparameter]
BLEND_WEIGHT = 0.7
PSEUDO_LABEL_CONFIDENCE = 0.95
FEATURES = ["tenure_months", "monthly_charges", "support_calls", "sessions_30d"]
TARGET = "churned"


def train_stacked_churn_model(path: str) -> float:
    customers = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers[TARGET], test_size=0.2, random_state=SEED
    )
    stack = StackingClassifier(
        estimators=[
            ("forest", RandomForestClassifier(n_estimators=N_TREES, random_state=SEED)),
            ("boosting", GradientBoostingClassifier(n_estimators=N_TREES, random_state=SEED)),
        ],
        final_estimator=LogisticRegression(max_iter=MAX_ITER),
        cv=CV_FOLDS,
    )
    stack.fit(X_train, y_train)
    return roc_auc_score(y_test, stack.predict_proba(X_test)[:, 1])


def train_stacked_sales_model(path: str) -> float:
    sales = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        sales[FEATURES], sales["weekly_sales"], test_size=0.2, random_state=SEED
    )
    stack = StackingRegressor(
        estimators=[("boosting", GradientBoostingRegressor(n_estimators=N_TREES, random_state=SEED))],
        final_estimator=Ridge(alpha=RIDGE_ALPHA),
    )
    stack.fit(X_train, y_train)
    return mean_absolute_error(y_test, stack.predict(X_test))


def train_on_projected_inputs(path: str) -> float:
    """The classifier reads a scaler's and a PCA's output: transformers, not models."""
    customers = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers[TARGET], test_size=0.2, random_state=SEED
    )
    scaler = StandardScaler().fit(X_train)
    projection = PCA(n_components=N_COMPONENTS).fit(scaler.transform(X_train))
    classifier = LogisticRegression(max_iter=MAX_ITER)
    classifier.fit(projection.transform(scaler.transform(X_train)), y_train)
    test_inputs = projection.transform(scaler.transform(X_test))
    return roc_auc_score(y_test, classifier.predict_proba(test_inputs)[:, 1])


def residual_report(path: str) -> pd.Series:
    """A model's residuals on the test split, for an error analysis: nothing is trained on them."""
    sales = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        sales[FEATURES], sales["weekly_sales"], test_size=0.2, random_state=SEED
    )
    model = GradientBoostingRegressor(n_estimators=N_TREES, random_state=SEED).fit(X_train, y_train)
    residuals = y_test - model.predict(X_test)
    print("MAE:", mean_absolute_error(y_test, model.predict(X_test)))
    return residuals.abs().groupby(X_test["support_calls"]).mean()


def blend_independent_models(path: str) -> float:
    """Two models fitted on the same inputs; only their test predictions are combined."""
    customers = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers[TARGET], test_size=0.2, random_state=SEED
    )
    boosting = GradientBoostingClassifier(n_estimators=N_TREES, random_state=SEED).fit(X_train, y_train)
    linear = make_pipeline(StandardScaler(), LogisticRegression(max_iter=MAX_ITER)).fit(X_train, y_train)
    boosting_proba = boosting.predict_proba(X_test)[:, 1]
    blended = BLEND_WEIGHT * boosting_proba + (1 - BLEND_WEIGHT) * linear.predict_proba(X_test)[:, 1]
    return roc_auc_score(y_test, blended)


def calibrated_churn_model(path: str) -> float:
    """Calibration wraps the classifier and is fitted on the features, not on its scores."""
    customers = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers[TARGET], test_size=0.2, random_state=SEED
    )
    calibrated = CalibratedClassifierCV(
        GradientBoostingClassifier(n_estimators=N_TREES, random_state=SEED), method="isotonic", cv=CV_FOLDS
    )
    calibrated.fit(X_train, y_train)
    return roc_auc_score(y_test, calibrated.predict_proba(X_test)[:, 1])


def self_training(labelled_path: str, unlabelled_path: str) -> LogisticRegression:
    """The model is refitted on its own confident pseudo-labels: no other model is involved."""
    labelled = pd.read_csv(labelled_path)
    unlabelled = pd.read_csv(unlabelled_path)
    model = LogisticRegression(max_iter=MAX_ITER).fit(labelled[FEATURES], labelled[TARGET])
    proba = model.predict_proba(unlabelled[FEATURES])[:, 1]
    confident = unlabelled[np.maximum(proba, 1 - proba) >= PSEUDO_LABEL_CONFIDENCE]
    pseudo_labels = model.predict(confident[FEATURES])
    model.fit(
        pd.concat([labelled[FEATURES], confident[FEATURES]]),
        np.concatenate([labelled[TARGET].to_numpy(), pseudo_labels]),
    )
    return model
