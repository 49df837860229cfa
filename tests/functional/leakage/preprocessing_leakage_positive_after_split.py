"""The split is there, but the preprocessing still learns from the test rows.

A scaler fitted on the whole table after splitting and then used on both
parts, a scaler fitted on the train and test parts glued back together, and a
time-ordered demand table scaled in place before it is cut into train and
test with ``iloc``. Each is reported on the line of the fit.
"""

import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import mean_absolute_error, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler, StandardScaler

SEED = 3
MAX_ITER = 800
TRAIN_FRACTION = 0.8
CHURN_FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]
FRAUD_FEATURES = ["amount", "hour", "merchant_risk", "card_age_days", "txn_last_24h"]
DEMAND_FEATURES = ["price", "promo_depth", "footfall", "temperature", "lag_1w_units"]


def churn_scaler_fitted_on_all_rows() -> float:
    customers = pd.read_csv("data/churn.csv")
    X = customers[CHURN_FEATURES]
    y = customers["churned"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

    # One scaler for the whole table, reused for both parts.
    scaler = StandardScaler().fit(X)  # [preprocessing-leakage]
    model = LogisticRegression(max_iter=MAX_ITER).fit(scaler.transform(X_train), y_train)
    proba = model.predict_proba(scaler.transform(X_test))[:, 1]
    return roc_auc_score(y_test, proba)


def fraud_scaler_on_concatenated_parts() -> float:
    transactions = pd.read_csv("data/transactions.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        transactions[FRAUD_FEATURES], transactions["is_fraud"], test_size=0.25, random_state=SEED
    )

    # The min and max must cover every amount we will ever score, so use both parts.
    scaler = MinMaxScaler()
    scaler.fit(pd.concat([X_train, X_test]))  # [preprocessing-leakage]
    model = LogisticRegression(max_iter=MAX_ITER, class_weight="balanced")
    model.fit(scaler.transform(X_train), y_train)
    return roc_auc_score(y_test, model.predict_proba(scaler.transform(X_test))[:, 1])


def weekly_demand_forecast() -> float:
    # Store demand is forecast forward in time: the last fifth of the weeks is the test period.
    sales = pd.read_csv("data/store_sales.csv", parse_dates=["week"]).sort_values("week")
    sales[DEMAND_FEATURES] = StandardScaler().fit_transform(sales[DEMAND_FEATURES])  # [preprocessing-leakage]

    cutoff = int(len(sales) * TRAIN_FRACTION)
    train = sales.iloc[:cutoff]
    test = sales.iloc[cutoff:]
    model = GradientBoostingRegressor(random_state=SEED)
    model.fit(train[DEMAND_FEATURES], train["units_sold"])
    return mean_absolute_error(test["units_sold"], model.predict(test[DEMAND_FEATURES]))
