"""Titanic notebook, done right: the split comes first and one loop fills both parts with the training medians.

The medians are taken from the training part before the loop; the loop over
`[X_train, X_test]` only applies them and adds a row-wise feature, so the
test passengers shape nothing.
"""

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 5
FEATURES = ["Pclass", "Age", "Fare", "FamilySize"]

passengers = pd.read_csv("input/train.csv")
X_train, X_test, y_train, y_test = train_test_split(
    passengers.drop(columns="Survived"), passengers.Survived, test_size=0.2, random_state=SEED
)
age_median, fare_median = X_train["Age"].median(), X_train["Fare"].median()
for part in [X_train, X_test]:
    part["Age"] = part["Age"].fillna(age_median)
    part["Fare"] = part["Fare"].fillna(fare_median)
    part["FamilySize"] = part["SibSp"] + part["Parch"] + 1

model = LogisticRegression(max_iter=1000).fit(X_train[FEATURES], y_train)
print("AUC", roc_auc_score(y_test, model.predict_proba(X_test[FEATURES])[:, 1]))
