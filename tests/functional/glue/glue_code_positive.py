"""Glue code: scoring handlers whose bodies are conversions between data representations.

Each model needs one input, a float32 matrix of the feature columns, yet the
handlers walk the payload through JSON, dicts, DataFrames, ndarrays and
tensors on the way in and back out again (Sculley et al. 2015, section 5.1).
Each one is reported once, at its ``def`` line.
"""

import json
import os

import numpy as np
import pandas as pd
import torch
import xgboost as xgb
from fastapi import FastAPI, Request, Response
from flask import Flask, request

FEATURES = ["sqft", "bedrooms", "bathrooms", "lot_size", "house_age"]
FRAUD_FEATURES = ["amount", "merchant_risk", "account_age_days", "n_devices"]

app = Flask(__name__)
api = FastAPI(title="fraud-scoring")
price_net = torch.jit.load(os.environ.get("PRICE_MODEL", "models/price_net.ts"))
price_net.eval()
fraud_model = torch.jit.load(os.environ.get("FRAUD_MODEL", "models/fraud_net.ts"))
fraud_model.eval()


@app.post("/predict")
def predict_price():  # [glue-code]
    payload = request.get_json(force=True)
    frame = pd.DataFrame(payload["listings"])
    features = frame[FEATURES].to_numpy(dtype=np.float32)
    with torch.no_grad():
        prices = price_net(torch.from_numpy(features)).numpy()
    result = pd.DataFrame(prices, columns=["price"], index=frame["listing_id"])
    return result.reset_index().to_json(orient="records")


@api.post("/score/batch")
async def score_batch(incoming: Request) -> Response:  # [glue-code]
    body = json.loads(await incoming.body())
    frame = pd.json_normalize(body["events"])
    inputs = torch.tensor(frame[FRAUD_FEATURES].values, dtype=torch.float32)  # [dataframe-values]
    with torch.no_grad():
        scores = fraud_model(inputs).squeeze(1)
    rows = list(zip(frame["event_id"], scores.numpy().tolist()))
    return Response(json.dumps({"scores": dict(rows)}), media_type="application/json")


def transform_fn(model, request_body, content_type, accept):  # [glue-code]
    """SageMaker inference handler for the churn booster."""
    records = json.loads(request_body)
    frame = pd.DataFrame.from_records(records)
    matrix = xgb.DMatrix(frame[FEATURES].to_numpy())
    margins = model.predict(matrix)
    probabilities = np.asarray(margins).tolist()
    return json.dumps({"probabilities": probabilities}), accept
