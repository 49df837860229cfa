"""Loan default baseline on raw columns (income in dollars, age in years)."""

import pandas as pd
from sklearn.linear_model import LogisticRegression

loans = pd.read_csv("data/loans.csv")
baseline = LogisticRegression(max_iter=1000)
baseline.fit(loans[["income", "age", "debt"]], loans["default"])  # [scaler-missing]
