"""Shot-success notebook: court coordinates binned into 25 equal-width bins over every shot, then split.

With a number of bins, `pd.cut` takes the edges from the smallest and largest
value of all the rows, test shots included. The age bands below use edges
written out by hand and learn nothing from the rows.
"""

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 0
AGE_EDGES = [0, 18, 25, 30, 35, 40]

shots = pd.read_csv("data/shots.csv")
made = shots.pop("shot_made_flag")
shots["loc_x"] = pd.cut(shots["loc_x"], 25)  # [preprocessing-leakage]
shots["loc_y"] = pd.cut(shots["loc_y"], bins=25)  # [preprocessing-leakage]
shots["age_band"] = pd.cut(shots["player_age"], AGE_EDGES, labels=False)
shots["era"] = pd.cut(shots["season_start"], bins=[1990, 2000, 2010, 2020], labels=False)
features = pd.get_dummies(shots[["loc_x", "loc_y", "age_band", "era", "shot_type"]])

X_train, X_test, y_train, y_test = train_test_split(features, made, test_size=0.25, random_state=SEED)
model = LogisticRegression(max_iter=1000).fit(X_train, y_train)
print("AUC", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
