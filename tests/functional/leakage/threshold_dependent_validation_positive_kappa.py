"""A binary fraud flag judged by plain (unweighted) kappa and accuracy only."""

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, cohen_kappa_score
from sklearn.model_selection import train_test_split


def evaluate(config):
    frame = pd.read_parquet(config["transactions_path"])
    train, test = train_test_split(frame, test_size=0.25, random_state=config["seed"])
    features = [column for column in frame.columns if column != "is_fraud"]
    model = RandomForestClassifier(**config["model"], random_state=config["seed"])
    model.fit(train[features], train["is_fraud"])
    flagged = model.predict(test[features])
    agreement = cohen_kappa_score(test["is_fraud"], flagged, weights=None)  # [threshold-dependent-validation]
    return agreement, accuracy_score(test["is_fraud"], flagged)
