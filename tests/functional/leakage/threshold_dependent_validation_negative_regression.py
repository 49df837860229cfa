"""A house-price regressor: no classification threshold to depend on.

Mean absolute error, root mean squared error and R^2 measure a regressor;
none of them is a threshold-dependent classification metric, so the module
has nothing to report even though it never computes ROC AUC.
"""

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

SEED = 101
HOUSE_FEATURES = ["sqft", "bedrooms", "bathrooms", "year_built", "lot_size", "distance_to_center_km"]


def evaluate_price_model() -> dict:
    sales = pd.read_csv("data/house_sales.csv")
    # Prices are skewed, so the model learns the log price and reports in dollars.
    sales["log_price"] = np.log(sales["price"])
    X_train, X_test, y_train, y_test = train_test_split(
        sales[HOUSE_FEATURES], sales["log_price"], test_size=0.2, random_state=SEED
    )
    model = HistGradientBoostingRegressor(random_state=SEED).fit(X_train, y_train)
    predicted_price = np.exp(model.predict(X_test))
    actual_price = np.exp(y_test)
    return {
        "mae": mean_absolute_error(actual_price, predicted_price),
        "rmse": float(np.sqrt(mean_squared_error(actual_price, predicted_price))),
        "r2": r2_score(actual_price, predicted_price),
    }
