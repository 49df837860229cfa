"""FastAPI pricing service that standardises the living area by hand.

Training fitted a StandardScaler on sqft and saved it in the bundle. This
service was written against the first model: it takes only the model from
the bundle and re-implements the scaling with the mean and standard
deviation pasted from that run's log. Each retrain moves the real
statistics, and the service keeps scaling with the old ones. The skew is
reported on the hand-written scaling line.
"""

import os

import pandas as pd
import skops.io as sio
from fastapi import FastAPI
from pydantic import BaseModel, Field

MODEL_PATH = os.environ.get("PRICE_MODEL_PATH", "models/price_ridge.skops")
TRUSTED_TYPES = os.environ.get("PRICE_TRUSTED_TYPES", "").split(",")

app = FastAPI(title="house-price")
model = sio.load(MODEL_PATH, trusted=TRUSTED_TYPES)["model"]


class House(BaseModel):
    sqft: float = Field(gt=0)
    bedrooms: int = Field(ge=0)
    bathrooms: float = Field(ge=0)
    garage_spaces: int = Field(ge=0)


@app.post("/price")
def price(house: House) -> dict:
    # Mean and standard deviation of sqft, copied from the training log.
    sqft_scaled = (house.sqft - 1834.2) / 512.7  # [train-serve-skew]
    row = pd.DataFrame(
        [
            {
                "sqft": sqft_scaled,
                "bedrooms": house.bedrooms,
                "bathrooms": house.bathrooms,
                "garage_spaces": house.garage_spaces,
            }
        ]
    )
    return {"price": round(float(model.predict(row)[0]), -2)}
