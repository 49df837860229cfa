"""Unsafe deserialization in a Flask pricing service, where it hurts most.

The service unpickles its models at start-up and unpickles cached feature
vectors from Redis on every request: anyone who can write to the model volume
or the cache can run code inside the API. The loaders are imported under
aliases (``from joblib import load``, ``import pickle as pkl``) and are still
flagged. The safe paths (weights-only checkpoint, JSON responses) are not.
"""

import json
import os
import pickle as pkl

import pandas as pd
import redis
import torch
from flask import Flask, abort, jsonify, request
from joblib import load

MODEL_DIR = os.environ.get("MODEL_DIR", "models")

app = Flask(__name__)
cache = redis.Redis(host=os.environ.get("REDIS_HOST", "cache"), port=6379)

price_model = load(os.path.join(MODEL_DIR, "price_gbm.joblib"))  # [unsafe-model-deserialization]
with open(os.path.join(MODEL_DIR, "feature_columns.pkl"), "rb") as fh:
    FEATURE_COLUMNS = pkl.load(fh)  # [unsafe-model-deserialization]
with open(os.path.join(MODEL_DIR, "model_card.json"), encoding="utf-8") as fh:
    MODEL_CARD = json.load(fh)

embedding_state = torch.load(os.path.join(MODEL_DIR, "neighbourhood_emb.pt"), weights_only=True)
neighbourhood_vectors = embedding_state["weight"]


def cached_features(listing_id: str) -> pd.DataFrame | None:
    blob = cache.get(f"features:{listing_id}")
    if blob is None:
        return None
    return pkl.loads(blob)  # [unsafe-model-deserialization]


@app.post("/price")
def price():
    payload = request.get_json(force=True)
    features = cached_features(payload["listing_id"])
    if features is None:
        features = pd.DataFrame([payload["features"]])[FEATURE_COLUMNS]
    estimate = float(price_model.predict(features)[0])
    return jsonify({"listing_id": payload["listing_id"], "price": estimate, "model": MODEL_CARD["version"]})


@app.post("/reload")
def reload_model():
    global price_model
    if request.headers.get("X-Admin-Token") != os.environ.get("ADMIN_TOKEN"):
        abort(403)
    price_model = load(request.json["path"])  # [unsafe-model-deserialization]
    return jsonify({"status": "reloaded"})
