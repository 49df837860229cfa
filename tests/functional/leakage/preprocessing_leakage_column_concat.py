"""Loan notebook that encodes and scales column groups, then glues them side by side.

Each group of columns is prepared on its own, on every applicant, and the
pieces are joined with `pd.concat(axis=1)` before the split: the joined
frame still carries the fitted encoder and scaler, so both have seen the
test applicants.
"""

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

MAX_ITER = 800
NUMERIC = ["income", "loan_amount", "age"]
CATEGORICAL = ["purpose", "home_ownership"]

applicants = pd.read_csv("data/applicants.csv")
numeric = pd.DataFrame(StandardScaler().fit_transform(applicants[NUMERIC]), columns=NUMERIC)  # [preprocessing-leakage]
encoder = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
categorical = pd.DataFrame(encoder.fit_transform(applicants[CATEGORICAL]))  # [preprocessing-leakage]
features = pd.concat([numeric, categorical], axis=1)

X_train, X_test, y_train, y_test = train_test_split(features, applicants["defaulted"], test_size=0.2, random_state=8)
model = LogisticRegression(max_iter=MAX_ITER).fit(X_train, y_train)
print("AUC", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
