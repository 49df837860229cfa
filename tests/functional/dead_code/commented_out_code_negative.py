#!/usr/bin/env python3
# -*- coding: utf-8 -*-
#
# Copyright 2024 Northwind Analytics GmbH
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
"""Comments that are not commented-out code, in a churn scoring module exported from a notebook.

Prose (also with parentheses, colons or a parameter mentioned in passing),
tool pragmas, type comments, a license header, notebook cell markers,
separators, URLs, trailing comments after code and doctest examples inside
docstrings are all fine. Nothing here is reported.
"""

# pylint: disable=invalid-name
# fmt: off
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.preprocessing import StandardScaler
# fmt: on

# =============================================================================
# Configuration
# =============================================================================
FEATURES = ["tenure_months", "monthly_charges", "support_calls"]  # age dropped (see ticket 231)
SEED = 8

#####################################################################

# In[3]:  # [prototype-code]


# TODO: fix
# Note: scale before fitting (see docs), the solver is sensitive to it.
# shape: (n_customers, 3)
# TODO(alice): remove the legacy column names after the CRM migration.
# deprecated
# e.g. use lr=0.01 when switching to the SGD solver
# 42
# See https://scikit-learn.org/stable/modules/preprocessing.html#standardization
# Background reading: https://research.example.com/papers/churn-survival.pdf
# config.py
# global settings
# The thresholds live in serving.thresholds
# serving.thresholds
customers = pd.read_csv("data/customers.csv")

# %%
# Steps: impute -> scale -> fit. Customers with tenure < 1 month are dropped
# upstream, so the log below never sees a zero.
scaler = StandardScaler()
X = scaler.fit_transform(customers[FEATURES])
risk_column = "churn_risk"  # risk = model.predict_proba(X)[:, 1]
model = LogisticRegression(random_state=SEED)  # C stays at the library default on purpose
model.fit(X, customers["churned"])  # fit on all rows; the holdout lives elsewhere


def score(frame: pd.DataFrame) -> pd.Series:
    """Return the churn probability for each row of ``frame``.

    Example::

        >>> model.fit(X)
        >>> score(customers.head(2))
        0    0.12
        1    0.81
        Name: churn_risk, dtype: float64
    """
    values = scaler.transform(frame[FEATURES])
    # Column order matters: the scaler was fitted on FEATURES in this order.
    return pd.Series(model.predict_proba(values)[:, 1], index=frame.index, name=risk_column)


def log_charges(frame):
    # type: (pd.DataFrame) -> np.ndarray
    # noqa
    # Why log1p and not log: some customers are on a free plan (charges of 0).
    return np.log1p(frame["monthly_charges"].to_numpy())


if __name__ == "__main__":  # pragma: no cover
    # Quick smoke run when executed directly.
    print(score(customers).describe())


def fit_scaler(frame):
    scaler = StandardScaler()
    values = scaler.fit_transform(frame[FEATURES])
    # print(values.shape, values.mean(axis=0))
    # logger.debug("scaled %d rows", len(values))
    return scaler


def export_scores(frame, path):
    scores = score(frame)
    scores.to_frame().to_parquet(path)
    # to load the scores back later, e.g. in a dashboard:
    # scores = pd.read_parquet(path)["churn_risk"]
    return path


def build_app(config):
    # import routes
    from churn_service.routes import predictions  # noqa: F401

    return config


def compute_settings(template: dict) -> dict:
    settings = dict(template, min_nodes=0, max_nodes=4)
    # Uncomment the lines below to train on GPU nodes:
    # settings["vm_size"] = "STANDARD_NC6"
    # settings["max_nodes"] = 2
    return settings


def read_frame(capture):
    ok, frame = capture.read()
    # frame = np.rot90(frame)  # for use if the camera does not rotate frames itself
    return frame if ok else None


def collect_predictions(model, batches):
    rows = []
    for features, labels in batches:
        row = {"label": int(labels[0]), "score": float(model(features)[0])}
        # print(row)
        # Keep one row per batch for the error analysis
        rows.append(row)
    return rows


def report_training(history, axes):
    axes.set_title("loss per epoch")
    # axes.plot(history["val_loss"], label="validation")
    # model.summary()
    return axes.plot(history["loss"], label="training")
