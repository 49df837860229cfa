"""Experiments that split, preprocess by hand, fit and score, and save nothing.

Without a saved model nobody has to re-apply the preprocessing later, so
the hand-chained scaler and vectorizer are not reported. (Kept apart from
the modules that save artifacts, so the serving fixtures' project index does
not read these experiments as the training code of a saved model.)
Look-alike: nothing reported.
"""

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 53
MAX_ITER = 500
VOCAB_SIZE = 5000  # [hardcoded-hyperparameter]
NUMERIC = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]


def compare_scalings(path: str) -> dict[str, float]:
    customers = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(
        customers[NUMERIC], customers["churned"], test_size=0.2, random_state=SEED
    )
    scaler = StandardScaler().fit(X_train)
    model = LogisticRegression(max_iter=MAX_ITER).fit(scaler.transform(X_train), y_train)
    return {"scaled_auc": roc_auc_score(y_test, model.predict_proba(scaler.transform(X_test))[:, 1])}


def small_vocabulary_experiment(path: str) -> float:
    reviews = pd.read_csv(path)
    docs_train, docs_test, labels_train, labels_test = train_test_split(
        reviews["text"], reviews["positive"], test_size=0.2, random_state=SEED
    )
    vectorizer = TfidfVectorizer(max_features=VOCAB_SIZE)
    classifier = LogisticRegression(max_iter=MAX_ITER)
    classifier.fit(vectorizer.fit_transform(docs_train), labels_train)
    test_proba = classifier.predict_proba(vectorizer.transform(docs_test))[:, 1]
    return average_precision_score(labels_test, test_proba)
