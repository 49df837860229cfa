"""Notebook: the minority class is upsampled inside the training rows only, then a search tunes the model.

Exported from a notebook on flagging faulty sensor readings. The test rows
are set apart first (once with ``train_test_split``, once with a single
``StratifiedShuffleSplit`` whose indices pick the rows with ``isin``), only
training rows are upsampled, a search cross-validates its candidates on the
upsampled training rows, and the chosen model is scored on the untouched
test rows. Nothing here is reported. The last cell upsamples a training
split and reports only a cross-validated score on the copies: that one is.
"""

import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.metrics import classification_report, f1_score, roc_auc_score
from sklearn.model_selection import (
    GridSearchCV,
    RandomizedSearchCV,
    StratifiedKFold,
    StratifiedShuffleSplit,
    cross_val_score,
    train_test_split,
)
from sklearn.utils import resample

SEED = 11
SENSORS = ["vibration", "temperature", "pressure", "rpm", "humidity"]

readings = pd.read_csv("data/sensor_readings.csv")
readings = readings.dropna(subset=SENSORS)
readings["faulty"].value_counts()

train, test = train_test_split(readings, test_size=0.2, stratify=readings["faulty"], random_state=SEED)
healthy = train[train["faulty"] == 0]
faulty = train[train["faulty"] == 1]
faulty_up = resample(faulty, replace=True, n_samples=len(healthy), random_state=SEED)
balanced = pd.concat([healthy, faulty_up])

X = balanced[SENSORS]
y = balanced["faulty"]
grid = {"n_estimators": [100, 300], "max_depth": [2, 3, 4], "learning_rate": [0.05, 0.1]}
folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
search = RandomizedSearchCV(
    GradientBoostingClassifier(random_state=SEED), grid, n_iter=6, scoring="roc_auc",
    cv=folds.split(X, y), random_state=SEED,
)
search.fit(X, y)
print(search.best_params_)

X_test = test[SENSORS]
y_test = test["faulty"]
print(classification_report(y_test, search.predict(X_test)))
print("test AUC", roc_auc_score(y_test, search.predict_proba(X_test)[:, 1]))

# Second attempt: one stratified shuffle split, rows picked by their index.
splitter = StratifiedShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED)
for train_rows, test_rows in splitter.split(readings[SENSORS], readings["faulty"]):
    kept_for_training = train_rows
    kept_for_testing = test_rows
in_training = readings[readings.index.isin(kept_for_training)]
rare = in_training[in_training["faulty"] == 1]
rare_up = resample(rare, replace=True, n_samples=3 * len(rare), random_state=SEED)
enlarged = pd.concat([readings, rare_up])
fit_rows = enlarged[enlarged.index.isin(kept_for_training)]
check_rows = enlarged[enlarged.index.isin(kept_for_testing)]

forest_search = GridSearchCV(RandomForestClassifier(random_state=SEED), {"max_depth": [4, 8, None]}, cv=5)
forest_search.fit(fit_rows[SENSORS], fit_rows["faulty"])
final_forest = RandomForestClassifier(max_depth=forest_search.best_params_["max_depth"], random_state=SEED)
final_forest.fit(fit_rows[SENSORS], fit_rows["faulty"])
print("F1 on held-back readings", f1_score(check_rows["faulty"], final_forest.predict(check_rows[SENSORS])))

# Last try: a fresh split of the March readings, upsampled, and only cross-validated.
march = pd.read_csv("data/sensor_readings_march.csv")
march_train, march_test = train_test_split(march, test_size=0.2, random_state=SEED)
march_faulty = march_train[march_train["faulty"] == 1]
march_up = resample(march_faulty, replace=True, n_samples=500, random_state=SEED)  # [overlap-leakage]
march_balanced = pd.concat([march_train[march_train["faulty"] == 0], march_up])
cv_auc = cross_val_score(
    RandomForestClassifier(random_state=SEED), march_balanced[SENSORS], march_balanced["faulty"], cv=5,
    scoring="roc_auc",
)
print("cross-validated AUC", cv_auc.mean())
