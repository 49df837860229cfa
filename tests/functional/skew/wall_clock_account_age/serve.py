"""FastAPI takeover-scoring service that ages accounts by the wall clock.

Events reach this service through a queue and are often scored minutes or
hours after they happened, and replays of old events are scored days later.
Training measured account age at event time; this handler measures it at
the moment of scoring with time.time(), so replayed events look like they
come from older, more trustworthy accounts. The request carries event_ts
and the handler only logs it. The skew is reported on the line that uses
the wall clock, not on the line above that first reads signup_ts.
"""

import logging
import os
import time
from datetime import datetime

import pandas as pd
import skops.io as sio
from fastapi import FastAPI
from pydantic import BaseModel

MODEL_PATH = os.environ.get("TAKEOVER_MODEL_PATH", "models/takeover_rf.skops")
TRUSTED_TYPES = os.environ.get("TAKEOVER_TRUSTED_TYPES", "").split(",")
SECONDS_PER_DAY = 86400

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
    signed_up_at = event.signup_ts.timestamp()
    account_age_days = (time.time() - signed_up_at) / SECONDS_PER_DAY  # [train-serve-skew]
    row = pd.DataFrame(
        [
            {
                "amount": event.amount,
                "account_age_days": account_age_days,
                "failed_logins_1h": event.failed_logins_1h,
                "new_device": int(event.new_device),
            }
        ]
    )
    risk = float(model.predict_proba(row)[0, 1])
    logger.info("account %s event at %s scored %.3f", event.account_id, event.event_ts, risk)
    return {"account_id": event.account_id, "takeover_risk": risk}
