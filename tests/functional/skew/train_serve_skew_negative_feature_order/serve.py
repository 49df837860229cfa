"""Flask pricing service that builds rows by hand, in the training order.

The single-listing route writes the three features out by hand and the
batch route builds them from a list with the same order as training; both
give the model sqft, bedrooms, age, as it was trained. Look-alike: nothing
reported.
"""

import os

from flask import Flask, abort, jsonify, request
from xgboost import XGBRegressor

MODEL_PATH = os.environ.get("PRICE_MODEL_PATH", "models/price_xgb.json")
FEATURES = ["sqft", "bedrooms", "age"]

app = Flask(__name__)
model = XGBRegressor()
model.load_model(MODEL_PATH)


@app.post("/price")
def price():
    payload = request.get_json(force=True)
    if not isinstance(payload, dict):
        abort(400, description="expected a JSON object")
    features = [[payload["sqft"], payload["bedrooms"], payload["age"]]]
    estimate = float(model.predict(features)[0])
    return jsonify({"price": round(estimate, -2)})


@app.post("/price/batch")
def price_batch():
    listings = request.get_json(force=True)["listings"]
    rows = [[listing[name] for name in FEATURES] for listing in listings]
    return jsonify({"prices": [round(float(p), -2) for p in model.predict(rows)]})
