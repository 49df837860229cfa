"""Flask fraud-scoring service that refits a category encoder on every request.

Training mapped merchant categories through an encoder fitted on the
training split and saved it in the bundle. This handler ignores the saved
encoder and fits a new LabelEncoder on the request's single category, which
always maps it to 0: every transaction looks like it comes from the
alphabetically first category of training. The one line is both a skewed
feature (the first read of merchant_category) and a fit inside serving code.
"""

import os

import joblib
import pandas as pd
from flask import Flask, jsonify, request
from sklearn.preprocessing import LabelEncoder

MODEL_PATH = os.environ.get("FRAUD_MODEL_PATH", "models/fraud_xgb.joblib")
REVIEW_THRESHOLD = float(os.environ.get("FRAUD_REVIEW_THRESHOLD", "0.8"))

app = Flask(__name__)
bundle = joblib.load(MODEL_PATH)  # [unsafe-model-deserialization]
model = bundle["model"]


@app.post("/score")
def score():
    txn = request.get_json(force=True)
    # XGBoost needs a number for the category.
    merchant_code = LabelEncoder().fit_transform([txn["merchant_category"]])[0]  # [train-serve-skew, fit-in-serving]
    row = pd.DataFrame(
        [
            {
                "amount": txn["amount"],
                "merchant_category": merchant_code,
                "txn_count_24h": txn["txn_count_24h"],
                "distance_from_home_km": txn["distance_from_home_km"],
                "card_present": int(txn["card_present"]),
            }
        ]
    )
    fraud_probability = float(model.predict_proba(row)[0, 1])
    return jsonify(
        {
            "transaction_id": txn["transaction_id"],
            "fraud_probability": fraud_probability,
            "manual_review": fraud_probability >= REVIEW_THRESHOLD,
        }
    )
