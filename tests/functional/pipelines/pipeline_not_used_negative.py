"""Preprocessing and a saved model that travel together, and look-alikes that save nothing.

The saved artifact is one Pipeline (built with ``Pipeline``,
``make_pipeline`` or a ``ColumnTransformer`` step, possibly tuned by a
search), so loading it gives the whole prediction path. A stateless
transform, a scaler saved on its own for monitoring and a scaled
projection that only feeds a plot are not reported either (experiments that never save their model are in
pipeline_not_used_negative_not_saved.py). Look-alike: nothing reported.
"""

import joblib
import mlflow
import numpy as np
import pandas as pd
import skops.io as sio
from sklearn.compose import ColumnTransformer
from sklearn.decomposition import PCA
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestRegressor
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import average_precision_score, mean_absolute_error, roc_auc_score
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

SEED = 23
MAX_ITER = 500
VOCAB_SIZE = 20000  # [hardcoded-hyperparameter]
N_TREES = 300  # [hardcoded-hyperparameter]
CV_FOLDS = 5
C_GRID = [0.01, 0.1, 1.0, 10.0]
RIDGE_ALPHA = 3.0  # [hardcoded-hyperparameter]
NUMERIC = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]
CATEGORICAL = ["plan", "region", "device"]
SKEWED = ["lot_size", "sqft"]
PLOT_COMPONENTS = 2  # [hardcoded-hyperparameter]


def train_churn_pipeline(path: str) -> float:
    customers = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        customers[NUMERIC], customers["churned"], test_size=0.2, random_state=SEED
    )
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=MAX_ITER)).fit(X_train, y_train)
    auc = roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])
    joblib.dump(model, "artifacts/churn.joblib")
    return auc


def train_upsell_with_column_transformer(path: str) -> None:
    accounts = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        accounts[NUMERIC + CATEGORICAL], accounts["upgraded"], test_size=0.25, random_state=SEED
    )
    preprocess = ColumnTransformer(
        [
            ("numeric", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), NUMERIC),
            ("categorical", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ]
    )
    pipeline = Pipeline([("preprocess", preprocess), ("model", HistGradientBoostingClassifier(random_state=SEED))])
    pipeline.fit(X_train, y_train)
    print("average precision:", average_precision_score(y_test, pipeline.predict_proba(X_test)[:, 1]))
    sio.dump(pipeline, "artifacts/upsell.skops")


def tune_review_classifier(path: str) -> None:
    reviews = pd.read_csv(path)
    docs_train, docs_test, labels_train, labels_test = train_test_split(
        reviews["text"], reviews["positive"], test_size=0.2, random_state=SEED
    )
    text_pipeline = Pipeline(
        [("tfidf", TfidfVectorizer(max_features=VOCAB_SIZE)), ("clf", LogisticRegression(max_iter=MAX_ITER))]
    )
    search = GridSearchCV(text_pipeline, {"clf__C": C_GRID}, cv=CV_FOLDS, scoring="roc_auc")
    search.fit(docs_train, labels_train)
    print("AUC:", roc_auc_score(labels_test, search.predict_proba(docs_test)[:, 1]))
    with mlflow.start_run():
        mlflow.sklearn.log_model(search.best_estimator_, "review-model")


def train_price_model_with_log_features(path: str) -> None:
    """``np.log1p`` through a FunctionTransformer learns nothing from the rows: there is no state to lose."""
    sales = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        sales[SKEWED], sales["price"], test_size=0.2, random_state=SEED
    )
    log_features = FunctionTransformer(np.log1p)
    regressor = RandomForestRegressor(n_estimators=N_TREES, random_state=SEED)
    regressor.fit(log_features.fit_transform(X_train), y_train)
    print("MAE:", mean_absolute_error(y_test, regressor.predict(log_features.transform(X_test))))
    joblib.dump(regressor, "artifacts/price_forest.joblib")


def fit_drift_reference(path: str) -> None:
    """Monitoring keeps the training distribution's statistics; no model is trained on them here."""
    readings = pd.read_csv(path)
    reference = StandardScaler().fit(readings[NUMERIC])
    joblib.dump(reference, "artifacts/drift_reference.joblib")


def train_baseline_ridge(path: str) -> None:
    """The scaler is a step of the saved pipeline, fitted with it."""
    sales = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        sales[SKEWED], sales["price"], test_size=0.2, random_state=SEED
    )
    ridge = Pipeline([("scale", StandardScaler()), ("ridge", Ridge(alpha=RIDGE_ALPHA))])
    ridge.fit(X_train, y_train)
    print("MAE:", mean_absolute_error(y_test, ridge.predict(X_test)))
    joblib.dump(ridge, "artifacts/price_ridge.joblib")


def train_forest_and_plot_embedding(path: str) -> np.ndarray:
    """The scaled projection only feeds a plot; the saved forest is trained on the raw columns."""
    customers = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        customers[NUMERIC], customers["churned"], test_size=0.2, random_state=SEED
    )
    forest = HistGradientBoostingClassifier(random_state=SEED).fit(X_train, y_train)
    print("AUC:", roc_auc_score(y_test, forest.predict_proba(X_test)[:, 1]))
    joblib.dump(forest, "artifacts/churn_forest.joblib")
    scaled = StandardScaler().fit_transform(X_train)
    return PCA(n_components=PLOT_COMPONENTS).fit_transform(scaled)
