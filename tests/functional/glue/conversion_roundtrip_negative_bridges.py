"""Conversions that look like round trips but change shape or cross frameworks.

Embedding vectors stored one per cell of a frame column come out of
``.to_numpy()`` as an object array; ``tolist()`` and ``np.array`` stack
them into a 2-D matrix. A PyTorch model's weights copied into a TensorFlow
port go through NumPy because no direct path exists. Nothing here is
reported.
"""

import numpy as np
import pandas as pd
import tensorflow as tf
import torch


def embedding_matrix(frame: pd.DataFrame) -> np.ndarray:
    return np.array(frame["embedding"].to_numpy().tolist())


def stacked_features(train: pd.DataFrame, extra: pd.DataFrame) -> np.ndarray:
    return np.vstack((np.array(train["vector"].values.tolist()), np.array(extra["vector"].values.tolist())))  # [dataframe-values, dataframe-values]


class PortedDense(tf.keras.layers.Layer):
    def __init__(self, torch_linear: torch.nn.Linear):
        super().__init__()
        self.kernel = tf.convert_to_tensor(torch_linear.weight.detach().numpy().T, dtype=tf.float32)
        self.bias = tf.constant(torch_linear.bias.detach().numpy())

    def call(self, inputs):
        return tf.matmul(inputs, self.kernel) + self.bias


def stack_fold_logits(prediction_files):
    stacked = []
    for fold in [pd.read_parquet(path) for path in prediction_files]:
        stacked.append(np.array(fold["logits"].values.tolist()))
    return np.concatenate(stacked)
