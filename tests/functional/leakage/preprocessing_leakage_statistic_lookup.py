"""Titanic notebook: missing ages filled, passenger by passenger, from per-title means kept in a list.

The means are computed over every passenger and kept with the titles in a
list; the loop looks each one up and writes it into the frame, and the
frame is then cross-validated, so every held-out fold's ages helped fill
the training folds'.
"""

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import cross_val_score

SEED = 0
N_TREES = 100

passengers = pd.read_csv("input/train.csv")
passengers["Title"] = passengers.Name.str.extract(r",\s*([^.]+)\.", expand=False)
title_ages = []
title_ages.append(sorted(set(passengers.Title)))
title_ages.append(passengers.groupby("Title").Age.mean())  # [preprocessing-leakage]
for row in range(passengers.shape[0]):
    if np.isnan(passengers.Age[row]):
        for position, title in enumerate(title_ages[0]):
            if passengers.Title[row] == title:
                passengers.Age[row] = title_ages[1][title]

features = passengers[["Pclass", "Age", "SibSp", "Parch", "Fare"]].fillna(0)
forest = RandomForestClassifier(n_estimators=N_TREES, criterion="entropy", random_state=SEED)
accuracies = cross_val_score(forest, features, passengers.Survived, cv=10, scoring="roc_auc")
print("AUC", accuracies.mean(), "+/-", accuracies.std())
