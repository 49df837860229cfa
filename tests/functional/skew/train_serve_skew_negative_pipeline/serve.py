"""FastAPI pricing service that hands the raw listing to the saved pipeline.

The request fields are passed as they arrive: the pipeline loaded from the
training run applies the log transform, the scaling and the one-hot encoding
itself, exactly as in training. Look-alike: nothing reported.
"""

import os

import pandas as pd
import skops.io as sio
from fastapi import FastAPI
from pydantic import BaseModel, Field

PIPELINE_PATH = os.environ.get("PRICE_PIPELINE_PATH", "models/price_pipeline.skops")
TRUSTED_TYPES = os.environ.get("PRICE_TRUSTED_TYPES", "").split(",")

app = FastAPI(title="house-price")
pipeline = sio.load(PIPELINE_PATH, trusted=TRUSTED_TYPES)


class Listing(BaseModel):
    sqft: float = Field(gt=0)
    lot_size: float = Field(ge=0)
    bedrooms: int
    bathrooms: float
    age: int
    property_type: str
    heating: str


@app.post("/price")
def price(listing: Listing) -> dict:
    frame = pd.DataFrame([listing.model_dump()])
    estimate = float(pipeline.predict(frame)[0])
    return {"price": round(estimate, -2)}


@app.post("/price/batch")
def price_batch(listings: list[Listing]) -> dict:
    frame = pd.DataFrame([listing.model_dump() for listing in listings])
    return {"prices": [round(float(p), -2) for p in pipeline.predict(frame)]}
