"""Train the card-fraud model with merchant categories encoded as integers.

The encoder is fitted on the training split only and saved in the same
bundle as the model, so serving could apply exactly this mapping. serve.py
fits a fresh encoder on each request instead. Nothing in this file is
reported.
"""

import joblib
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OrdinalEncoder
from xgboost import XGBClassifier

SEED = 19
N_TREES = 500  # [hardcoded-hyperparameter]
MAX_DEPTH = 6  # [hardcoded-hyperparameter]
LEARNING_RATE = 0.05  # [hardcoded-hyperparameter]
UNKNOWN_CODE = -1
FEATURES = ["amount", "merchant_category", "txn_count_24h", "distance_from_home_km", "card_present"]
TARGET = "is_fraud"


def main() -> None:
    transactions = pd.read_parquet("data/card_transactions.parquet")
    X_train, X_test, y_train, y_test = train_test_split(
        transactions[FEATURES], transactions[TARGET], test_size=0.2,
        stratify=transactions[TARGET], random_state=SEED,
    )
    # Categories first seen after training map to UNKNOWN_CODE.
    encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=UNKNOWN_CODE)
    X_train[["merchant_category"]] = encoder.fit_transform(X_train[["merchant_category"]])
    X_test[["merchant_category"]] = encoder.transform(X_test[["merchant_category"]])

    model = XGBClassifier(
        n_estimators=N_TREES, max_depth=MAX_DEPTH, learning_rate=LEARNING_RATE, random_state=SEED
    )
    model.fit(X_train, y_train)  # [pipeline-not-used]
    scores = model.predict_proba(X_test)[:, 1]
    print("ROC AUC:", roc_auc_score(y_test, scores), "PR AUC:", average_precision_score(y_test, scores))
    joblib.dump({"model": model, "merchant_encoder": encoder}, "models/fraud_xgb.joblib")


if __name__ == "__main__":
    main()
