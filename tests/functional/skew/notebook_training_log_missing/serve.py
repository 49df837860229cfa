"""FastAPI rent estimates from the forest that train.ipynb saves.

The notebook fits on log1p(floor_area); this endpoint passes the floor area
in square metres as the client sends it, so every flat looks larger than any
the forest was trained on. The building's age is computed again here, the
same subtraction as in the notebook: consistent today, a second copy to
keep in step tomorrow.
"""

import joblib
from fastapi import FastAPI
from pydantic import BaseModel

REFERENCE_YEAR = 2024
# The forest is the notebook's own output, loaded once at start-up.
model = joblib.load("models/rent_forest.joblib")  # [unsafe-model-deserialization]
app = FastAPI()


class Flat(BaseModel):
    floor_area: float
    rooms: int
    year_built: int


@app.post("/rent")
def estimate_rent(flat: Flat) -> dict:
    building_age = REFERENCE_YEAR - flat.year_built  # [duplicated-feature-logic]
    features = [[flat.floor_area, flat.rooms, building_age]]  # [train-serve-skew]
    return {"rent": float(model.predict(features)[0])}
