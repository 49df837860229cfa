"""Monthly-sales notebook with its own RMSE helper, scored only on the months it was trained on.

The helper's parameters are named like the notebook's globals (`y_pred` is
later reassigned to the predictions for the label-less competition file):
inside the helper they are whatever the call passes, so the only score is
the training RMSE.
"""

import math

import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error

history = pd.read_csv("input/sales_train.csv")
competition = pd.read_csv("input/test.csv")
X_train = history[["shop_id", "item_id"]]
y_train = history["item_cnt_month"]
X_test = competition.drop(columns=["ID"])

model = LinearRegression()
model.fit(X_train, y_train)
y_pred = model.predict(X_train)


def rmse(y_true, y_pred):
    return math.sqrt(mean_squared_error(y_true, y_pred))  # [evaluation-on-training-data]


print("training RMSE", rmse(y_train, y_pred))
y_pred = model.predict(X_test)
pd.DataFrame({"ID": competition["ID"], "item_cnt_month": y_pred}).to_csv("submission.csv", index=False)
