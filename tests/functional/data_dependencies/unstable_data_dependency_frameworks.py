"""Unstable data dependencies in a review-sentiment project that mixes several frameworks.

Pretrained checkpoints, corpora and lookup tables are pulled from personal home
directories and ad-hoc web locations. The readers differ (torch, joblib,
Hugging Face ``datasets``, polars, ``tf.keras.utils.get_file``) but the debt is
the same: the model silently depends on data nobody versions.

``torch.load`` and ``joblib.load`` of a pickled artifact are also unsafe
deserialization, so those lines carry both markers.
"""

import os

import joblib
import polars as pl
import tensorflow as tf
import torch
from datasets import load_dataset

CHECKPOINT_DIR = "/home/jsmith/experiments/sentiment"


def load_corpus():
    # Raw reviews that were scraped once and never uploaded anywhere shared.
    reviews = load_dataset("/home/jsmith/corpora/product_reviews_v3")  # [unstable-data-dependency]
    return reviews["train"].train_test_split(test_size=0.1, seed=13)


def load_vocabulary() -> dict[str, int]:
    vocab = pl.read_csv(os.path.join(CHECKPOINT_DIR, "vocab.tsv"), separator="\t")  # [unstable-data-dependency]
    return dict(zip(vocab["token"], vocab["index"]))


def load_product_catalogue() -> pl.LazyFrame:
    # Lazily scanned so we only pull the columns we need.
    return pl.scan_parquet("https://cdn.example.com/catalogue/products.parquet")  # [unstable-data-dependency]


def load_encoder_weights(encoder: torch.nn.Module) -> torch.nn.Module:
    state = torch.load(CHECKPOINT_DIR + "/encoder_best.pt", map_location="cpu", weights_only=True)  # [unstable-data-dependency]
    encoder.load_state_dict(state)
    return encoder


def load_label_encoder():
    return joblib.load("/Users/jsmith/Desktop/label_encoder.joblib")  # [unstable-data-dependency, unsafe-model-deserialization]


def download_glove() -> str:
    # Keras caches the archive under ~/.keras/datasets after the first download.
    return tf.keras.utils.get_file("glove.6B.zip", origin="http://nlp.example.edu/data/glove.6B.zip")  # [unstable-data-dependency]
