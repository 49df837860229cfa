"""Look-alikes of glue code: conversions that are few, scattered, or not around a model.

A handler that turns the request into a frame and the prediction into a
response converts twice, which is what serving needs. A training loop that
collects predictions converts more often, but among many other statements.
A reporting helper converts a lot, but calls no model. None is reported.
"""

import json
import os

import joblib
import numpy as np
import pandas as pd
from flask import Flask, jsonify, request

app = Flask(__name__)
pipeline = joblib.load(os.environ.get("PIPELINE_PATH", "models/price_pipeline.joblib"))  # [unsafe-model-deserialization]


@app.post("/predict")
def predict():
    payload = request.get_json(force=True)
    price = pipeline.predict(pd.DataFrame([payload]))[0]
    return jsonify(price=float(price))


@app.post("/predict/batch")
def predict_batch():
    listings = pd.DataFrame.from_records(request.get_json(force=True)["listings"])
    listings["price"] = pipeline.predict(listings)
    listings["review"] = listings["price"].rank(pct=True)
    listings = listings.sort_values("price", ascending=False)
    return listings[["listing_id", "price", "review"]].to_json(orient="records")


def train_epoch(net, loader, optimizer, criterion, device):
    net.train()
    losses = []
    all_preds = []
    all_targets = []
    for features, targets in loader:
        features = features.to(device)
        targets = targets.to(device)
        optimizer.zero_grad()
        outputs = net(features)
        loss = criterion(outputs, targets)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        all_preds.extend(outputs.argmax(dim=1).cpu().numpy().tolist())
        all_targets.extend(targets.cpu().numpy().tolist())
    report = pd.DataFrame({"pred": np.array(all_preds), "target": np.array(all_targets)})
    return float(np.mean(losses)), report


def summary_payload(scored: pd.DataFrame) -> str:
    by_segment = scored.groupby("segment")["score"].mean()
    histogram = np.histogram(scored["score"].to_numpy(), bins=10)[0]
    return json.dumps(
        {
            "segments": by_segment.to_dict(),
            "histogram": histogram.tolist(),
            "top": scored.nlargest(5, "score").to_dict(orient="records"),
            "ids": list(scored["listing_id"]),
        }
    )
