"""Models judged on the rows they were trained on.

A metric computed on the training data measures memorisation, not
generalisation; when it is the only number a model ever gets, nobody knows
how it does on new data. A model fitted on all rows and then scored on a
split part of those rows is just as bad, even next to other evaluations: the
"test" rows were part of its training data.
"""

import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor, RandomForestClassifier
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import mean_absolute_error, r2_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 41
N_TREES = 400  # [hardcoded-hyperparameter]
MAX_ITER = 800
RIDGE_ALPHA = 2.0  # [hardcoded-hyperparameter]
PARAM_GRID = {"max_depth": [4, 8, 16], "min_samples_leaf": [1, 5, 20]}
HOUSE_FEATURES = ["sqft", "bedrooms", "bathrooms", "year_built", "lot_size"]
CHURN_FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]
FRAUD_FEATURES = ["amount", "hour", "merchant_risk", "card_age_days", "txn_last_24h"]


def nightly_house_price_report() -> float:
    # Refit on every sale and push the fit quality to the pricing dashboard.
    sales = pd.read_csv("data/house_sales.csv")
    X, y = sales[HOUSE_FEATURES], sales["price"]
    model = GradientBoostingRegressor(random_state=SEED).fit(X, y)
    r2 = r2_score(y, model.predict(X))  # [evaluation-on-training-data]
    print(f"price model R^2: {r2:.3f}")
    return r2


def fraud_auc_on_training_part() -> float:
    transactions = pd.read_csv("data/transactions.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        transactions[FRAUD_FEATURES], transactions["is_fraud"], test_size=0.2, random_state=SEED
    )
    forest = RandomForestClassifier(n_estimators=N_TREES, random_state=SEED, n_jobs=-1).fit(X_train, y_train)
    auc = roc_auc_score(y_train, forest.predict_proba(X_train)[:, 1])  # [evaluation-on-training-data]
    print(f"fraud model AUC: {auc:.3f}")
    return auc


def churn_pipeline_score() -> float:
    customers = pd.read_csv("data/churn.csv")
    X, y = customers[CHURN_FEATURES], customers["churned"]
    pipeline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=MAX_ITER))
    pipeline.fit(X, y)
    return pipeline.score(X, y)  # [evaluation-on-training-data]


def churn_grid_search_on_all_rows() -> float:
    customers = pd.read_csv("data/churn.csv")
    X, y = customers[CHURN_FEATURES], customers["churned"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    grid = GridSearchCV(RandomForestClassifier(random_state=SEED), PARAM_GRID, cv=5, scoring="roc_auc")
    # Tune on every labelled customer to squeeze out the best parameters.
    grid.fit(X, y)
    print(f"cross-validated AUC: {grid.best_score_:.3f}")
    return grid.score(X_test, y_test)  # [evaluation-on-training-data]


def house_price_ridge_fitted_before_split() -> float:
    sales = pd.read_csv("data/house_sales.csv")
    X, y = sales[HOUSE_FEATURES], sales["price"]
    model = Ridge(alpha=RIDGE_ALPHA).fit(X, y)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
    test_predictions = model.predict(X_test)
    return mean_absolute_error(y_test, test_predictions)  # [evaluation-on-training-data]
