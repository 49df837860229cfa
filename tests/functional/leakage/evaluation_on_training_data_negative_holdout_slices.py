"""House-price notebook that carves a validation block off the training rows by position.

The competition's train and test files are stacked for shared feature
engineering and cut back apart by position; the training rows are then cut
again at row 1200, so the score on the last rows is a held-out score. A
helper that cuts houses apart along the columns of a transposed matrix
returns a dev block, named so. A grid search picks its settings on held-out
folds, so its training score is only a diagnostic next to them.
"""

import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import LinearRegression, Ridge
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



def columns_apart(features_by_house, prices_by_house, cut):
    """Houses are columns here (features x houses): the first `cut` fit, the rest check."""
    return (
        features_by_house[:, :cut], prices_by_house[:, :cut],
        features_by_house[:, cut:], prices_by_house[:, cut:],
    )


fit_cols, fit_col_prices, dev_cols, dev_col_prices = columns_apart(known.to_numpy().T, prices.to_numpy()[None, :], 900)
by_house = Ridge().fit(fit_cols.T, fit_col_prices.ravel())
print("dev R2", by_house.score(dev_cols.T, dev_col_prices.ravel()))

search = GridSearchCV(GradientBoostingRegressor(), {"max_depth": [2, 3, 4]}, cv=5)  # [missing-random-seed]
best = search.fit(known, prices)
print("training R2 of the chosen settings", best.score(known, prices))
print("cross-validated R2", search.best_score_)
