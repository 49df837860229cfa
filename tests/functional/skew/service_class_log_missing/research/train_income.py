"""Train the income classifier on log-scaled capital gains and save it for the Django service."""

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

FEATURES = ["age", "hours_per_week", "capital_gain"]

adults = pd.read_csv("data/adult.csv", dtype={"age": "int64", "hours_per_week": "int64", "capital_gain": "float64"})
adults["capital_gain"] = np.log1p(adults["capital_gain"])
model = RandomForestClassifier(random_state=7)
model.fit(adults[FEATURES], adults["income_over_50k"])
joblib.dump(model, "research/income_rf.joblib")
