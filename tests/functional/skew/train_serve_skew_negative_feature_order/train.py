"""Train the house-price model on three columns in a fixed order.

Same training as the swapped-order case: the model is fitted on
sales[FEATURES], living area, then bedrooms, then age. Here serve.py lists
the features in that same order. Look-alike: nothing reported.
"""

import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor

SEED = 89
N_TREES = 500  # [hardcoded-hyperparameter]
MAX_DEPTH = 5  # [hardcoded-hyperparameter]
LEARNING_RATE = 0.05  # [hardcoded-hyperparameter]
FEATURES = ["sqft", "bedrooms", "age"]
TARGET = "price"


def main() -> None:
    sales = pd.read_csv("data/house_sales.csv").dropna(subset=FEATURES + [TARGET])
    X_train, X_test, y_train, y_test = train_test_split(
        sales[FEATURES], sales[TARGET], test_size=0.2, random_state=SEED
    )
    model = XGBRegressor(n_estimators=N_TREES, max_depth=MAX_DEPTH, learning_rate=LEARNING_RATE, random_state=SEED)
    model.fit(X_train, y_train)
    print("test MAE:", mean_absolute_error(y_test, model.predict(X_test)))
    model.save_model("models/price_xgb.json")


if __name__ == "__main__":
    main()
