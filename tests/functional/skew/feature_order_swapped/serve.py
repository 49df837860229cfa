"""Flask pricing service that lists the features in the wrong order.

Training fitted on columns in the order sqft, bedrooms, age. The handler
builds a plain nested list with bedrooms first and sqft second; a list has
no column names to check, so the model reads the bedroom count as the
living area and the other way round, and answers without complaint. One
finding, on the line that builds the row.
"""

import os

from flask import Flask, abort, jsonify, request
from xgboost import XGBRegressor

MODEL_PATH = os.environ.get("PRICE_MODEL_PATH", "models/price_xgb.json")

app = Flask(__name__)
model = XGBRegressor()
model.load_model(MODEL_PATH)


@app.post("/price")
def price():
    payload = request.get_json(force=True)
    if not isinstance(payload, dict):
        abort(400, description="expected a JSON object")
    features = [[payload["bedrooms"], payload["sqft"], payload["age"]]]  # [train-serve-skew]
    estimate = float(model.predict(features)[0])
    return jsonify({"price": round(estimate, -2), "model": os.path.basename(MODEL_PATH)})


@app.get("/health")
def health():
    return jsonify({"status": "ok", "features": model.n_features_in_})
