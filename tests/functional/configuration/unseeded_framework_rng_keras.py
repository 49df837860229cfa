"""A Keras script for image tags that seeds numpy but not TensorFlow.

The numpy seed covers the shuffled file list, not the Dense and Dropout
layers' random weights and masks, which TensorFlow draws. An unseeded
``default_rng()`` is flagged where it is made: no global seed fixes it.
"""

import numpy as np
import tensorflow as tf
from tensorflow import keras

np.random.seed(7)
sampler = np.random.default_rng()  # [unseeded-framework-rng]

paths = np.array(sorted(tf.io.gfile.glob("data/tags/*.png")))
np.random.shuffle(paths)
held_out = sampler.choice(len(paths), size=100, replace=False)

model = keras.Sequential(
    [
        keras.layers.Input(shape=(512,)),
        keras.layers.Dense(128, activation="relu"),  # [unseeded-framework-rng]
        keras.layers.Dropout(0.3),
        keras.layers.Dense(20, activation="sigmoid"),
    ]
)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.load("data/tags/embeddings.npy"), np.load("data/tags/labels.npy"), epochs=5)
