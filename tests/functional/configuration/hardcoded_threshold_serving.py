"""Hardcoded thresholds in a FastAPI credit-decision service.

The approve/decline cut-off is the most business-critical number in the
system, yet it is easy to bury it in a route handler. Literal cut-offs on the
scores are flagged; the configured threshold, the request-validation limits
and the business rules on raw input fields are not.
"""

import os

import mlflow
import numpy as np
import pandas as pd
import torch
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

MODEL_URI = os.environ.get("CREDIT_MODEL_URI", "models:/credit-default/Production")
APPROVE_BELOW = float(os.environ.get("APPROVE_BELOW", "0.2"))
MAX_BATCH = 500
FEATURES = ["income", "loan_amount", "debt_to_income", "credit_history_months", "open_accounts"]

app = FastAPI(title="credit-decision")
credit_model = mlflow.sklearn.load_model(MODEL_URI)
# A whole pickled module, from the fraud team's legacy training script.
fraud_scorer = torch.load("models/fraud_scorer_full.pt", weights_only=False)  # [unsafe-model-deserialization]
fraud_scorer.eval()


class Application(BaseModel):
    income: float
    loan_amount: float
    debt_to_income: float
    credit_history_months: int
    open_accounts: int


class Batch(BaseModel):
    applications: list[Application]


def to_frame(applications: list[Application]) -> pd.DataFrame:
    return pd.DataFrame([a.model_dump() for a in applications])[FEATURES]


@app.post("/decision")
def decision(application: Application) -> dict:
    if application.loan_amount > 250_000:
        # Large loans always go to an underwriter, whatever the model says.
        return {"decision": "manual_review"}
    frame = to_frame([application])
    default_proba = credit_model.predict_proba(frame)[0, 1]
    verdict = "decline" if default_proba >= 0.35 else "approve"  # [hardcoded-threshold]
    return {"decision": verdict, "default_probability": float(default_proba)}


@app.post("/decision/v2")
def decision_v2(application: Application) -> dict:
    default_proba = credit_model.predict_proba(to_frame([application]))[0, 1]
    verdict = "approve" if default_proba < APPROVE_BELOW else "decline"
    return {"decision": verdict, "default_probability": float(default_proba)}


@app.post("/decision/batch")
def decision_batch(batch: Batch) -> dict:
    if len(batch.applications) > MAX_BATCH:
        raise HTTPException(status_code=413, detail="batch too large")
    probas = credit_model.predict_proba(to_frame(batch.applications))[:, 1]
    approved = [bool(p < APPROVE_BELOW) for p in probas]
    return {"approved": approved, "n_declined": int(np.sum(~np.array(approved)))}


@app.post("/fraud")
def fraud(application: Application) -> dict:
    features = torch.tensor(to_frame([application]).to_numpy(), dtype=torch.float32)
    with torch.no_grad():
        fraud_score = fraud_scorer(features).item()
    if fraud_score > 0.8:  # [hardcoded-threshold]
        raise HTTPException(status_code=403, detail="application held for fraud review")
    return {"fraud_score": fraud_score}


@app.get("/health")
def health() -> dict:
    if credit_model is None or fraud_scorer is None:
        raise HTTPException(status_code=503, detail="model not loaded")
    return {"status": "ok"}
