"""Nightly batch scoring with the model that 02_train.ipynb saves.

The model file is an artifact of training, which is what it is for: loading
it here is no intermediate file (the pickle is still reported, as in any
code that serves predictions). The applications come from the day's export
and the scores go to the reporting folder: an input and a final output.
"""

import joblib
import pandas as pd

FEATURES = ["income", "loan_amount", "debt_to_income"]


def score_day(day: str) -> None:
    model = joblib.load("models/loan_default.joblib")  # [unsafe-model-deserialization]
    batch = pd.read_csv(f"exports/{day}/applications.csv")
    batch["debt_to_income"] = batch["loan_amount"] / batch["income"]
    batch["default_risk"] = model.predict_proba(batch[FEATURES])[:, 1]
    batch[["application_id", "default_risk"]].to_csv(f"reports/{day}/default_risk.csv", index=False)


if __name__ == "__main__":
    score_day(pd.Timestamp.today().strftime("%Y-%m-%d"))
