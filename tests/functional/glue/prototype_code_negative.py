"""Look-alikes of prototype code in a training module written as a module.

Jupytext ``# %%`` cells are a deliberate format, ``display`` here is the
module's own function, ``head(n)`` only previews the data for the log, the
header-only read just learns the column names, and the sample size of the
smoke-test run is a configured setting. None of these is reported.
"""

import logging

import pandas as pd
from sklearn.linear_model import LogisticRegression

logger = logging.getLogger(__name__)

FEATURES = ["tenure_months", "monthly_charges", "support_calls", "n_products"]


def display(frame: pd.DataFrame) -> None:
    logger.info("\n%s", frame.to_string())


# %% Load
def load(path: str, sample_rows: int | None) -> pd.DataFrame:
    columns = pd.read_csv(path, nrows=0).columns
    wanted = [name for name in columns if name in FEATURES or name == "churned"]
    return pd.read_csv(path, usecols=wanted, nrows=sample_rows)


# %% Train
def train(path: str, sample_rows: int | None = None) -> LogisticRegression:
    customers = load(path, sample_rows)
    display(customers.head(10))
    logger.info("first rows:\n%s", customers.head().to_string())
    model = LogisticRegression()
    model.fit(customers[FEATURES], customers["churned"])
    return model
