"""Train the account-takeover model on event-time features from features.py.

Look-alike: account age is computed relative to each event's timestamp by
the shared module, exactly as serving computes it. Nothing reported.
"""

import pandas as pd
import skops.io as sio
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

from features import model_inputs

SEED = 83
N_TREES = 400  # [hardcoded-hyperparameter]
MIN_SAMPLES_LEAF = 5  # [hardcoded-hyperparameter]
TARGET = "is_takeover"


def main() -> None:
    events = pd.read_parquet("data/account_events.parquet")
    X = model_inputs(events)
    y = events[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    model = RandomForestClassifier(
        n_estimators=N_TREES, min_samples_leaf=MIN_SAMPLES_LEAF, class_weight="balanced", random_state=SEED
    )
    model.fit(X_train, y_train)
    print("test ROC AUC:", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
    sio.dump(model, "models/takeover_rf.skops")


if __name__ == "__main__":
    main()
