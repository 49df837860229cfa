"""Out-of-fold scores of a credit model, written as exported notebooks write them.

The folds come from `enumerate(kfold.split(X))` and `zip` over the index
pairs, and one loop cuts the rows by hand with a mask; every score is on
the fold that was held out of that model's fit, so nothing here is an
evaluation on training data.
"""

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import KFold

MAX_ITER = 400
N_FOLDS = 5

loans = pd.read_csv("data/loans.csv")
X = loans.drop(columns=["defaulted"])
y = loans["defaulted"]

kfold = KFold(n_splits=N_FOLDS, shuffle=True, random_state=11)
fold_auc = []
for fold, (train_index, valid_index) in enumerate(kfold.split(X)):
    model = LogisticRegression(max_iter=MAX_ITER)
    model.fit(X.iloc[train_index], y.iloc[train_index])
    fold_auc.append(roc_auc_score(y.iloc[valid_index], model.predict_proba(X.iloc[valid_index])[:, 1]))
    print(f"fold {fold}: {fold_auc[-1]:.3f}")
print("mean AUC", np.mean(fold_auc))

splits = list(kfold.split(X))
for number, (fit_rows, check_rows) in zip(range(N_FOLDS), splits):
    model = LogisticRegression(max_iter=MAX_ITER).fit(X.iloc[fit_rows], y.iloc[fit_rows])
    print(number, model.score(X.iloc[check_rows], y.iloc[check_rows]))

shuffled = np.random.default_rng(5).permutation(X.index.values)
for start in range(N_FOLDS):
    held = shuffled[start::N_FOLDS]
    X_valid, y_valid = X.loc[held], y.loc[held]
    X_rest = X[~X.index.isin(held)]
    y_rest = y[~y.index.isin(held)]
    model = LogisticRegression(max_iter=MAX_ITER).fit(X_rest, y_rest)
    print("hand fold", start, roc_auc_score(y_valid, model.predict_proba(X_valid)[:, 1]))
