"""FastAPI delivery-ETA service feeding raw inputs to a network trained on scaled ones.

All three inputs were min-max scaled in training and the scaler was never
saved, so the handler passes kilometres, item counts and minutes straight to
a network that has only seen values between 0 and 1. There is one finding per
scaled feature, each on the line where the handler reads it.
"""

import os

import numpy as np
from fastapi import FastAPI
from keras import models
from pydantic import BaseModel

MODEL_PATH = os.environ.get("ETA_MODEL_PATH", "models/delivery_eta.keras")

app = FastAPI(title="delivery-eta")
network = models.load_model(MODEL_PATH)


class Order(BaseModel):
    order_id: str
    distance_km: float
    basket_items: int
    restaurant_prep_minutes: float


@app.post("/eta")
def eta(order: Order) -> dict:
    inputs = np.array(
        [
            [
                order.distance_km,  # [train-serve-skew]
                order.basket_items,  # [train-serve-skew]
                order.restaurant_prep_minutes,  # [train-serve-skew]
            ]
        ],
        dtype=np.float32,
    )
    minutes = float(network.predict(inputs, verbose=0)[0, 0])
    return {"order_id": order.order_id, "eta_minutes": round(minutes, 1)}


@app.get("/health")
def health() -> dict:
    return {"status": "ok", "inputs": int(network.input_shape[-1])}
