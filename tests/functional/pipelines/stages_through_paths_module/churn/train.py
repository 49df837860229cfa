"""Stage 3: train on stage 2's pickle; the model and the report are final outputs, not reported."""

import joblib
import pandas as pd
from sklearn.linear_model import LogisticRegression

from churn.paths import INTERIM, REPORTS


def run() -> None:
    customers = pd.read_pickle(INTERIM / "customer_features.pkl")  # [intermediate-file]
    model = LogisticRegression(random_state=0)
    model.fit(customers[["sessions", "spend"]], customers["churned"])
    joblib.dump(model, "models/churn.joblib")
    customers.assign(score=model.predict_proba(customers[["sessions", "spend"]])[:, 1]).to_csv(
        REPORTS / "scores.csv", index=False
    )
