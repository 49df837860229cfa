"""Stock-price notebook, done right: the scaler is fitted on the training file's prices only.

The test period comes from a file of its own. Its look-back windows need the
last 60 training days, so the two price columns are stacked and the tail is
cut back out; the scaler fitted on the training prices is only applied to it.
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

train_prices = pd.read_csv("data/train.csv")
test_prices = pd.read_csv("data/test.csv")
scaler = MinMaxScaler(feature_range=(0, 1))
scaled = scaler.fit_transform(train_prices[["Open"]].to_numpy())

windows, targets = [], []
for end in range(LOOK_BACK, len(scaled)):
    windows.append(scaled[end - LOOK_BACK:end, 0])
    targets.append(scaled[end, 0])
windows, targets = np.array(windows), np.array(targets)

network = Sequential([LSTM(50, input_shape=(LOOK_BACK, 1)), Dense(1)])
network.compile(optimizer="adam", loss="mean_squared_error")
network.fit(windows.reshape(-1, LOOK_BACK, 1), targets, epochs=20, batch_size=32)

both = pd.concat((train_prices["Open"], test_prices["Open"]), axis=0)
test_inputs = both[len(both) - len(test_prices) - LOOK_BACK:].to_numpy().reshape(-1, 1)
test_inputs = scaler.transform(test_inputs)
test_windows = np.array([test_inputs[end - LOOK_BACK:end, 0] for end in range(LOOK_BACK, len(test_inputs))])
predicted = scaler.inverse_transform(network.predict(test_windows.reshape(-1, LOOK_BACK, 1)))
print("test MSE", mean_squared_error(test_prices["Open"].to_numpy(), predicted))
