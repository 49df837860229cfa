"""Loan-default notebook that reports a held-out score and then one on every applicant.

The forest is fitted on 70% of `applicants` and scored on the 30% held out,
which is fine; the notebook then reports a confusion matrix and an accuracy
on all of `applicants`, 70% of which the forest was trained on, so that
second figure is inflated. The same happens to a network scored on the
whole blurred copy it was split from.

The look-alike at the end: `X_train_full` is the training set, cut again
into a fitting part and a validation part; its AUC next to the validation
AUC is a training diagnostic its name announces.
"""

import numpy as np
import pandas as pd
from keras.layers import Dense
from keras.models import Sequential
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, confusion_matrix, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 11
TREES = 300  # [hardcoded-hyperparameter]
EPOCHS = 12

loans = pd.read_csv("data/loans.csv")
applicants = loans.drop(columns=["defaulted"])
defaulted = loans["defaulted"]
X_fit, X_hold, y_fit, y_hold = train_test_split(applicants, defaulted, test_size=0.3, random_state=SEED)

forest = RandomForestClassifier(n_estimators=TREES, random_state=SEED)
forest.fit(X_fit, y_fit)
print("held-out accuracy", accuracy_score(y_hold, forest.predict(X_hold)))

everyone = forest.predict(applicants)
print(confusion_matrix(defaulted, everyone))  # [evaluation-on-training-data]
print("accuracy on all applicants", accuracy_score(defaulted, everyone))  # [evaluation-on-training-data]

blurred = np.load("data/loans_blurred.npy")
blur_labels = np.load("data/loans_blurred_labels.npy")
blur_fit, blur_hold, label_fit, label_hold = train_test_split(blurred, blur_labels, test_size=0.25, random_state=SEED)
network = Sequential([Dense(32, activation="relu"), Dense(1, activation="sigmoid")])  # [unseeded-framework-rng]
network.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
network.fit(blur_fit, label_fit, validation_data=(blur_hold, label_hold), epochs=EPOCHS)
print("held-out", network.evaluate(blur_hold, label_hold))
print("every blurred record", network.evaluate(blurred, blur_labels))  # [evaluation-on-training-data]

train_df = pd.read_csv("data/loans_train.csv")
X_train_full = train_df.drop(columns=["defaulted"])
y_train_full = train_df["defaulted"]
X_part, X_valid, y_part, y_valid = train_test_split(X_train_full, y_train_full, test_size=0.2, random_state=SEED)
booster = RandomForestClassifier(n_estimators=TREES, random_state=SEED).fit(X_part, y_part)
print("train AUC", roc_auc_score(y_train_full, booster.predict_proba(X_train_full)[:, 1]))
print("validation AUC", roc_auc_score(y_valid, booster.predict_proba(X_valid)[:, 1]))
