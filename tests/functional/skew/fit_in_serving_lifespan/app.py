"""FastAPI scoring service that trains its own model at start-up when no saved one is found.

`lifespan` runs when the service starts, so the fit inside
`get_or_train_model` is training in serving code: every replica trains on
whatever the CSV holds at that moment, and two replicas can serve two
different models.
"""

import os
from contextlib import asynccontextmanager

import joblib
import pandas as pd
from fastapi import FastAPI
from pydantic import BaseModel
from sklearn.ensemble import RandomForestClassifier

MODEL_PATH = os.environ.get("MODEL_PATH", "models/churn_rf.joblib")
FEATURES = ["tenure_months", "monthly_charges", "support_calls"]
state = {}


def get_or_train_model():
    if os.path.exists(MODEL_PATH):
        return joblib.load(MODEL_PATH)  # [unsafe-model-deserialization]
    history = pd.read_csv(os.environ["CHURN_HISTORY_CSV"])
    model = RandomForestClassifier(random_state=0)
    model.fit(history[FEATURES], history["churned"])  # [fit-in-serving]
    joblib.dump(model, MODEL_PATH)
    return model


@asynccontextmanager
async def lifespan(app: FastAPI):
    state["model"] = get_or_train_model()
    yield
    state.clear()


app = FastAPI(lifespan=lifespan)


class Customer(BaseModel):
    tenure_months: float
    monthly_charges: float
    support_calls: int


@app.post("/churn")
def churn(customer: Customer) -> dict:
    row = pd.DataFrame([customer.model_dump()])[FEATURES]
    return {"churn_proba": float(state["model"].predict_proba(row)[0, 1])}
