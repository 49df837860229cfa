"""Notebook that compares classifiers on a validation split and opens the test split once.

The candidates are scored on a validation part cut from the training rows;
the chosen one is refitted and reported on the test rows with several
metrics, which is one model described, not several compared.
"""

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

MAX_ITER = 500

passengers = pd.read_csv("../input/passengers.csv")
y = passengers.pop("survived")
X_train, X_test, y_train, y_test = train_test_split(passengers, y, test_size=0.25, random_state=1)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.25, random_state=1)

candidates = {"logreg": LogisticRegression(max_iter=MAX_ITER), "forest": RandomForestClassifier(random_state=1)}
validation_auc = {}
for name, model in candidates.items():
    model.fit(X_fit, y_fit)
    validation_auc[name] = roc_auc_score(y_val, model.predict_proba(X_val)[:, 1])
chosen = candidates[max(validation_auc, key=validation_auc.get)]

chosen.fit(X_train, y_train)
proba = chosen.predict_proba(X_test)[:, 1]
print("test AUC", roc_auc_score(y_test, proba))
labels = chosen.predict(X_test)
print("test accuracy", accuracy_score(y_test, labels), "F1", f1_score(y_test, labels))
