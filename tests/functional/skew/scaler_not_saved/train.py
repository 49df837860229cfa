"""Train the churn model on a standardised monthly charge, then save only the model.

The scaler is fitted on the training split (no leakage) and the model learns
monthly_charges in standard units, but only the model reaches the model
volume: the scaler's mean and scale are lost when this script exits, and
serving has no way to reproduce the transform. The finding is on the
scaler's fit line.
"""

import joblib
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 41
REGULARIZATION_C = 0.5  # [hardcoded-hyperparameter]
MAX_ITER = 1000
FEATURES = ["monthly_charges", "tenure_months", "support_calls", "on_fiber", "auto_pay"]
TARGET = "churned"


def main() -> None:
    customers = pd.read_csv("data/churn.csv").dropna(subset=FEATURES + [TARGET])
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers[TARGET], test_size=0.2, stratify=customers[TARGET], random_state=SEED
    )
    scaler = StandardScaler()
    X_train[["monthly_charges"]] = scaler.fit_transform(X_train[["monthly_charges"]])  # [unpersisted-preprocessor]
    X_test[["monthly_charges"]] = scaler.transform(X_test[["monthly_charges"]])

    model = LogisticRegression(C=REGULARIZATION_C, max_iter=MAX_ITER)
    model.fit(X_train, y_train)  # [pipeline-not-used]
    churn_proba = model.predict_proba(X_test)[:, 1]
    print("ROC AUC:", roc_auc_score(y_test, churn_proba), "log loss:", log_loss(y_test, churn_proba))
    joblib.dump(model, "models/churn_logreg.joblib")


if __name__ == "__main__":
    main()
