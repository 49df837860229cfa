"""FastAPI endpoint estimating delivery time for a new order.

The two log-scale features are recomputed by hand, identically to
train.py. Each is reported once, on the whole expression, although it
contains numpy calls that also appear in the training code.
"""

import numpy as np
import skops.io as sio
from fastapi import FastAPI
from pydantic import BaseModel

PACE_FACTOR = 1.8

app = FastAPI()
model = sio.load("models/delivery_time.skops", trusted=["sklearn.ensemble.HistGradientBoostingRegressor"])


class Order(BaseModel):
    basket_value: float
    usual_basket_value: float
    route_km: float
    items: int


@app.post("/eta")
def estimate(order: Order) -> dict[str, float]:
    basket_lift = np.log1p(order.basket_value) - np.log1p(order.usual_basket_value)  # [duplicated-feature-logic]
    route_effort = np.log1p(order.route_km) * PACE_FACTOR  # [duplicated-feature-logic]
    minutes = model.predict([[basket_lift, route_effort, order.items]])[0]
    return {"minutes": round(float(minutes), 1)}
