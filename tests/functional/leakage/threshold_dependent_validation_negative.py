"""Threshold metrics next to threshold-independent ones.

The churn report keeps accuracy and F1 for the business audience, but the
model is also judged by ROC AUC and average precision on its probabilities,
and by the precision-recall curve the retention team uses to pick its
operating point. Nothing here is reported.
"""

import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    confusion_matrix,
    f1_score,
    precision_recall_curve,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split

SEED = 89
FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls", "num_products"]
TARGET = "churned"


def evaluate_churn_model() -> dict:
    customers = pd.read_csv("data/churn.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers[TARGET], test_size=0.2, stratify=customers[TARGET], random_state=SEED
    )
    model = HistGradientBoostingClassifier(random_state=SEED).fit(X_train, y_train)
    predicted = model.predict(X_test)
    proba = model.predict_proba(X_test)[:, 1]

    precision, recall, thresholds = precision_recall_curve(y_test, proba)
    return {
        "accuracy": accuracy_score(y_test, predicted),
        "f1": f1_score(y_test, predicted),
        "confusion_matrix": confusion_matrix(y_test, predicted).tolist(),
        "roc_auc": roc_auc_score(y_test, proba),
        "average_precision": average_precision_score(y_test, proba),
        "pr_curve_points": len(thresholds),
    }
