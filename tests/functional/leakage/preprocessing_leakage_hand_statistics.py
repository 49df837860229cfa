"""House-price notebook that fills and rescales with statistics of every row.

Exported from a notebook: the frame is cleaned cell by cell, then split.
The median used to fill missing lot sizes, the mean and standard deviation
used to standardise the living area, and the quantile bins of the build
year are all computed on every house, the test houses included, so their
values have leaked into the training inputs.
"""

import numpy as np
import pandas as pd
from sklearn import preprocessing
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

RIDGE_ALPHA = 1.0

houses = pd.read_csv("data/houses.csv")
houses = houses.drop(columns=["listing_id"])
print(houses.describe())

# Fill missing lot sizes with the typical lot.
houses["lot_area"] = houses["lot_area"].fillna(houses["lot_area"].median())  # [preprocessing-leakage]
houses["garage_cars"].fillna(np.mean(houses["garage_cars"]), inplace=True)  # [preprocessing-leakage]

area = houses["living_area"]
houses["living_area_z"] = (area - area.mean()) / area.std()  # [preprocessing-leakage]
houses["era"] = pd.qcut(houses["year_built"], 4, labels=False)  # [preprocessing-leakage]

y = houses.pop("price")
X = preprocessing.scale(houses)  # [preprocessing-leakage]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
model = Ridge(alpha=RIDGE_ALPHA).fit(X_train, y_train)
print("MAE", mean_absolute_error(y_test, model.predict(X_test)))
