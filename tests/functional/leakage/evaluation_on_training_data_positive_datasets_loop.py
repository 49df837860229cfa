"""A churn model scored on every quarter it was trained on, and on nothing else.

The loop walks datasets, but every one of them is a slice of the training
frame the model was fitted on: no turn of it is a held-out evaluation.
"""

import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score

FEATURES = ["tenure_months", "monthly_charges", "support_calls"]

accounts = pd.read_csv("data/accounts.csv")
model = GradientBoostingClassifier(random_state=5).fit(accounts[FEATURES], accounts["churned"])

first_half = accounts[accounts.quarter <= 2]
second_half = accounts[accounts.quarter > 2]
for rows in [first_half, second_half]:
    probabilities = model.predict_proba(rows[FEATURES])[:, 1]
    print(roc_auc_score(rows["churned"], probabilities))  # [evaluation-on-training-data]
