"""Preprocessing that does not leak, and code that only looks like it might.

Transformers are fitted on the training part only and applied to the test
part; stateful preprocessing lives in a ``Pipeline`` that cross-validation
refits in every fold; row-wise stateless transforms, summary statistics for a
report, label encoding of the target and column selection happen before the
split without learning anything from the test rows. Nothing here is reported.
"""

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, LabelEncoder, StandardScaler, TargetEncoder

SEED = 13
MAX_ITER = 800
N_SEGMENTS = 6
NUMERIC = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]
CATEGORICAL = ["contract_type", "payment_method", "region"]
TARGET = "churned"


def churn_split_then_fit() -> float:
    customers = pd.read_csv("data/churn.csv")
    X = customers.drop(columns=[TARGET])
    y = customers[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    imputer = SimpleImputer(strategy="median").fit(X_train[NUMERIC])
    scaler = StandardScaler()
    train_scaled = scaler.fit_transform(imputer.transform(X_train[NUMERIC]))
    test_scaled = scaler.transform(imputer.transform(X_test[NUMERIC]))
    model = LogisticRegression(max_iter=MAX_ITER).fit(train_scaled, y_train)
    return roc_auc_score(y_test, model.predict_proba(test_scaled)[:, 1])


def churn_pipeline_cross_validated() -> float:
    customers = pd.read_csv("data/churn.csv")
    pipeline = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression(max_iter=MAX_ITER))
    scores = cross_val_score(pipeline, customers[NUMERIC], customers[TARGET], cv=5, scoring="roc_auc")
    return float(scores.mean())


def churn_stateless_features_and_eda() -> float:
    customers = pd.read_csv("data/churn.csv")
    # Row-wise features: each value depends on its own row only.
    customers["log_total_charges"] = np.log1p(customers["total_charges"])
    customers["charges_ratio"] = customers["monthly_charges"] / customers["total_charges"].clip(lower=1)
    features = NUMERIC + ["log_total_charges", "charges_ratio"]
    X = FunctionTransformer(np.sqrt).fit_transform(customers[features].clip(lower=0))
    # Summary statistics for the data report; nothing here feeds the model.
    print(customers[features].describe())
    print(customers[features].mean())
    print(customers[features].corr())

    y = customers[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    model = LogisticRegression(max_iter=MAX_ITER).fit(X_train, y_train)
    return roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])


def support_ticket_priority() -> float:
    # The target is a text label; mapping it to integers learns nothing about the features.
    tickets = pd.read_csv("data/support_tickets.csv")
    y = LabelEncoder().fit_transform(tickets["escalated"])
    X = tickets.drop(columns=["escalated"])
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    encoder = TargetEncoder(random_state=SEED)
    train_encoded = encoder.fit_transform(X_train[CATEGORICAL], y_train)
    test_encoded = encoder.transform(X_test[CATEGORICAL])
    model = LogisticRegression(max_iter=MAX_ITER).fit(train_encoded, y_train)
    return roc_auc_score(y_test, model.predict_proba(test_encoded)[:, 1])


def customer_segments() -> pd.Series:
    # Unsupervised segmentation for the marketing team: there is no held-out set to leak into.
    customers = pd.read_csv("data/churn.csv")
    X_scaled = StandardScaler().fit_transform(customers[NUMERIC])
    segments = KMeans(n_clusters=N_SEGMENTS, n_init="auto", random_state=SEED).fit_predict(X_scaled)
    return pd.Series(segments, index=customers.index, name="segment")
