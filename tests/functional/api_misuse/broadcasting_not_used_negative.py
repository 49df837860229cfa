"""``tile`` used for what broadcasting cannot do, and broadcasting itself: every look-alike stays quiet.

A tiled tensor that is concatenated, returned, fed to a model or stored is
a real copy the code needs.
"""

import numpy as np
import tensorflow as tf

from features.config import settings


def standardise(batch: tf.Tensor, mean: tf.Tensor, std: tf.Tensor) -> tf.Tensor:
    return (batch - mean[tf.newaxis, :]) / std


def query_pairs(query: tf.Tensor, documents: tf.Tensor) -> tf.Tensor:
    repeated = tf.tile(query[tf.newaxis, :], [tf.shape(documents)[0], 1])
    return tf.concat([repeated, documents], axis=1)


def mosaic(tile_image: np.ndarray) -> np.ndarray:
    return np.tile(tile_image, (settings.grid, settings.grid, 1))


def repeated_batch(example: tf.Tensor) -> tf.Tensor:
    batch = tf.tile(example[tf.newaxis], [settings.beam_width, 1])
    scores = batch + 0
    return tf.concat([batch, scores], axis=0)
