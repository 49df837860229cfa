"""A model trained on hand-applied preprocessing and saved without it in a Pipeline.

Each trainer fits a scaler, encoder, imputer, vectorizer or selector on its
own, feeds its output to the model and saves the model: whoever loads the
artifact must re-apply the same preprocessing, in the same order, by hand.
Saving the preprocessor next to the model in a dict or tuple bundle does
not change that; leaving it out altogether is also unpersisted-preprocessor
at its fit.
"""

import pickle

import joblib
import mlflow
import pandas as pd
import skops.io as sio
from keras import Sequential, layers
from sklearn.ensemble import GradientBoostingClassifier, RandomForestRegressor
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, mean_absolute_error, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

SEED = 17
MAX_ITER = 500
VOCAB_SIZE = 20000  # [hardcoded-hyperparameter]
N_TREES = 300  # [hardcoded-hyperparameter]
TREE_DEPTH = 8  # [hardcoded-hyperparameter]
TOP_K_FEATURES = 12
EPOCHS = 40
BATCH_SIZE = 256
HIDDEN_UNITS = 64
CHURN_FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]
CATEGORICAL = ["plan", "region", "device"]
SENSOR_COLUMNS = ["temp", "vibration", "pressure", "rpm", "load"]


def train_churn_bundle(path: str) -> float:
    customers = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        customers[CHURN_FEATURES], customers["churned"], test_size=0.2, random_state=SEED
    )
    scaler = StandardScaler().fit(X_train)
    model = LogisticRegression(max_iter=MAX_ITER).fit(scaler.transform(X_train), y_train)  # [pipeline-not-used]
    auc = roc_auc_score(y_test, model.predict_proba(scaler.transform(X_test))[:, 1])
    # The scaler travels with the model, but the caller still has to chain them by hand.
    joblib.dump({"scaler": scaler, "model": model}, "artifacts/churn.joblib")
    return auc


def train_review_classifier(path: str) -> None:
    reviews = pd.read_csv(path)
    docs_train, docs_test, labels_train, labels_test = train_test_split(
        reviews["text"], reviews["positive"], test_size=0.2, random_state=SEED
    )
    vectorizer = TfidfVectorizer(max_features=VOCAB_SIZE)
    train_matrix = vectorizer.fit_transform(docs_train)
    classifier = LogisticRegression(max_iter=MAX_ITER)
    classifier.fit(train_matrix, labels_train)  # [pipeline-not-used]
    test_proba = classifier.predict_proba(vectorizer.transform(docs_test))[:, 1]
    print("average precision:", average_precision_score(labels_test, test_proba))
    with open("artifacts/reviews.pkl", "wb") as fh:
        pickle.dump((vectorizer, classifier), fh)


def train_plan_upsell(path: str) -> None:
    accounts = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        accounts[CATEGORICAL], accounts["upgraded"], test_size=0.25, random_state=SEED
    )
    encoder = OneHotEncoder(handle_unknown="ignore")
    encoded_train = encoder.fit_transform(X_train)  # [unpersisted-preprocessor]
    booster = XGBClassifier(n_estimators=N_TREES, max_depth=TREE_DEPTH, random_state=SEED)
    booster.fit(encoded_train, y_train)  # [pipeline-not-used]
    print("AUC:", roc_auc_score(y_test, booster.predict_proba(encoder.transform(X_test))[:, 1]))
    # Only the booster is written: the one-hot layout is lost with the encoder.
    booster.save_model("artifacts/upsell.json")


def train_failure_predictor(path: str) -> None:
    readings = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        readings[SENSOR_COLUMNS], readings["failed_within_7d"], test_size=0.2, random_state=SEED
    )
    imputer = SimpleImputer(strategy="median")
    selector = SelectKBest(f_classif, k=TOP_K_FEATURES)
    filled = imputer.fit_transform(X_train)  # [unpersisted-preprocessor]
    selected = selector.fit_transform(filled, y_train)  # [unpersisted-preprocessor]
    gbm = GradientBoostingClassifier(n_estimators=N_TREES, random_state=SEED)
    with mlflow.start_run():
        gbm.fit(selected, y_train)  # [pipeline-not-used]
        held_out = selector.transform(imputer.transform(X_test))
        mlflow.log_metric("roc_auc", roc_auc_score(y_test, gbm.predict_proba(held_out)[:, 1]))
        mlflow.sklearn.log_model(gbm, "failure-model")


def train_demand_forecaster(path: str) -> None:
    orders = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        orders[SENSOR_COLUMNS], orders["units"], test_size=0.2, random_state=SEED
    )
    scaler = StandardScaler()
    forest = RandomForestRegressor(n_estimators=N_TREES, max_depth=TREE_DEPTH, random_state=SEED)
    forest.fit(scaler.fit_transform(X_train), y_train)  # [pipeline-not-used]
    print("MAE:", mean_absolute_error(y_test, forest.predict(scaler.transform(X_test))))
    sio.dump({"scaler": scaler, "forest": forest}, "artifacts/demand.skops")


def train_fraud_network(path: str) -> None:
    transactions = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        transactions[SENSOR_COLUMNS], transactions["is_fraud"], test_size=0.2, random_state=SEED
    )
    scaler = StandardScaler().fit(X_train)
    network = Sequential([layers.Dense(HIDDEN_UNITS, activation="relu"), layers.Dense(1, activation="sigmoid")])
    network.compile(optimizer="adam", loss="binary_crossentropy")
    network.fit(scaler.transform(X_train), y_train, epochs=EPOCHS, batch_size=BATCH_SIZE)  # [pipeline-not-used]
    print("AUC:", roc_auc_score(y_test, network.predict(scaler.transform(X_test)).ravel()))
    # Saved side by side, in two files the serving code has to pair up again.
    network.save("artifacts/fraud.keras")
    joblib.dump(scaler, "artifacts/fraud_scaler.joblib")
