"""Scoring jobs run as Celery tasks, beside a pipeline step run by a workflow tool.

A Celery worker answers requests off a queue, so its tasks are serving
code: refitting the scaler there scales each batch by its own statistics.
A Prefect `@task` is a pipeline step, where fitting is what training does.
"""

import pandas as pd
from celery import Celery
from prefect import task
from sklearn.preprocessing import StandardScaler

app = Celery("scoring", broker="redis://queue:6379/0")
FEATURES = ["amount", "items", "account_age_days"]


@app.task
def score_batch(rows: list[dict], model_uri: str) -> list[float]:
    batch = pd.DataFrame(rows)[FEATURES]
    scaled = StandardScaler().fit_transform(batch)  # [train-serve-skew, fit-in-serving]
    model = load_registered_model(model_uri)
    return model.predict_proba(scaled)[:, 1].tolist()


@task
def fit_scaler(history: pd.DataFrame) -> StandardScaler:
    return StandardScaler().fit(history[FEATURES])


def load_registered_model(uri: str):
    raise NotImplementedError(uri)
