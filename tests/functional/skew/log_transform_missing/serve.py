"""Flask pricing service for the model trained in train.py, without the log transform.

Training fitted on log1p(lot_size); this handler hands the model the lot size
in raw square feet as the seller typed it. The largest lot in training was
about 14.4 on the log scale, so to the trees every real lot now looks
larger than any lot they have seen, and the lot size stops influencing the
price. The skew is reported where the handler first reads lot_size from the
request.
"""

import os

import joblib
import pandas as pd
from flask import Flask, abort, jsonify, request

MODEL_PATH = os.environ.get("PRICE_MODEL_PATH", "models/price_gbm.joblib")
REQUIRED = ("sqft", "bedrooms", "bathrooms", "lot_size")

app = Flask(__name__)
# The model file comes from our own training job; loading it is still a pickle.
model = joblib.load(MODEL_PATH)  # [unsafe-model-deserialization]


@app.post("/price")
def price():
    payload = request.get_json(force=True)
    missing = [name for name in REQUIRED if name not in payload]
    if missing:
        abort(400, description=f"missing fields: {', '.join(missing)}")
    listing = pd.DataFrame(
        [
            {
                "sqft": payload["sqft"],
                "bedrooms": payload["bedrooms"],
                "bathrooms": payload["bathrooms"],
                "lot_size": payload["lot_size"],  # [train-serve-skew]
            }
        ]
    )
    estimate = float(model.predict(listing)[0])
    return jsonify({"price": round(estimate, -2), "currency": "USD"})


@app.get("/health")
def health():
    return jsonify({"status": "ok", "model": os.path.basename(MODEL_PATH)})
