"""Flask churn-risk service that fills missing values differently from training.

Training imputed total_charges with the median and support_calls with 0;
this handler fills every gap with -1. Both features are skewed, so there is
one finding for each, on the line where the handler first reads it.
"""

import os

import pandas as pd
import skops.io as sio
from flask import Flask, jsonify, request

MODEL_PATH = os.environ.get("CHURN_MODEL_PATH", "models/churn_hgb.skops")
# Reviewed with the model: the boosting classes and the numpy types they hold.
TRUSTED_TYPES = os.environ.get("CHURN_TRUSTED_TYPES", "").split(",")
RETENTION_OFFER_ABOVE = float(os.environ.get("RETENTION_OFFER_ABOVE", "0.6"))
FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls", "contract_months"]

app = Flask(__name__)
model = sio.load(MODEL_PATH, trusted=TRUSTED_TYPES)


@app.post("/churn-risk")
def churn_risk():
    payload = request.get_json(force=True)
    # Fields the CRM does not know are simply left out of the request.
    customer = pd.DataFrame([payload]).reindex(columns=FEATURES)
    customer["total_charges"] = customer["total_charges"].fillna(-1)  # [train-serve-skew]
    customer["support_calls"] = customer["support_calls"].fillna(-1)  # [train-serve-skew]
    risk = float(model.predict_proba(customer)[0, 1])
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
