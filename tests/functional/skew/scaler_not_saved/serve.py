"""Flask churn service that scores raw monthly charges with a model trained on scaled ones.

The model expects monthly_charges in standard units, but the scaler was
never saved, so the handler passes dollars: a $70 bill is seventy standard
deviations above the mean and every customer looks like a churner. The
handler never names the feature (the row is built from the whole request in
the model's own column order), so the skew is reported on the predict_proba
line.
"""

import os

import joblib
import pandas as pd
from flask import Flask, jsonify, request

MODEL_PATH = os.environ.get("CHURN_MODEL_PATH", "models/churn_logreg.joblib")
CALL_LIST_ABOVE = float(os.environ.get("CHURN_CALL_LIST_ABOVE", "0.7"))

app = Flask(__name__)
model = joblib.load(MODEL_PATH)  # [unsafe-model-deserialization]


@app.post("/churn")
def churn():
    payload = request.get_json(force=True)
    customer = pd.DataFrame([payload])[model.feature_names_in_]
    churn_probability = float(model.predict_proba(customer)[0, 1])  # [train-serve-skew]
    return jsonify(
        {
            "customer_id": payload.get("customer_id"),
            "churn_probability": churn_probability,
            "add_to_call_list": churn_probability > CALL_LIST_ABOVE,
        }
    )


@app.get("/health")
def health():
    return jsonify({"status": "ok", "features": list(model.feature_names_in_)})
