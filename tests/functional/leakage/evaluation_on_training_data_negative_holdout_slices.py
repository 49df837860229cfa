"""House-price notebook that carves a validation block off the training rows by position.

The competition's train and test files are stacked for shared feature
engineering and cut back apart by position; the training rows are then cut
again at row 1200, so the score on the last rows is a held-out score. A grid
search picks its settings on held-out folds, so its training score is only a
diagnostic next to them.
"""

import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import GridSearchCV

HOLDOUT_START = 1200

houses = pd.read_csv("input/train.csv")
competition = pd.read_csv("input/test.csv")
combined = pd.concat([houses.drop(columns=["SalePrice"]), competition])
combined = pd.get_dummies(combined.fillna(0))

known = combined[:houses.shape[0]]
unlabelled = combined[houses.shape[0]:]
print("rows to predict for the leaderboard", len(unlabelled))
prices = houses.SalePrice

fit_rows = known[:HOLDOUT_START]
fit_prices = prices[:HOLDOUT_START]
check_rows = known[HOLDOUT_START:]
check_prices = prices[HOLDOUT_START:]

linear = LinearRegression()
linear.fit(fit_rows, fit_prices)
print("validation R2", linear.score(check_rows, check_prices))

search = GridSearchCV(GradientBoostingRegressor(), {"max_depth": [2, 3, 4]}, cv=5)
best = search.fit(known, prices)
print("training R2 of the chosen settings", best.score(known, prices))
print("cross-validated R2", search.best_score_)
