"""Unsafe model deserialization in a nightly batch-scoring job.

The job restores models, encoders and cached features with pickle-based
loaders. Unpickling runs arbitrary code stored in the file, so whoever can
write to the model bucket can run code on the scoring cluster. Flagged:
``pickle``/``joblib``/``dill``/``cloudpickle`` loads, ``torch.load`` without
``weights_only=True``, Keras ``load_model(..., safe_mode=False)``,
``pandas.read_pickle`` and ``numpy.load(..., allow_pickle=True)``, also
through import aliases.
"""

import pickle

import cloudpickle
import dill
import joblib
import keras
import numpy as np
import pandas as pd
import tensorflow as tf
import torch
from joblib import load as joblib_load

MODEL_DIR = "models"


def load_churn_model():
    return joblib.load(f"{MODEL_DIR}/churn_gbm.joblib")  # [unsafe-model-deserialization]


def load_encoders():
    with open(f"{MODEL_DIR}/encoders.pkl", "rb") as fh:
        return pickle.load(fh)  # [unsafe-model-deserialization]


def load_feature_pipeline(path: str):
    # Same loader, imported under another name.
    return joblib_load(path)  # [unsafe-model-deserialization]


def load_recommender(path: str, device: str = "cpu") -> torch.nn.Module:
    recommender = torch.load(path, map_location=device)  # [unsafe-model-deserialization]
    recommender.eval()
    return recommender


def load_ranker_checkpoint(path: str) -> dict:
    # weights_only=False was added to silence the torch 2.6 warning.
    return torch.load(path, weights_only=False)  # [unsafe-model-deserialization]


def load_text_classifier(path: str):
    # The model has a Lambda layer, so the safety check had to be switched off.
    return tf.keras.models.load_model(path, safe_mode=False)  # [unsafe-model-deserialization]


def load_image_model(path: str):
    return keras.models.load_model(path, compile=False, safe_mode=False)  # [unsafe-model-deserialization]


def load_custom_transformer(path: str):
    with open(path, "rb") as fh:
        return dill.load(fh)  # [unsafe-model-deserialization]


def restore_udf(payload: bytes):
    # Spark ships the scoring function as a cloudpickle blob.
    return cloudpickle.loads(payload)  # [unsafe-model-deserialization]


def load_cached_features(day: str) -> pd.DataFrame:
    return pd.read_pickle(f"cache/features_{day}.pkl")  # [unsafe-model-deserialization]


def load_item_embeddings() -> dict:
    # Stored as a 0-d object array wrapping a dict of item_id -> vector.
    return np.load("cache/item_embeddings.npy", allow_pickle=True).item()  # [unsafe-model-deserialization]


# Script part: the same smell at module level.
churn_model = load_churn_model()
scores = pd.read_parquet("data/scoring_batch.parquet")
segment_model = joblib.load("models/segment_kmeans.joblib")  # [unsafe-model-deserialization]
scores["segment"] = segment_model.predict(scores[["recency_days", "frequency", "monetary"]])
scores["churn_proba"] = churn_model.predict_proba(scores.drop(columns=["segment"]))[:, 1]
scores.to_parquet("outputs/scored_batch.parquet", index=False)
