"""A column built, then dropped again before a model that takes all remaining columns.

The model is fitted on the whole frame minus a drop list, so every column
reaches it except the dropped ones: the product column is computed for
nothing.
"""

import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier

SEED = 41
TARGET = "churned"


def train_on_remaining_columns(frame: pd.DataFrame) -> HistGradientBoostingClassifier:
    frame["charges_x_tenure"] = frame["monthly_charges"] * frame["tenure_months"]  # [unused-feature]
    frame["support_load"] = frame["support_calls"] / frame["tenure_months"].clip(lower=1)
    # An interaction from last quarter's experiment, removed again "for now".
    X = frame.drop(columns=[TARGET, "customer_id", "charges_x_tenure"])
    return HistGradientBoostingClassifier(random_state=SEED).fit(X, frame[TARGET])
