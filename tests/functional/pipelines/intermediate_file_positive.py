"""Intermediate files: data written by one step and read back by the next, within one module.

The embedding step parks its vectors in a ``.npy`` file for the classifier
step, the vocabulary goes through a JSON file, and the de-duplication step
checkpoints its frame to a feather file that the same function reads again.
Both ends of each file are reported, each naming the other's line.
"""

import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

EMBEDDINGS_PATH = Path("artifacts") / "tmp" / "text_embeddings.npy"
VOCAB_PATH = "artifacts/tmp/vocabulary.json"


def embed_corpus(encoder, texts: list[str]) -> None:
    vectors = encoder.encode(texts, batch_size=64)
    np.save(EMBEDDINGS_PATH, vectors)  # [intermediate-file]


def build_vocabulary(texts: list[str], min_count: int) -> None:
    counts = pd.Series(" ".join(texts).split()).value_counts()
    vocabulary = sorted(counts[counts >= min_count].index)
    with open(VOCAB_PATH, "w", encoding="utf-8") as handle:
        json.dump(vocabulary, handle)  # [intermediate-file]


def train_classifier(labels: np.ndarray) -> LogisticRegression:
    vectors = np.load(os.path.join("artifacts", "tmp", "text_embeddings.npy"))  # [intermediate-file]
    with open(VOCAB_PATH, encoding="utf-8") as handle:
        vocabulary = json.load(handle)  # [intermediate-file]
    classifier = LogisticRegression()
    classifier.fit(vectors, labels)
    classifier.vocabulary_ = vocabulary
    return classifier


def deduplicate(tickets: pd.DataFrame, run_id: str) -> pd.DataFrame:
    checkpoint = f"tmp/{run_id}_tickets.feather"
    tickets.reset_index(drop=True).to_feather(checkpoint)  # [intermediate-file]
    tickets = tickets.drop_duplicates(subset=["customer_id", "subject"])
    restored = pd.read_feather(checkpoint)  # [intermediate-file]
    return restored[restored.index.isin(tickets.index)]
