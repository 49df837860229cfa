"""Insurance-cost notebook that runs two experiments, each with its own train/validation/test split.

The first experiment scales its training part and later cuts that scaled
part again into training and validation rows: the scaler saw the validation
rows. The second experiment starts over from the source file with a new
split; fitting on the first experiment's training part says nothing about
the rows of the second one.
"""

import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

ALPHA = 1.5  # [hardcoded-hyperparameter]
policies = pd.read_csv("data/insurance.csv")
X = pd.get_dummies(policies.drop(columns=["charges"]))
y = policies["charges"]

X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, random_state=9)
scaler = StandardScaler()
X_rest_scaled = scaler.fit_transform(X_rest)  # [preprocessing-leakage]
X_train, X_valid, y_train, y_valid = train_test_split(X_rest_scaled, y_rest, test_size=0.25, random_state=3)
first = Ridge(alpha=ALPHA).fit(X_train, y_train)
print("experiment 1 validation MAE", mean_absolute_error(y_valid, first.predict(X_valid)))

X2 = pd.get_dummies(policies[["age", "bmi", "smoker"]])
X2_rest, X2_test, y2_rest, y2_test = train_test_split(X2, y, test_size=0.2, random_state=42)
X2_train, X2_valid, y2_train, y2_valid = train_test_split(X2_rest, y2_rest, test_size=0.25, random_state=3)
poly = PolynomialFeatures(degree=2)
X2_train_poly = poly.fit_transform(X2_train)
second = Ridge(alpha=ALPHA).fit(X2_train_poly, y2_train)
print("experiment 2 validation MAE", mean_absolute_error(y2_valid, second.predict(poly.transform(X2_valid))))

scaler_two = StandardScaler().fit(X_train)
X3_rest, X3_test, y3_rest, y3_test = train_test_split(X, y, test_size=0.3, random_state=5)
X3_train, X3_valid, y3_train, y3_valid = train_test_split(X3_rest, y3_rest, test_size=0.25, random_state=5)
third = Ridge(alpha=ALPHA).fit(scaler_two.transform(X3_train), y3_train)
print("experiment 3 validation MAE", mean_absolute_error(y3_valid, third.predict(scaler_two.transform(X3_valid))))
