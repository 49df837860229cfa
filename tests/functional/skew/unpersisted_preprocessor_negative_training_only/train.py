"""Train the card-fraud model in a project that has no serving code.

The model is handed to a separate platform team, which scores it from the
saved bundle in another repository. Here it is transformed heavily (a log
transform, imputation, clipping, one-hot columns, a scaler) but there is no
serving module in this project to compare it with, and the fitted scaler is
saved in the bundle with the model and the column list. Look-alike: nothing
reported.
"""

import numpy as np
import pandas as pd
import skops.io as sio
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 73
REGULARIZATION_C = 0.3  # [hardcoded-hyperparameter]
MAX_ITER = 2000
MAX_TXN_PER_DAY = 50
NUMERIC = ["log_amount", "txn_count_24h", "distance_from_home_km", "account_age_days"]
TARGET = "is_fraud"


def main() -> None:
    txns = pd.read_parquet("data/card_transactions.parquet")
    txns["log_amount"] = np.log1p(txns["amount"])
    txns["distance_from_home_km"] = txns["distance_from_home_km"].fillna(0)
    txns["txn_count_24h"] = txns["txn_count_24h"].clip(upper=MAX_TXN_PER_DAY)
    X = pd.get_dummies(txns[NUMERIC + ["channel"]], columns=["channel"], dtype=float)
    y = txns[TARGET]

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    scaler = StandardScaler().fit(X_train[NUMERIC])
    X_train[NUMERIC] = scaler.transform(X_train[NUMERIC])
    X_test[NUMERIC] = scaler.transform(X_test[NUMERIC])

    model = LogisticRegression(C=REGULARIZATION_C, max_iter=MAX_ITER, class_weight="balanced")
    model.fit(X_train, y_train)  # [pipeline-not-used]
    scores = model.predict_proba(X_test)[:, 1]
    print("ROC AUC:", roc_auc_score(y_test, scores), "PR AUC:", average_precision_score(y_test, scores))
    sio.dump({"scaler": scaler, "model": model, "columns": list(X.columns)}, "models/fraud_logreg.skops")


if __name__ == "__main__":
    main()
