"""FastAPI churn-risk service.

The request becomes a one-row DataFrame of raw columns and is scored by the
Pipeline saved by train.py, which applies the shared feature function and
the fitted preprocessing itself; the retention decision uses the threshold
from the config module.
"""

from __future__ import annotations

import pandas as pd
import skops.io as sio
from fastapi import FastAPI
from pydantic import BaseModel, Field

import config

app = FastAPI(title="churn-risk")
pipeline = sio.load(config.PIPELINE_FILE, trusted=config.TRUSTED_TYPES)


class Customer(BaseModel):
    customer_id: str
    tenure_months: int = Field(ge=0)
    monthly_charges: float = Field(ge=0)
    total_charges: float = Field(ge=0)
    support_calls: int = Field(ge=0)
    contract_type: str
    payment_method: str
    region: str


@app.post("/churn-risk")
def churn_risk(customer: Customer) -> dict:
    frame = pd.DataFrame([customer.model_dump()])
    risk = float(pipeline.predict_proba(frame[list(config.RAW_COLUMNS)])[0, 1])
    return {
        "customer_id": customer.customer_id,
        "churn_risk": risk,
        "retention_offer": risk >= config.DECISION_THRESHOLD,
    }


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}
