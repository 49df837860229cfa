"""Threshold-dependent metrics formatted straight into a log line.

The only evaluation of the spam classifier is an accuracy and an F1 printed
inside f-strings: still two threshold-dependent metrics and no ranking
metric, so the module gets one finding, at the first of them.
"""

import logging

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

SEED = 17
MAX_ITER = 500
FEATURES = ["n_links", "n_exclamations", "sender_reputation", "subject_caps_ratio"]

logger = logging.getLogger(__name__)


def train_spam_filter() -> LogisticRegression:
    emails = pd.read_csv("data/emails.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        emails[FEATURES], emails["is_spam"], test_size=0.2, random_state=SEED
    )
    model = LogisticRegression(max_iter=MAX_ITER).fit(X_train, y_train)
    predicted = model.predict(X_test)
    logger.info(f"accuracy {accuracy_score(y_test, predicted):.3f}")  # [threshold-dependent-validation]
    logger.info(f"f1 {f1_score(y_test, predicted):.3f}")
    return model
