"""Greedy decoding for a TensorFlow seq2seq model that grows its output with ``tf.concat``.

Every step copies the whole sequence decoded so far: quadratic time, and
inside ``tf.function`` a retrace per length.
"""

import tensorflow as tf

from translate.config import settings
from translate.model import load_decoder

decoder = load_decoder(settings.checkpoint)


def greedy_decode(encoded: tf.Tensor, start_token: int) -> tf.Tensor:
    tokens = tf.fill([tf.shape(encoded)[0], 1], start_token)
    for _ in range(settings.max_length):
        logits = decoder(tokens, encoded)
        next_token = tf.argmax(logits[:, -1, :], axis=-1, output_type=tf.int32)
        tokens = tf.concat([tokens, next_token[:, tf.newaxis]], axis=1)  # [tensor-array-not-used]
    return tokens


def attention_maps(batches: list[tf.Tensor]) -> tf.Tensor:
    maps = tf.zeros([0, settings.max_length])
    for batch in batches:
        _, weights = decoder(batch, batch, return_attention=True)
        maps = tf.concat(values=[maps, weights], axis=0)  # [tensor-array-not-used]
    return maps


embeddings = None
step = 0
while step < settings.steps:
    chunk = decoder.embed(tf.range(step, step + settings.chunk))
    embeddings = chunk if embeddings is None else tf.concat([embeddings, chunk], 0)  # [tensor-array-not-used]
    step += settings.chunk
