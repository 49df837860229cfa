"""Flask used-car pricing service that aligns one-hot columns with training.

The request is one-hot encoded and then reindexed to the column list saved
by train.py: categories the request lacks become zero columns, categories
training never saw are dropped, and the order is the training order.
Look-alike: nothing reported.
"""

import os

import pandas as pd
import skops.io as sio
from flask import Flask, jsonify, request

MODEL_PATH = os.environ.get("CAR_MODEL_PATH", "models/used_car_price.skops")
TRUSTED_TYPES = os.environ.get("CAR_TRUSTED_TYPES", "").split(",")
CATEGORICAL = ["make", "fuel", "gearbox"]

app = Flask(__name__)
bundle = sio.load(MODEL_PATH, trusted=TRUSTED_TYPES)
model = bundle["model"]


@app.post("/price")
def price():
    car = pd.DataFrame([request.get_json(force=True)])
    X = pd.get_dummies(car, columns=CATEGORICAL, dtype=float)
    X = X.reindex(columns=bundle["columns"], fill_value=0)
    estimate = float(model.predict(X)[0])
    return jsonify({"price_eur": round(estimate, -1)})


@app.get("/health")
def health():
    return jsonify({"status": "ok", "n_columns": len(bundle["columns"])})
