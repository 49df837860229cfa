"""Nightly training of the chargeback model that serve.py then keeps updating.

The features arrive from the feature store already on comparable scales, so
the model is fitted on them as they are: there is no transformation for
serving to get wrong. The problem is in serve.py, which goes on fitting the
model inside request handlers. Nothing in this file is reported.
"""

import pandas as pd
import skops.io as sio
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 47
ALPHA = 1e-4
MAX_ITER = 50  # [hardcoded-hyperparameter]
FEATURES = ["amount_z", "merchant_risk", "txn_count_24h_z", "distance_from_home_z", "card_present"]
TARGET = "charged_back"


def main() -> None:
    transactions = pd.read_parquet("data/scored_transactions.parquet")
    X_train, X_test, y_train, y_test = train_test_split(
        transactions[FEATURES], transactions[TARGET], test_size=0.2,
        stratify=transactions[TARGET], random_state=SEED,
    )
    model = SGDClassifier(loss="log_loss", alpha=ALPHA, max_iter=MAX_ITER, random_state=SEED)
    model.fit(X_train, y_train)  # [scaler-missing]
    print("test ROC AUC:", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
    sio.dump(model, "models/chargeback_sgd.skops")


if __name__ == "__main__":
    main()
