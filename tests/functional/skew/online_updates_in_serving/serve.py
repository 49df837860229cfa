"""Flask chargeback service that trains the model while it serves it.

Each reported chargeback is fed straight into partial_fit, and an admin
route refits the model from a CSV. Every worker process drifts on its own
stream of feedback, nothing of it is versioned or evaluated, and a burst of
bad labels changes production behaviour within seconds. Each fit call in the
service is reported. Scoring itself is consistent with training.
"""

import os

import pandas as pd
import skops.io as sio
from flask import Flask, abort, jsonify, request

MODEL_PATH = os.environ.get("CHARGEBACK_MODEL_PATH", "models/chargeback_sgd.skops")
TRUSTED_TYPES = os.environ.get("CHARGEBACK_TRUSTED_TYPES", "").split(",")
FEATURES = ["amount_z", "merchant_risk", "txn_count_24h_z", "distance_from_home_z", "card_present"]
CLASSES = [0, 1]

app = Flask(__name__)
model = sio.load(MODEL_PATH, trusted=TRUSTED_TYPES)
segmenter = sio.load(os.path.join("models", "segmenter.skops"), trusted=TRUSTED_TYPES)


@app.post("/score")
def score():
    txn = pd.DataFrame([request.get_json(force=True)])[FEATURES]
    return jsonify({"chargeback_probability": float(model.predict_proba(txn)[0, 1])})


@app.post("/feedback")
def feedback():
    report = request.get_json(force=True)
    txn = pd.DataFrame([report["transaction"]])[FEATURES]
    model.partial_fit(txn, [int(report["charged_back"])], classes=CLASSES)  # [fit-in-serving]
    return jsonify({"status": "learned"})


@app.post("/admin/retrain")
def retrain():
    if request.headers.get("X-Admin-Token") != os.environ.get("ADMIN_TOKEN"):
        abort(403)
    history = pd.read_csv(os.path.join("data", "chargebacks_last_30d.csv"))
    model.fit(history[FEATURES], history["charged_back"])  # [fit-in-serving]
    return jsonify({"status": "retrained", "rows": len(history)})


@app.post("/segments")
def segments():
    # Clustering the batch a client sends: every request gets its own, unrelated segment labels.
    batch = pd.DataFrame(request.get_json(force=True)["transactions"])[FEATURES]
    labels = segmenter.fit_predict(batch)  # [fit-in-serving]
    return jsonify({"segments": labels.tolist()})
