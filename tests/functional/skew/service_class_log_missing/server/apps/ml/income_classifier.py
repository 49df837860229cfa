"""The Django REST service's classifier: a plain class whose `compute_prediction` the view calls.

Nothing marks it as serving code but what it does: it answers requests
with a model held on `self`. Its preprocessing forgets the log transform
training applied to capital gains, so large gains look larger than any the
forest has seen.
"""

import joblib
import pandas as pd


class IncomeClassifier:
    def __init__(self, artifacts: str = "research/") -> None:
        self.model = joblib.load(artifacts + "income_rf.joblib")  # [unsafe-model-deserialization]

    def preprocessing(self, payload: dict) -> pd.DataFrame:
        return pd.DataFrame(
            [
                {
                    "age": payload["age"],
                    "hours_per_week": payload["hours_per_week"],
                    "capital_gain": payload["capital_gain"],  # [train-serve-skew]
                }
            ]
        )

    def compute_prediction(self, payload: dict) -> dict:
        row = self.preprocessing(payload)
        proba = self.model.predict_proba(row)[0, 1]
        return {"probability": float(proba)}
