"""FastAPI takeover service that reads the clock only for its own bookkeeping.

The features come from the event's timestamps through the shared
features module. The wall clock is read twice, to time the request and to
stamp the response, and never reaches the model. Look-alike: nothing
reported.
"""

import logging
import os
import time
from datetime import datetime, timezone

import pandas as pd
import skops.io as sio
from fastapi import FastAPI
from pydantic import BaseModel

from features import model_inputs

MODEL_PATH = os.environ.get("TAKEOVER_MODEL_PATH", "models/takeover_rf.skops")
TRUSTED_TYPES = os.environ.get("TAKEOVER_TRUSTED_TYPES", "").split(",")

logger = logging.getLogger("takeover")
app = FastAPI(title="account-takeover")
model = sio.load(MODEL_PATH, trusted=TRUSTED_TYPES)


class LoginEvent(BaseModel):
    account_id: str
    amount: float
    failed_logins_1h: int
    new_device: bool
    signup_ts: datetime
    event_ts: datetime


@app.post("/score")
def score(event: LoginEvent) -> dict:
    started = time.perf_counter()
    risk = float(model.predict_proba(model_inputs(pd.DataFrame([event.model_dump()])))[0, 1])
    logger.info("account %s scored in %.1f ms", event.account_id, 1000 * (time.perf_counter() - started))
    return {
        "account_id": event.account_id,
        "takeover_risk": risk,
        "scored_at": datetime.now(timezone.utc).isoformat(),
    }
