"""House-price notebook that takes its fill values from the training rows only.

Statistics of the whole frame are printed and plotted for exploration; the
median and the standardisation that reach the model are computed on the
training split after it is taken, and a standardised copy of the whole
frame that is never used stays a copy.
"""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn import preprocessing
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

RIDGE_ALPHA = 1.0

houses = pd.read_csv("data/houses.csv")
print("mean price", houses["price"].mean(), "median lot", np.median(houses["lot_area"]))
plt.axvline(houses["living_area"].mean())
plt.hist(houses["living_area"])
scaled_preview = preprocessing.scale(houses[["living_area", "lot_area"]])
print(scaled_preview[:5])

y = houses.pop("price")
X_train, X_test, y_train, y_test = train_test_split(houses, y, test_size=0.25, random_state=0)

fill = X_train["lot_area"].median()
X_train["lot_area"] = X_train["lot_area"].fillna(fill)
X_test["lot_area"] = X_test["lot_area"].fillna(fill)
mean, std = X_train["living_area"].mean(), X_train["living_area"].std()
X_train["living_area"] = (X_train["living_area"] - mean) / std
X_test["living_area"] = (X_test["living_area"] - mean) / std

model = Ridge(alpha=RIDGE_ALPHA).fit(X_train, y_train)
print("MAE", mean_absolute_error(y_test, model.predict(X_test)))
