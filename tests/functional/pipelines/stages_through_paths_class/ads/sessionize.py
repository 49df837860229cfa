"""Stage 1: group raw clicks into sessions and leave them for the training stage."""

import pandas as pd

from ads.paths import Paths


def sessionize() -> None:
    clicks = pd.read_csv(Paths.clicks, dtype={"user_id": "string", "campaign": "string"}, parse_dates=["ts"])
    clicks = clicks.sort_values(["user_id", "ts"])
    gap = clicks.groupby("user_id")["ts"].diff().dt.total_seconds().fillna(0)
    clicks["session"] = (gap > 1800).cumsum()
    sessions = clicks.groupby(["user_id", "session", "campaign"]).agg(clicks=("ts", "size"), converted=("converted", "max"))
    sessions.reset_index().to_parquet(Paths.sessions)  # [intermediate-file]
