"""Training a conversion model: the prototype's sample size survived into the training job.

``head(50_000)`` made the first experiments fast; in the scheduled job it
means the model never sees the most recent events. ``display`` was imported
from IPython to look at the data and is still called.
"""

import joblib
import pandas as pd
from IPython.display import display
from sklearn.ensemble import GradientBoostingClassifier

FEATURES = ["sessions_7d", "pages_per_session", "cart_adds_7d", "days_since_signup"]


def train(events_path: str, model_path: str) -> None:
    events = pd.read_parquet(events_path)
    sample = events.sort_values("event_time").head(50_000)  # [prototype-code]
    display(sample[FEATURES].describe())  # [prototype-code]
    X = sample[FEATURES]
    y = sample["converted"]
    model = GradientBoostingClassifier(random_state=0)
    model.fit(X, y)
    joblib.dump(model, model_path)
