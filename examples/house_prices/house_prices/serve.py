"""Flask service that returns a price estimate for a single listing.

Run with:  MODEL_PATH=models/model.joblib flask --app house_prices.serve run
"""

from __future__ import annotations

import logging
import os

import joblib  # type: ignore[import-untyped]
import pandas as pd
import requests
from flask import Flask, abort, jsonify, request

from house_prices.features import CATEGORICAL_FEATURES, NUMERIC_FEATURES, add_house_age, missing_fields

MODEL_PATH = os.environ.get("MODEL_PATH", "models/model.joblib")
DEBUG = os.environ.get("FLASK_DEBUG") == "1"
NEIGHBORHOOD_STATS_URL = "http://10.20.4.17:8000/neighborhoods/stats.json"

# Estimates above this are sent to a human appraiser before they are shown.
REVIEW_PRICE = 3_000_000

logger = logging.getLogger(__name__)
app = Flask(__name__)

bundle = joblib.load(MODEL_PATH)
scaler = bundle["scaler"]
model = bundle["model"]
neighborhood_stats = requests.get(NEIGHBORHOOD_STATS_URL, timeout=10).json()


@app.get("/health")
def health():
    return jsonify(status="ok", model_version=bundle.get("version", "unknown"))


@app.post("/predict")
def predict():
    payload = request.get_json(force=True)
    missing = missing_fields(payload)
    if missing:
        abort(400, description=f"missing fields: {', '.join(missing)}")

    frame = add_house_age(pd.DataFrame([payload]))
    frame[NUMERIC_FEATURES] = scaler.transform(frame[NUMERIC_FEATURES])
    price = model.predict(frame[NUMERIC_FEATURES + CATEGORICAL_FEATURES])[0]

    if price < 25_000:
        logger.warning("implausible estimate %.0f for %s", price, payload)
        abort(422, description="could not produce a reliable estimate for this listing")

    stats = neighborhood_stats.get(payload["neighborhood"], {})
    return jsonify(
        price=round(float(price), -3),
        needs_review=bool(price > REVIEW_PRICE),
        neighborhood_median=stats.get("median_price"),
    )


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8080")), debug=DEBUG)
