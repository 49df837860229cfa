"""Train the churn model on features built by the shared features module.

Look-alike: the raw records go through features.build_features, the same
function serve.py calls, so the log transform, clipping and imputation are
applied identically on both sides. Nothing reported.
"""

import pandas as pd
import skops.io as sio
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

from features import build_features

SEED = 61
N_TREES = 250  # [hardcoded-hyperparameter]
LEARNING_RATE = 0.05  # [hardcoded-hyperparameter]
MAX_DEPTH = 3
TARGET = "churned"


def main() -> None:
    customers = pd.read_csv("data/churn.csv")
    X = build_features(customers)
    y = customers[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    model = GradientBoostingClassifier(
        n_estimators=N_TREES, learning_rate=LEARNING_RATE, max_depth=MAX_DEPTH, random_state=SEED
    )
    model.fit(X_train, y_train)
    print("test ROC AUC:", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
    sio.dump(model, "models/churn_gb.skops")


if __name__ == "__main__":
    main()
