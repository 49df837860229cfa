"""Sensor notebook whose column helper and fill values see every reading.

Cells were written and rewritten: `rescale` is defined once, then redefined
with a clipped range, and applied column by column with `DataFrame.apply`
before the readings are split, so the scaler inside it is fitted on all of
them. After the split, the missing humidity of the training rows is filled
with the mean of the whole frame, test rows included.
"""

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler

N_TREES = 200  # [hardcoded-hyperparameter]

readings = pd.read_csv("data/sensors.csv")
readings["mean_of_channels"] = readings[["ch1", "ch2", "ch3"]].apply(lambda row: row.mean(), axis=1)


def rescale(column):
    return MinMaxScaler().fit_transform(column.to_frame()).ravel()


def rescale(column):
    clipped = column.clip(-50, 50)
    return MinMaxScaler().fit_transform(clipped.to_frame()).ravel()  # [preprocessing-leakage]


readings[["ch1", "ch2", "ch3"]] = readings[["ch1", "ch2", "ch3"]].apply(rescale)

y = readings.pop("fault")
X_train, X_test, y_train, y_test = train_test_split(readings, y, test_size=0.3, random_state=2)
X_train["humidity"] = X_train["humidity"].fillna(readings["humidity"].mean())  # [preprocessing-leakage]
X_test["humidity"] = X_test["humidity"].fillna(X_train["humidity"].mean())

forest = RandomForestClassifier(n_estimators=N_TREES, random_state=2).fit(X_train, y_train)
print("balanced accuracy", balanced_accuracy_score(y_test, forest.predict(X_test)))
print("AUC", roc_auc_score(y_test, forest.predict_proba(X_test)[:, 1]))
