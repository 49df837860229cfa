"""Titanic notebook: both competition files cleaned in one loop, each with its own medians, then cross-validated.

`for frame in [passengers, unseen]` fills each file's gaps with the median of
that file. For the labelled file it is the median of every passenger, and
cross-validation then scores folds whose ages helped fill the training
folds'. The loop variable is an alias: the fills change `passengers` itself.
"""

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

FEATURES = ["Pclass", "Age", "Fare", "FamilySize"]

passengers = pd.read_csv("input/train.csv")
unseen = pd.read_csv("input/test.csv")
survived = passengers.pop("Survived")

for frame in [passengers, unseen]:
    frame["Age"].fillna(frame["Age"].median(), inplace=True)  # [preprocessing-leakage]
    frame["Fare"].fillna(frame["Fare"].median(), inplace=True)  # [preprocessing-leakage]
    frame["FamilySize"] = frame["SibSp"] + frame["Parch"] + 1

model = LogisticRegression(max_iter=1000)
print("CV AUC", cross_val_score(model, passengers[FEATURES], survived, cv=5, scoring="roc_auc").mean())
model.fit(passengers[FEATURES], survived)
pd.DataFrame({"PassengerId": unseen.PassengerId, "Survived": model.predict(unseen[FEATURES])}).to_csv(
    "submission.csv", index=False
)
