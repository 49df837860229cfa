"""Something is fitted on the test or validation data.

Calling ``fit_transform`` on the test part instead of ``transform`` re-learns
the scaling or the vocabulary from the test rows; refitting the model on the
test labels, or oversampling the validation set, contaminates the data that
is supposed to judge the model. The test part is recognised by its position
in ``train_test_split``'s result, whatever it is called, and by names such as
``X_test`` or ``X_val`` when no split is visible (function parameters).
"""

import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 29
MAX_ITER = 700
VOCAB_SIZE = 30000  # [hardcoded-hyperparameter]
FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]
FRAUD_FEATURES = ["amount", "hour", "merchant_risk", "card_age_days", "txn_last_24h"]


def churn_test_rescaled() -> float:
    customers = pd.read_csv("data/churn.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers["churned"], test_size=0.2, random_state=SEED
    )
    scaler = StandardScaler()
    X_train_scaled = scaler.fit_transform(X_train)
    X_test_scaled = scaler.fit_transform(X_test)  # [fit-on-test-data]
    model = LogisticRegression(max_iter=MAX_ITER).fit(X_train_scaled, y_train)
    return roc_auc_score(y_test, model.predict_proba(X_test_scaled)[:, 1])


def review_vectorizer_refit_on_holdout() -> float:
    reviews = pd.read_csv("data/reviews.csv")
    docs_train, docs_holdout, labels_train, labels_holdout = train_test_split(
        reviews["text"], reviews["positive"], test_size=0.2, random_state=SEED
    )
    vectorizer = TfidfVectorizer(max_features=VOCAB_SIZE)
    classifier = LogisticRegression(max_iter=MAX_ITER)
    classifier.fit(vectorizer.fit_transform(docs_train), labels_train)
    # Vectorise the holdout reviews for scoring.
    holdout_matrix = vectorizer.fit_transform(docs_holdout)  # [fit-on-test-data]
    return roc_auc_score(labels_holdout, classifier.predict_proba(holdout_matrix)[:, 1])


def refit_with_test_labels(model, X_test: pd.DataFrame, y_test: pd.Series):
    # The labels of the test month arrived, so the model is refreshed before the final report.
    model.fit(X_test[FRAUD_FEATURES], y_test)  # [fit-on-test-data]
    return model


def balance_validation_set(X_val: pd.DataFrame, y_val: pd.Series) -> tuple:
    # Make the validation set as balanced as the resampled training set.
    return SMOTE(random_state=SEED).fit_resample(X_val, y_val)  # [fit-on-test-data]


def encode_scoring_window(scaler: StandardScaler, test_df: pd.DataFrame) -> pd.DataFrame:
    # Recompute the statistics on the window being scored.
    scaler.fit(test_df[FEATURES])  # [fit-on-test-data]
    return pd.DataFrame(scaler.transform(test_df[FEATURES]), columns=FEATURES, index=test_df.index)
