"""A churn classifier judged only at the default 0.5 cut-off.

Accuracy, precision, recall, F1 and the confusion matrix all depend on one
decision threshold. With 8% churners, a model that ranks customers well can
still look poor (or a useless one look good) at 0.5, and nothing in the
evaluation says how the model would do at the threshold the retention team
will actually use. One finding for the module, on its first
threshold-dependent metric.
"""

import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import (
    accuracy_score,
    classification_report,
    confusion_matrix,
    f1_score,
    precision_score,
    recall_score,
)
from sklearn.model_selection import train_test_split

SEED = 79
FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls", "num_products"]
TARGET = "churned"

customers = pd.read_csv("data/churn.csv")
X_train, X_test, y_train, y_test = train_test_split(
    customers[FEATURES], customers[TARGET], test_size=0.2, stratify=customers[TARGET], random_state=SEED
)
model = HistGradientBoostingClassifier(random_state=SEED).fit(X_train, y_train)
predicted = model.predict(X_test)

print("accuracy:", accuracy_score(y_test, predicted))  # [threshold-dependent-validation]
print("precision:", precision_score(y_test, predicted))
print("recall:", recall_score(y_test, predicted))
print("F1:", f1_score(y_test, predicted))


def detailed_report() -> None:
    print(classification_report(y_test, predicted, target_names=["stays", "churns"]))
    print(confusion_matrix(y_test, predicted))
