"""``tile`` used for what broadcasting cannot do, and broadcasting itself: every look-alike stays quiet.

A tiled tensor that is concatenated, returned, fed to a model or stored is
a real copy the code needs, even when it is also used in arithmetic; so is
one multiplied by a scalar.
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


def beam_inputs(example: tf.Tensor, noise: tf.Tensor) -> tf.Tensor:
    beams = tf.tile(example[tf.newaxis], [settings.beam_width, 1])
    perturbed = beams + noise
    return tf.concat([beams, perturbed], axis=0)


def upsampling_kernel(kernel: np.ndarray, filters: int, scale: float) -> np.ndarray:
    """The tile gives the kernel its shape; the scalar factor cannot."""
    return np.tile(kernel[..., np.newaxis], (1, 1, 1, filters)) * scale
