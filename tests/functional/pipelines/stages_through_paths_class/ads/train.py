"""Stage 2: train on the sessions stage 1 left; the scores and the report are final outputs."""

import pandas as pd
from sklearn.linear_model import LogisticRegression

from ads.paths import JobFiles, Paths


def train() -> LogisticRegression:
    sessions = pd.read_parquet(Paths.sessions)  # [intermediate-file]
    model = LogisticRegression(max_iter=500)
    model.fit(sessions[["clicks"]], sessions["converted"])
    sessions["score"] = model.predict_proba(sessions[["clicks"]])[:, 1]
    sessions.to_parquet(JobFiles().scored)
    sessions.groupby("campaign")["converted"].mean().to_csv(Paths.ctr_report)
    return model
