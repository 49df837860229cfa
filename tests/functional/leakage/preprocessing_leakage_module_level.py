"""Churn model whose scaler has already seen the test customers.

The retention team standardises the billing features so the logistic
regression converges, but the scaler is fitted on every customer before the
rows are split. The means and variances used to transform the held-out
customers were computed with those same customers, so the test score is
optimistic. Module-level variant: the same snippet inside a function is
preprocessing_leakage_in_function.py, and both must be reported.
"""

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 7
MAX_ITER = 500
FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]
TARGET = "churned"

customers = pd.read_csv("data/churn.csv")
X = customers[FEATURES]
y = customers[TARGET]

# Standardise the billing columns so the solver converges quickly.
scaler = StandardScaler()
X_scaled = scaler.fit_transform(X)  # [preprocessing-leakage]

X_train, X_test, y_train, y_test = train_test_split(
    X_scaled, y, test_size=0.2, stratify=y, random_state=SEED
)

model = LogisticRegression(max_iter=MAX_ITER, random_state=SEED)
model.fit(X_train, y_train)
test_auc = roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])
print(f"held-out ROC AUC: {test_auc:.3f}")
