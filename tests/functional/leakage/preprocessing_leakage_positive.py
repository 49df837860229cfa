"""Preprocessing fitted on every row, and only then are the rows split.

Each function is one team's script. Imputation medians, scaling statistics,
TF-IDF vocabularies and IDF weights, target-encoding means and feature rankings
are all learned from the rows that later become the test set, so the test
score no longer measures performance on unseen data. The finding is on the
line of the fit.
"""

import category_encoders as ce
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import mean_absolute_error, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler, TargetEncoder

SEED = 11
N_TREES = 300  # [hardcoded-hyperparameter]
MAX_ITER = 1000
RIDGE_ALPHA = 3.0  # [hardcoded-hyperparameter]
VOCAB_SIZE = 20000  # [hardcoded-hyperparameter]
N_SELECTED = 25
NUMERIC = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]
CATEGORICAL = ["contract_type", "payment_method", "region"]


def churn_with_imputed_and_scaled_features() -> float:
    # Fill gaps in the billing history, then standardise; both see every customer.
    customers = pd.read_csv("data/churn.csv")
    X = customers[NUMERIC]
    y = customers["churned"]
    X_filled = SimpleImputer(strategy="median").fit_transform(X)  # [preprocessing-leakage]
    X_scaled = StandardScaler().fit_transform(X_filled)  # [preprocessing-leakage]
    X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.2, random_state=SEED)
    model = LogisticRegression(max_iter=MAX_ITER).fit(X_train, y_train)
    return roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])


def review_sentiment_tfidf() -> float:
    # Vocabulary and IDF weights are learned from the held-out reviews too.
    reviews = pd.read_csv("data/reviews.csv")
    vectorizer = TfidfVectorizer(max_features=VOCAB_SIZE, ngram_range=(1, 2), sublinear_tf=True)
    features = vectorizer.fit_transform(reviews["text"])  # [preprocessing-leakage]
    X_train, X_test, y_train, y_test = train_test_split(
        features, reviews["positive"], test_size=0.2, stratify=reviews["positive"], random_state=SEED
    )
    classifier = LogisticRegression(max_iter=MAX_ITER).fit(X_train, y_train)
    return roc_auc_score(y_test, classifier.predict_proba(X_test)[:, 1])


def churn_with_target_encoded_categories() -> float:
    # Churn rate per contract type and region, averaged over test customers as well.
    customers = pd.read_csv("data/churn.csv")
    y = customers["churned"]
    encoded = TargetEncoder(random_state=SEED).fit_transform(customers[CATEGORICAL], y)  # [preprocessing-leakage]
    X = np.hstack([customers[NUMERIC].to_numpy(), encoded])
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    forest = RandomForestClassifier(n_estimators=N_TREES, random_state=SEED, n_jobs=-1)
    forest.fit(X_train, y_train)
    return roc_auc_score(y_test, forest.predict_proba(X_test)[:, 1])


def house_prices_with_neighbourhood_encoding() -> float:
    # Mean sale price per neighbourhood and zip code, prices of test houses included.
    sales = pd.read_csv("data/house_sales.csv")
    X = sales[["sqft", "bedrooms", "bathrooms", "neighbourhood", "zip_code"]]
    y = sales["price"]
    encoder = ce.TargetEncoder(cols=["neighbourhood", "zip_code"])
    X_encoded = encoder.fit_transform(X, y)  # [preprocessing-leakage]
    X_train, X_test, y_train, y_test = train_test_split(X_encoded, y, test_size=0.2, random_state=SEED)
    model = Ridge(alpha=RIDGE_ALPHA).fit(X_train, y_train)
    return mean_absolute_error(y_test, model.predict(X_test))


def fraud_with_selected_features() -> float:
    # Keep the transaction features most associated with fraud, ranked on all rows.
    transactions = pd.read_csv("data/transactions.csv")
    X = transactions.drop(columns=["is_fraud"])
    y = transactions["is_fraud"]
    selector = SelectKBest(score_func=f_classif, k=N_SELECTED)
    X_best = selector.fit_transform(X, y)  # [preprocessing-leakage]
    X_train, X_test, y_train, y_test = train_test_split(X_best, y, test_size=0.2, stratify=y, random_state=SEED)
    forest = RandomForestClassifier(n_estimators=N_TREES, class_weight="balanced", random_state=SEED)
    forest.fit(X_train, y_train)
    return roc_auc_score(y_test, forest.predict_proba(X_test)[:, 1])
