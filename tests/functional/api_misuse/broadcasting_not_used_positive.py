"""Feature scaling and attention biases that copy tensors with ``tile`` just to match shapes.

``tile`` materialises the repeated tensor; broadcasting does the same
element-wise operation without the copy.
"""

import numpy as np
import tensorflow as tf

from features.config import settings


def standardise(batch: tf.Tensor, mean: tf.Tensor, std: tf.Tensor) -> tf.Tensor:
    rows = tf.shape(batch)[0]
    tiled_mean = tf.tile(mean[tf.newaxis, :], [rows, 1])  # [broadcasting-not-used]
    return (batch - tiled_mean) / std


def add_position_bias(scores: tf.Tensor, bias: tf.Tensor) -> tf.Tensor:
    return scores + tf.tile(bias[tf.newaxis], [tf.shape(scores)[0], 1, 1])  # [broadcasting-not-used]


def weight_rows(matrix: np.ndarray, weights: np.ndarray) -> np.ndarray:
    return matrix * np.tile(weights, (matrix.shape[0], 1))  # [broadcasting-not-used]


column_means = np.tile(np.zeros((1, settings.n_features)), (settings.n_rows, 1))  # [broadcasting-not-used]
centred = np.ones((settings.n_rows, settings.n_features)) - column_means
