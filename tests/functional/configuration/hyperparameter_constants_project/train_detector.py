"""A Keras image-classifier script whose settings sit at the top of the script.

``INIT_LR`` and ``WEIGHT_DECAY`` are literals of this script that end up in
the optimizer built for ``model.compile``: each is reported once, at the
constant, however many calls use it. ``BS`` reaches only ``model.fit``, not
a constructor, and ``NUM_CLASSES`` sizes a layer. Values imported from the
project's ``config`` module, and the booster dict kept there, are not
reported.
"""

import numpy as np
import tensorflow as tf
import xgboost as xgb
from tensorflow.keras.applications import MobileNetV2
from tensorflow.keras.layers import Dense, GlobalAveragePooling2D
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import SGD, Adam

from config import BATCH_SIZE, BOOSTER_PARAMS, EPOCHS, LEARNING_RATE

INIT_LR = 1e-4  # [hardcoded-hyperparameter]
WEIGHT_DECAY = 5e-4  # [hardcoded-hyperparameter]
BS = 32
NUM_CLASSES = 2
SEED = 3

tf.random.set_seed(SEED)

images = np.load("data/faces.npy")
labels = np.load("data/labels.npy")

base = MobileNetV2(weights="imagenet", include_top=False, input_shape=(224, 224, 3))
head = Dense(NUM_CLASSES, activation="softmax")(GlobalAveragePooling2D()(base.output))
model = Model(inputs=base.input, outputs=head)

model.compile(loss="binary_crossentropy", optimizer=Adam(learning_rate=INIT_LR, weight_decay=WEIGHT_DECAY))
model.fit(images, labels, batch_size=BS, epochs=20)

# Fine-tuning pass: the same constants, no second finding.
model.compile(loss="binary_crossentropy", optimizer=Adam(learning_rate=INIT_LR / 10, weight_decay=WEIGHT_DECAY))
model.fit(images, labels, batch_size=BATCH_SIZE, epochs=EPOCHS)

# Settings from the config module.
model.compile(loss="binary_crossentropy", optimizer=SGD(learning_rate=LEARNING_RATE, momentum=0.0))
booster = xgb.train(BOOSTER_PARAMS, xgb.DMatrix(images.reshape(len(images), -1), label=labels))
