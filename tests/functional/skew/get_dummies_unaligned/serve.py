"""FastAPI listing-price service that one-hot encodes a request on its own.

A single listing has one property type and one heating type, so get_dummies
on the request yields two dummy columns where training had dozens, and in a
different order. The saved training column list is loaded but the frame is
never reindexed to it, so the model receives columns that do not line up
with the ones it learned. The skew is reported on the get_dummies line.
"""

import os

import pandas as pd
import skops.io as sio
from fastapi import FastAPI
from pydantic import BaseModel

MODEL_PATH = os.environ.get("LISTING_MODEL_PATH", "models/listing_price.skops")
TRUSTED_TYPES = os.environ.get("LISTING_TRUSTED_TYPES", "").split(",")
CATEGORICAL = ["property_type", "heating"]

app = FastAPI(title="listing-price")
bundle = sio.load(MODEL_PATH, trusted=TRUSTED_TYPES)
model = bundle["model"]
TRAINING_COLUMNS = bundle["columns"]


class Listing(BaseModel):
    sqft: float
    bedrooms: int
    bathrooms: float
    year_built: int
    property_type: str
    heating: str


@app.post("/price")
def price(listing: Listing) -> dict:
    request_frame = pd.DataFrame([listing.model_dump()])
    encoded = pd.get_dummies(request_frame, columns=CATEGORICAL, dtype=float)  # [train-serve-skew]
    estimate = float(model.predict(encoded)[0])
    return {"price": round(estimate, -2)}


@app.get("/model")
def model_info() -> dict:
    return {"n_columns": len(TRAINING_COLUMNS), "n_trees": len(model.estimators_)}
