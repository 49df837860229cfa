"""Churn notebook that trains boosted trees and networks while watching held-out rows.

The training scores printed here sit next to the validation rows each model
is measured on during training (`eval_set`, `validation_data`), so they are
diagnostics, not the only score. The fold loop indexes arrays as
`X[rows, :]`, so its validation rows are out of fold. A first block cut off
on its own (`customers[1:]`, a header row) is not a held-out set.
"""

import numpy as np
import pandas as pd
from keras.layers import Dense
from keras.models import Sequential
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from xgboost import XGBClassifier

TREES = 400  # [hardcoded-hyperparameter]
PATIENCE = 20  # [hardcoded-hyperparameter]
EPOCHS = 15

customers = pd.read_csv("data/churn.csv")[1:]
features = customers.drop(columns=["churned"])
X_train, X_val, y_train, y_val = train_test_split(features, customers.churned, test_size=0.2, random_state=3)

booster = XGBClassifier(n_estimators=TREES, early_stopping_rounds=PATIENCE)
booster.fit(X_train, y_train, eval_set=[(X_train, y_train), (X_val, y_val)])
print("training AUC", roc_auc_score(y_train, booster.predict_proba(X_train)[:, 1]))

network = Sequential([Dense(32, activation="relu"), Dense(1, activation="sigmoid")])  # [unseeded-framework-rng]
network.compile(optimizer="adam", loss="binary_crossentropy", metrics=["AUC"])
network.fit(X_train, y_train, validation_data=(X_val, y_val), epochs=EPOCHS)
print("training loss and AUC", network.evaluate(X_train, y_train))

matrix = features.to_numpy()
labels = customers.churned
leaderboard = pd.read_csv("data/churn_test.csv").to_numpy()
leaderboard_scores = np.zeros(len(leaderboard))
for fold, (fit_rows, check_rows) in enumerate(StratifiedKFold(n_splits=5).split(labels, labels)):
    fold_x, fold_y = matrix[fit_rows, :], labels.iloc[fit_rows]
    check_x, check_y = matrix[check_rows, :], labels.iloc[check_rows]
    member = Sequential([Dense(16, activation="relu"), Dense(1, activation="sigmoid")])  # [memory-not-freed]
    member.compile(optimizer="adam", loss="binary_crossentropy")
    member.fit(fold_x, fold_y, epochs=EPOCHS)
    print(fold, "out-of-fold AUC", roc_auc_score(check_y, member.predict(check_x)))
    leaderboard_scores += member.predict(leaderboard).ravel() / 5
