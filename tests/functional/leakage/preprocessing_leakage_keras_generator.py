"""Rental-interest notebook: columns scaled one by one over train and test together, then a Keras generator fit.

The competition's labelled and unlabelled listings are stacked so the
columns line up, and each numeric column is standardised over the whole
stack in a loop. The labelled part is cut back out by position, split once
more for validation, and the network is trained from a batch generator
(`fit_generator`, the Keras 1 spelling) while it reports its loss on the
validation listings, whose scale the test listings helped set.
"""

import numpy as np
import pandas as pd
import tensorflow as tf
from keras.layers import Dense, Dropout
from keras.models import Sequential
from sklearn import preprocessing
from sklearn.model_selection import train_test_split

SEED = 3
BATCH = 256
tf.random.set_seed(SEED)
NUMERIC = ["bathrooms", "bedrooms", "price", "photo_count", "latitude", "longitude"]

labelled = pd.read_json("input/train.json")
unlabelled = pd.read_json("input/test.json")
interest = pd.get_dummies(labelled.pop("interest_level")).to_numpy()
n_labelled = labelled.shape[0]
stacked = pd.concat([labelled, unlabelled])

for column in NUMERIC:
    stacked.loc[:, column] = preprocessing.StandardScaler().fit_transform(stacked[column].values.reshape(-1, 1))  # [preprocessing-leakage]

train_rows = stacked[:n_labelled][NUMERIC].to_numpy()
submission_rows = stacked[n_labelled:][NUMERIC].to_numpy()
X_train, X_val, y_train, y_val = train_test_split(train_rows, interest, train_size=0.8, random_state=SEED)


def batches(features, targets, size):
    order = np.arange(features.shape[0])
    start = 0
    while True:
        picked = order[start:start + size]
        yield features[picked], targets[picked]
        start = (start + size) % features.shape[0]


network = Sequential()
network.add(Dense(64, activation="relu", input_dim=len(NUMERIC)))
network.add(Dropout(0.3))
network.add(Dense(3, activation="softmax"))
network.compile(loss="categorical_crossentropy", optimizer="adamax")
history = network.fit_generator(
    generator=batches(X_train, y_train, BATCH),
    samples_per_epoch=X_train.shape[0],
    nb_epoch=40,
    validation_data=(X_val, y_val),
)
print("best validation loss", min(history.history["val_loss"]))
