"""Taxi-tip notebook: a cleaning helper and a preprocessing-only pipeline, both run before the split.

`clean` fills the tip share through attribute access with the mean of every
trip, and the imputer-plus-scaler pipeline is fitted on all trips; only
then does `evaluate` split the frame and score a forest on the test trips.
The model pipeline at the end, passed to cross-validation, refits its
scaler on each fold and is fine.
"""

import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

N_TREES = 50  # [hardcoded-hyperparameter]
NUMERIC = ["distance", "duration", "fare"]


def clean(trips):
    trips.tip_share = trips.tip / trips.fare
    trips.tip_share = trips.tip_share.fillna(trips.tip_share.mean())  # [preprocessing-leakage]
    return trips.drop(columns=["tip"])


def evaluate(trips, target):
    features = [name for name in trips.columns if name != target]
    X_train, X_test, y_train, y_test = train_test_split(trips[features], trips[target], test_size=0.3)  # [missing-random-seed]
    forest = RandomForestRegressor(n_estimators=N_TREES).fit(X_train, y_train)  # [missing-random-seed]
    return mean_absolute_error(y_test, forest.predict(X_test))


trips = clean(pd.read_parquet("data/trips.parquet"))
prepare = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
trips[NUMERIC] = prepare.fit_transform(trips[NUMERIC])  # [preprocessing-leakage]
print("MAE", evaluate(trips, "tip_share"))

raw = pd.read_parquet("data/trips.parquet")
ridge = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), Ridge())
print(cross_val_score(ridge, raw[NUMERIC], raw["tip"], cv=5, scoring="neg_mean_absolute_error"))
