"""FastAPI ETA service that passes raw trips to the pipeline logged by train.py.

Look-alike: clipping and the hour encoding run inside the loaded pipeline,
so the handler forwards the request fields untouched. Nothing reported.
"""

import os

import mlflow
import pandas as pd
from fastapi import FastAPI
from pydantic import BaseModel

MODEL_URI = os.environ.get("ETA_MODEL_URI", "models:/ride-eta/Production")
RAW_COLUMNS = ["distance_km", "pickup_hour", "passengers", "pickup_zone"]

app = FastAPI(title="ride-eta")
pipeline = mlflow.sklearn.load_model(MODEL_URI)


class Trip(BaseModel):
    trip_id: str
    distance_km: float
    pickup_hour: int
    passengers: int = 1
    pickup_zone: int


@app.post("/eta")
def eta(trip: Trip) -> dict:
    frame = pd.DataFrame([trip.model_dump()])[RAW_COLUMNS]
    minutes = float(pipeline.predict(frame)[0])
    return {"trip_id": trip.trip_id, "eta_minutes": round(minutes, 1)}


@app.get("/health")
def health() -> dict:
    return {"status": "ok", "model_uri": MODEL_URI}
