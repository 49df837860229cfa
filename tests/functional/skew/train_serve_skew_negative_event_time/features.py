"""Account-takeover features, measured at the time of the event.

Both train.py and serve.py call add_event_features, so account age is always
the age of the account when the event happened, whether the event is a row
of history or a request that arrives hours later through the queue.
Look-alike: nothing reported.
"""

import pandas as pd

SECONDS_PER_DAY = 86400
FEATURES = ["amount", "account_age_days", "event_hour", "failed_logins_1h", "new_device"]


def add_event_features(events: pd.DataFrame) -> pd.DataFrame:
    """Derive the time features from each event's own timestamps; the wall clock is never read."""
    events = events.copy()
    event_ts = pd.to_datetime(events["event_ts"], utc=True)
    signup_ts = pd.to_datetime(events["signup_ts"], utc=True)
    events["account_age_days"] = (event_ts - signup_ts).dt.total_seconds() / SECONDS_PER_DAY
    events["event_hour"] = event_ts.dt.hour
    events["new_device"] = events["new_device"].astype(int)
    return events


def model_inputs(events: pd.DataFrame) -> pd.DataFrame:
    """The feature frame in the column order the model was trained on."""
    return add_event_features(events)[FEATURES]
