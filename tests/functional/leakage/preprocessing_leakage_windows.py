"""Stock-price notebook: the whole series is min-max scaled, then cut into look-back windows and split.

The windows are collected with `append` and turned into arrays; the first
80% of them train the LSTM and the rest test it, but the scaler saw the
test period's prices when it was fitted.
"""

import numpy as np
import pandas as pd
import tensorflow as tf
from keras.layers import LSTM, Dense
from keras.models import Sequential
from sklearn.metrics import mean_squared_error
from sklearn.preprocessing import MinMaxScaler

LOOK_BACK = 60
tf.random.set_seed(0)

prices = pd.read_csv("data/prices.csv", parse_dates=["Date"], index_col="Date")
opening = prices[["Open"]].to_numpy()
scaler = MinMaxScaler(feature_range=(0, 1))
scaled = scaler.fit_transform(opening)  # [preprocessing-leakage]

windows, targets = [], []
for end in range(LOOK_BACK, len(scaled)):
    windows.append(scaled[end - LOOK_BACK:end, 0])
    targets.append(scaled[end, 0])
windows, targets = np.array(windows), np.array(targets)
windows = windows.reshape(windows.shape[0], LOOK_BACK, 1)

cut = int(0.8 * len(windows))
X_train, X_test = windows[:cut], windows[cut:]
y_train, y_test = targets[:cut], targets[cut:]

network = Sequential([LSTM(50, input_shape=(LOOK_BACK, 1)), Dense(1)])
network.compile(optimizer="adam", loss="mean_squared_error")
network.fit(X_train, y_train, epochs=20, batch_size=32)
print("test MSE", mean_squared_error(y_test, network.predict(X_test)))
