"""Nightly scoring: predicts with the model train.py saves.

The project writes models/churn.joblib itself, but scoring machines load
whatever sits at that path in the bucket, so the unpickling is reported here
(it is serving code: it predicts with a model it does not fit).
"""

import joblib
import pandas as pd

model = joblib.load("models/churn.joblib")  # [unsafe-model-deserialization]
batch = pd.read_parquet("data/scoring/today.parquet")
batch["churn_proba"] = model.predict_proba(batch[["tenure_months", "plan_id", "notes_score"]])[:, 1]
batch.to_parquet("data/scoring/scored.parquet", index=False)
