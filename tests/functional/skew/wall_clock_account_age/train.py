"""Train the account-takeover model with account age measured at event time.

Each historical event carries the time it happened, and account age is
computed relative to it: how old the account was when the transaction took
place. serve.py measures the age against the wall clock instead, which only
agrees with training when a request is scored the instant it happens.
Nothing in this file is reported.
"""

import pandas as pd
import skops.io as sio
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 31
N_TREES = 400  # [hardcoded-hyperparameter]
MIN_SAMPLES_LEAF = 5  # [hardcoded-hyperparameter]
FEATURES = ["amount", "account_age_days", "failed_logins_1h", "new_device"]
TARGET = "is_takeover"


def main() -> None:
    events = pd.read_parquet("data/account_events.parquet")
    events["event_ts"] = pd.to_datetime(events["event_ts"], utc=True)
    events["signup_ts"] = pd.to_datetime(events["signup_ts"], utc=True)
    # How old the account was when the event happened, not how old it is today.
    events["account_age_days"] = (events["event_ts"] - events["signup_ts"]).dt.total_seconds() / 86400

    X_train, X_test, y_train, y_test = train_test_split(
        events[FEATURES], events[TARGET], test_size=0.2, stratify=events[TARGET], random_state=SEED
    )
    model = RandomForestClassifier(
        n_estimators=N_TREES, min_samples_leaf=MIN_SAMPLES_LEAF, class_weight="balanced", random_state=SEED
    )
    model.fit(X_train, y_train)
    print("test ROC AUC:", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
    sio.dump(model, "models/takeover_rf.skops")


if __name__ == "__main__":
    main()
