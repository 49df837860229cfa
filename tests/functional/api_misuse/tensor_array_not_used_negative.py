"""Decoding loops that collect their outputs the efficient way: every look-alike stays quiet.

A ``tf.TensorArray`` grown step by step, a Python list of tensors stacked
once after the loop, a concat of two fixed tensors inside the loop (nothing
grows), and a concat after the loop.
"""

import tensorflow as tf

from translate.config import settings
from translate.model import load_decoder

decoder = load_decoder(settings.checkpoint)


@tf.function
def greedy_decode(encoded: tf.Tensor, start_token: int) -> tf.Tensor:
    tokens = tf.TensorArray(tf.int32, size=settings.max_length)
    current = tf.fill([tf.shape(encoded)[0]], start_token)
    for index in tf.range(settings.max_length):
        logits = decoder(current[:, tf.newaxis], encoded)
        current = tf.argmax(logits[:, -1, :], axis=-1, output_type=tf.int32)
        tokens = tokens.write(index, current)
    return tf.transpose(tokens.stack())


def attention_maps(batches: list[tf.Tensor]) -> tf.Tensor:
    maps = []
    for batch in batches:
        _, weights = decoder(batch, batch, return_attention=True)
        maps.append(weights)
    return tf.concat(maps, axis=0)


def paired_inputs(questions: list[tf.Tensor], answers: list[tf.Tensor]) -> list[tf.Tensor]:
    pairs = []
    for question, answer in zip(questions, answers):
        joined = tf.concat([question, answer], axis=0)
        pairs.append(joined)
    return pairs


def with_start_token(sequences: list[tf.Tensor]) -> tf.Tensor:
    stacked = tf.stack(sequences)
    start = tf.zeros_like(stacked[:, :1])
    return tf.concat([start, stacked], axis=1)
