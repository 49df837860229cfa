"""Look-alikes of intermediate files: a file of the same name in another folder is another file, and a
model is an artifact. The module predicts, so its pickle loads are reported as unsafe deserialization."""

import joblib
import pandas as pd

from churn.paths import RAW


def summary() -> pd.DataFrame:
    # data/raw/customer_features.pkl is the vendor's file, not stage 2's data/interim one.
    vendor = pd.read_pickle(RAW / "customer_features.pkl")  # [unsafe-model-deserialization]
    model = joblib.load("models/churn.joblib")  # [unsafe-model-deserialization]
    return vendor.assign(score=model.predict_proba(vendor[["sessions", "spend"]])[:, 1])
