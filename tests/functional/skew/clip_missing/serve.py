"""FastAPI ETA service for the LightGBM model of train.py, without the distance cap.

The handler rejects non-positive distances but never caps the upper tail the
way training did, so a request with a glitched 4,000 km distance is scored as
is. The skew is reported on the line where the handler first reads
distance_km, which here is the validation check: the row passed to the model
is built from the whole request and never names the feature again.
"""

import logging
import os

import lightgbm as lgb
import pandas as pd
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

MODEL_FILE = os.environ.get("ETA_MODEL_FILE", "models/eta_lgbm.txt")
FEATURES = ["distance_km", "pickup_hour", "day_of_week", "pickup_zone", "passengers"]

logger = logging.getLogger("eta")
app = FastAPI(title="ride-eta")
booster = lgb.Booster(model_file=MODEL_FILE)


class TripRequest(BaseModel):
    trip_id: str
    distance_km: float
    pickup_hour: int
    day_of_week: int
    pickup_zone: int
    passengers: int = 1


@app.post("/eta")
def eta(trip: TripRequest) -> dict:
    # A zero or negative distance is a client bug; the upper tail is left alone.
    if trip.distance_km <= 0:  # [train-serve-skew]
        raise HTTPException(status_code=422, detail="distance_km must be positive")
    row = pd.DataFrame([trip.model_dump()])[FEATURES]
    minutes = float(booster.predict(row)[0])
    logger.info("trip %s: eta %.1f min", trip.trip_id, minutes)
    return {"trip_id": trip.trip_id, "eta_minutes": round(minutes, 1)}


@app.get("/health")
def health() -> dict:
    return {"status": "ok", "trees": booster.num_trees()}
