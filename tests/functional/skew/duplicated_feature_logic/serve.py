"""Flask pricing service that re-derives the training features by hand.

House age and room count are computed exactly as train.py computes them,
with the same reference year, so the model sees consistent inputs and there
is no skew. Each computation is still a second copy of the training code
rather than a call to one shared function, and is reported (as information)
on the serving line.
"""

import os

import pandas as pd
import skops.io as sio
from flask import Flask, jsonify, request

MODEL_PATH = os.environ.get("PRICE_MODEL_PATH", "models/price_gbm.skops")
TRUSTED_TYPES = os.environ.get("PRICE_TRUSTED_TYPES", "").split(",")
REFERENCE_YEAR = 2024

app = Flask(__name__)
model = sio.load(MODEL_PATH, trusted=TRUSTED_TYPES)


@app.post("/price")
def price():
    payload = request.get_json(force=True)
    age = REFERENCE_YEAR - payload["year_built"]  # [duplicated-feature-logic]
    total_rooms = payload["bedrooms"] + payload["bathrooms"]  # [duplicated-feature-logic]
    row = pd.DataFrame(
        [
            {
                "sqft": payload["sqft"],
                "age": age,
                "total_rooms": total_rooms,
                "garage_spaces": payload["garage_spaces"],
            }
        ]
    )
    estimate = float(model.predict(row)[0])
    return jsonify({"price": round(estimate, -2)})


@app.get("/health")
def health():
    return jsonify({"status": "ok", "reference_year": REFERENCE_YEAR})
