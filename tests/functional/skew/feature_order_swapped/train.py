"""Train the house-price model on three columns in a fixed order.

The model is fitted on sales[FEATURES]: living area, then bedrooms, then the
age of the house. XGBoost's JSON model file remembers the column positions,
not what the caller meant by them. serve.py builds the row by hand with the
first two swapped. Nothing in this file is reported.
"""

import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor

SEED = 37
N_TREES = 500  # [hardcoded-hyperparameter]
MAX_DEPTH = 5  # [hardcoded-hyperparameter]
LEARNING_RATE = 0.05  # [hardcoded-hyperparameter]
SUBSAMPLE = 0.8  # [hardcoded-hyperparameter]
FEATURES = ["sqft", "bedrooms", "age"]
TARGET = "price"


def main() -> None:
    sales = pd.read_csv("data/house_sales.csv").dropna(subset=FEATURES + [TARGET])
    X_train, X_test, y_train, y_test = train_test_split(
        sales[FEATURES], sales[TARGET], test_size=0.2, random_state=SEED
    )
    model = XGBRegressor(
        n_estimators=N_TREES,
        max_depth=MAX_DEPTH,
        learning_rate=LEARNING_RATE,
        subsample=SUBSAMPLE,
        random_state=SEED,
    )
    model.fit(X_train, y_train)
    print("test MAE:", mean_absolute_error(y_test, model.predict(X_test)))
    model.save_model("models/price_xgb.json")


if __name__ == "__main__":
    main()
