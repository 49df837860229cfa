"""Rental-interest notebook, done right: the scaler is fitted on the training listings before the generator fit.

The labelled listings are split first; one scaler is fitted on the training
part and applied to the validation part, so the validation loss Keras reports
during `fit_generator` is measured on rows that shaped nothing.
"""

import numpy as np
import pandas as pd
import tensorflow as tf
from keras.layers import Dense
from keras.models import Sequential
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 3
BATCH = 256
NUMERIC = ["bathrooms", "bedrooms", "price", "photo_count"]
tf.random.set_seed(SEED)

labelled = pd.read_json("input/train.json")
interest = pd.get_dummies(labelled.pop("interest_level")).to_numpy()
X_train, X_val, y_train, y_val = train_test_split(
    labelled[NUMERIC].to_numpy(), interest, train_size=0.8, random_state=SEED
)
scaler = StandardScaler().fit(X_train)
X_train, X_val = scaler.transform(X_train), scaler.transform(X_val)


def batches(features, targets, size):
    start = 0
    while True:
        yield features[start:start + size], targets[start:start + size]
        start = (start + size) % features.shape[0]


network = Sequential()
network.add(Dense(3, activation="softmax", input_dim=len(NUMERIC)))
network.compile(loss="categorical_crossentropy", optimizer="adamax")
history = network.fit_generator(
    generator=batches(X_train, y_train, BATCH), samples_per_epoch=X_train.shape[0], validation_data=(X_val, y_val)
)
print("best validation loss", min(history.history["val_loss"]))
print("mean interest", np.mean(interest, axis=0))
