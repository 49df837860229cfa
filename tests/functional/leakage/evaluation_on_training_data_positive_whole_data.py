"""Digit-classifier notebook that reports accuracy on every image it has, training images included.

The network is trained on three quarters of the images, and its only score
is on all images, so three quarters of that score is on rows it was trained
on; the quarter held out is never scored on its own. The second
half is a house-price notebook whose only score is on its training rows:
the test file it predicts for the leaderboard has no prices.
"""

import os

import numpy as np
import pandas as pd
from keras.layers import Dense
from keras.models import Sequential
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split

EPOCHS = 30
ALPHA = 3.0  # [hardcoded-hyperparameter]
DATA_DIR = "input/houses"

images = np.load("data/digits.npy")
digits = np.load("data/digit_labels.npy")
train_images, valid_images, train_digits, valid_digits = train_test_split(images, digits, test_size=0.25)  # [missing-random-seed]

network = Sequential([Dense(128, activation="relu"), Dense(10, activation="softmax")])  # [unseeded-framework-rng]
network.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
network.fit(train_images, train_digits, epochs=EPOCHS)
print("accuracy on every image", network.evaluate(images, digits))  # [evaluation-on-training-data]

houses = pd.read_csv(os.path.join(DATA_DIR, "train.csv"))
leaderboard = pd.read_csv(DATA_DIR + "/test.csv")
rows = pd.get_dummies(pd.concat([houses.drop(columns=["SalePrice"]), leaderboard]))
known_rows = rows.iloc[0:len(houses)]
leaderboard_rows = rows.iloc[len(houses):]

ridge = Ridge(alpha=ALPHA).fit(known_rows, houses.SalePrice)
print("R2", ridge.score(known_rows, houses.SalePrice))  # [evaluation-on-training-data]
pd.DataFrame({"SalePrice": ridge.predict(leaderboard_rows)}).to_csv("submission.csv", index=False)
