"""FastAPI loan-default service that applies the saved scaler, then the saved model.

Both artifacts come from the same training run, and the scaler is only
applied here (transform, never fit), so the model sees inputs on the scale
it was trained on. Look-alike: nothing reported.
"""

import os

import pandas as pd
import skops.io as sio
from fastapi import FastAPI
from pydantic import BaseModel

MODEL_DIR = os.environ.get("LOAN_MODEL_DIR", "models")
TRUSTED_TYPES = os.environ.get("LOAN_TRUSTED_TYPES", "").split(",")
APPROVE_BELOW = float(os.environ.get("APPROVE_BELOW", "0.2"))
FEATURES = ["income", "loan_amount", "debt_to_income", "credit_history_months", "open_accounts"]

app = FastAPI(title="loan-default")
scaler = sio.load(os.path.join(MODEL_DIR, "loan_scaler.skops"), trusted=TRUSTED_TYPES)
model = sio.load(os.path.join(MODEL_DIR, "loan_logreg.skops"), trusted=TRUSTED_TYPES)


class Application(BaseModel):
    income: float
    loan_amount: float
    debt_to_income: float
    credit_history_months: int
    open_accounts: int


@app.post("/decision")
def decision(application: Application) -> dict:
    frame = pd.DataFrame([application.model_dump()])[FEATURES]
    default_proba = float(model.predict_proba(scaler.transform(frame))[0, 1])
    verdict = "approve" if default_proba < APPROVE_BELOW else "refer"
    return {"decision": verdict, "default_probability": default_proba}
