"""Flask churn service that builds its inputs with the shared features module.

Look-alike: the request record goes through the same build_features call as
the training data, so there is nothing skewed and nothing duplicated.
Nothing reported.
"""

import os

import pandas as pd
import skops.io as sio
from flask import Flask, jsonify, request

from features import build_features

MODEL_PATH = os.environ.get("CHURN_MODEL_PATH", "models/churn_gb.skops")
TRUSTED_TYPES = os.environ.get("CHURN_TRUSTED_TYPES", "").split(",")
RETENTION_OFFER_ABOVE = float(os.environ.get("RETENTION_OFFER_ABOVE", "0.6"))

app = Flask(__name__)
model = sio.load(MODEL_PATH, trusted=TRUSTED_TYPES)


@app.post("/churn-risk")
def churn_risk():
    payload = request.get_json(force=True)
    features = build_features(pd.DataFrame([payload]))
    risk = float(model.predict_proba(features)[0, 1])
    return jsonify(
        {
            "customer_id": payload.get("customer_id"),
            "churn_risk": risk,
            "retention_offer": risk > RETENTION_OFFER_ABOVE,
        }
    )


@app.get("/health")
def health():
    return jsonify({"status": "ok"})
