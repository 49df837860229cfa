"""Two models compared on the test set, and a depth sweep ranked by test error.

The pricing team fits a forest and a gradient-boosted model and ships the one
with the better test score; the finding is on the second model's test
metric. The depth sweep
records the test error of each tree depth and keeps the best after sorting;
the finding is on the metric call in the loop.
"""

import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
from sklearn.metrics import mean_absolute_error, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeRegressor

SEED = 53
N_TREES = 500  # [hardcoded-hyperparameter]
DEPTHS = [2, 4, 6, 8, 12, 16, 24]
CHURN_FEATURES = ["tenure_months", "monthly_charges", "support_calls"]
HOUSE_FEATURES = ["sqft", "bedrooms", "bathrooms", "year_built", "lot_size", "distance_to_center_km"]


def choose_price_model():
    sales = pd.read_csv("data/house_sales.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        sales[HOUSE_FEATURES], sales["price"], test_size=0.2, random_state=SEED
    )
    forest = RandomForestRegressor(n_estimators=N_TREES, random_state=SEED, n_jobs=-1).fit(X_train, y_train)
    boosting = HistGradientBoostingRegressor(random_state=SEED).fit(X_train, y_train)
    mae_forest = mean_absolute_error(y_test, forest.predict(X_test))
    mae_boosting = mean_absolute_error(y_test, boosting.predict(X_test))  # [test-set-reuse]
    if mae_forest < mae_boosting:
        return forest
    return boosting


def sweep_tree_depth() -> int:
    sales = pd.read_csv("data/house_sales.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        sales[HOUSE_FEATURES], sales["price"], test_size=0.2, random_state=SEED
    )
    rows = []
    for depth in DEPTHS:
        tree = DecisionTreeRegressor(max_depth=depth, random_state=SEED).fit(X_train, y_train)
        rows.append({"max_depth": depth, "mae": mean_absolute_error(y_test, tree.predict(X_test))})  # [test-set-reuse]
    ranked = sorted(rows, key=lambda row: row["mae"])
    print(pd.DataFrame(ranked).head())
    return ranked[0]["max_depth"]


def pick_by_test_auc(models: list) -> object:
    frame = pd.read_csv("data/churn.csv")
    X_train, X_test, y_train, y_test = train_test_split(frame[CHURN_FEATURES], frame["churned"], random_state=SEED)
    for model in models:
        model.fit(X_train, y_train)
    # The key function scores every candidate on the test split: the same reuse as a loop.
    return max(models, key=lambda m: roc_auc_score(y_test, m.predict_proba(X_test)[:, 1]))  # [test-set-reuse]
