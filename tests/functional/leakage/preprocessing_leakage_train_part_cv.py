"""Cross-validation of a training part whose preprocessing was fitted on it.

A notebook splits off a hold-out set, fits the imputer and scaler on the
training part, tunes with cross-validation inside that training part and
reports the hold-out score: the rows that score the model never shaped the
preprocessing, so nothing is reported. Fitting the scaler on every labelled
row of the competition file and cross-validating that is still a leak.
"""

import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import KFold, cross_val_score, train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 3
FEATURES = ["living_area", "lot_area", "year_built", "rooms", "garage_cars"]

homes = pd.read_csv("data/homes.csv")
X = homes[FEATURES]
y = homes["sale_price"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=SEED)

imputer = SimpleImputer(strategy="median")
X_train = imputer.fit_transform(X_train)
X_test = imputer.transform(X_test)
scaler = StandardScaler()
X_train = scaler.fit_transform(X_train)
X_test = scaler.transform(X_test)

booster = GradientBoostingRegressor(random_state=SEED)
cv_mae = -cross_val_score(booster, X_train, y_train, cv=KFold(5), scoring="neg_mean_absolute_error").mean()
print(f"CV MAE on the training part: {cv_mae:.0f}")
booster.fit(X_train, y_train)
print(f"hold-out MAE: {mean_absolute_error(y_test, booster.predict(X_test)):.0f}")

# The whole labelled file, scaled once, then cross-validated: every fold's held-out rows shaped the scaler.
labelled = pd.read_csv("data/homes_labelled.csv")
X_all = StandardScaler().fit_transform(labelled[FEATURES])  # [preprocessing-leakage]
all_mae = -cross_val_score(booster, X_all, labelled["sale_price"], cv=5, scoring="neg_mean_absolute_error").mean()
print(f"CV MAE on all rows: {all_mae:.0f}")
