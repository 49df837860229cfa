"""Train the loan-default model and save the fitted scaler next to it.

The scaler is fitted outside a Pipeline, on the training split, and written
to its own file beside the model; serve.py loads both and applies the
scaler before predicting. Look-alike: nothing reported.
"""

import pandas as pd
import skops.io as sio
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 79
REGULARIZATION_C = 0.8  # [hardcoded-hyperparameter]
MAX_ITER = 1500
FEATURES = ["income", "loan_amount", "debt_to_income", "credit_history_months", "open_accounts"]
TARGET = "defaulted"


def main() -> None:
    loans = pd.read_csv("data/loans.csv").dropna(subset=FEATURES + [TARGET])
    X_train, X_test, y_train, y_test = train_test_split(
        loans[FEATURES], loans[TARGET], test_size=0.2, stratify=loans[TARGET], random_state=SEED
    )
    scaler = StandardScaler()
    X_train_scaled = scaler.fit_transform(X_train)
    X_test_scaled = scaler.transform(X_test)

    model = LogisticRegression(C=REGULARIZATION_C, max_iter=MAX_ITER)
    model.fit(X_train_scaled, y_train)  # [pipeline-not-used]
    default_proba = model.predict_proba(X_test_scaled)[:, 1]
    print("ROC AUC:", roc_auc_score(y_test, default_proba), "Brier:", brier_score_loss(y_test, default_proba))
    sio.dump(scaler, "models/loan_scaler.skops")
    sio.dump(model, "models/loan_logreg.skops")


if __name__ == "__main__":
    main()
