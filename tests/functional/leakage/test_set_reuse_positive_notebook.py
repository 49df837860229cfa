"""Titanic-style notebook that tries classifiers one after another on the test split.

Exported cell by cell: the split is taken once, then a logistic regression
and a k-NN are each scored on the test rows, and a dict of further models
is scored in a loop. Nobody writes "pick the best", but the table of test
scores is what the choice is made from.
"""

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import SVC

MAX_ITER = 500
N_NEIGHBOURS = 7  # [hardcoded-hyperparameter]

passengers = pd.read_csv("../input/passengers.csv")
y = passengers.pop("survived")
X_train, X_test, y_train, y_test = train_test_split(passengers, y, test_size=0.25, random_state=1)

logreg = LogisticRegression(max_iter=MAX_ITER)
logreg.fit(X_train, y_train)
y_pred = logreg.predict(X_test)
print("logreg", accuracy_score(y_test, y_pred), roc_auc_score(y_test, logreg.predict_proba(X_test)[:, 1]))

knn = KNeighborsClassifier(n_neighbors=N_NEIGHBOURS)
knn.fit(X_train, y_train)  # [scaler-missing]
print("knn", accuracy_score(y_test, knn.predict(X_test)))  # [test-set-reuse]

others = {"forest": RandomForestClassifier(random_state=1), "svm": SVC(probability=True)}
results = {}
for name, model in others.items():
    model.fit(X_train, y_train)
    results[name] = roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])  # [test-set-reuse]
print(pd.Series(results))
