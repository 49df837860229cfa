"""Commented-out code in a churn feature-engineering and training module.

Old experiments were "disabled" by commenting them out instead of deleting
them (version control remembers). Such blocks rot: they stop matching the
surrounding code, yet readers still have to decide whether they matter
(Sculley et al. 2015, section 5.3). A block of consecutive comment lines is
reported once, on its first line that is code; prose lines before it are not.
"""

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

# import seaborn as sns  # [commented-out-code]
# import matplotlib.pyplot as plt

SEED = 99
FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls", "is_senior"]

customers = pd.read_csv("data/customers.csv")
# print(customers.head())  # [commented-out-code]
# customers = customers.sample(frac=0.1, random_state=SEED)

customers["is_senior"] = (customers["age"] >= 65).astype(int)
#customers["charges_per_month"] = customers["total_charges"] / customers["tenure_months"]  # [commented-out-code]


def clean(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.dropna(subset=["total_charges"])
    # Old approach, kept for reference until the Q2 review:
    # frame = frame[frame["tenure_months"] > 0]  # [commented-out-code]
    # frame["total_charges"] = frame["total_charges"].clip(upper=10000)
    return frame.reset_index(drop=True)


def encode(frame: pd.DataFrame, categorical: list[str]) -> pd.DataFrame:
    # for col in categorical:  # [commented-out-code]
    #     frame[col] = frame[col].astype("category").cat.codes
    return pd.get_dummies(frame, columns=categorical, drop_first=True)


def train(frame: pd.DataFrame, params: dict) -> RandomForestClassifier:
    X_train, X_test, y_train, y_test = train_test_split(
        frame[FEATURES], frame["churned"], test_size=0.2, stratify=frame["churned"], random_state=SEED
    )
    model = RandomForestClassifier(**params, random_state=SEED)
    # if params.get("balance"):  # [commented-out-code]
    #     model.set_params(class_weight="balanced_subsample")
    model.fit(X_train, y_train)
    # grid = GridSearchCV(  # [commented-out-code]
    #     model, param_grid=params["grid"], cv=5, scoring="roc_auc"
    # )
    # grid.fit(X_train, y_train)
    print("holdout accuracy", model.score(X_test, y_test))
    return model


def feature_importance(model: RandomForestClassifier) -> pd.Series:
    importances = pd.Series(model.feature_importances_, index=FEATURES)
    # del importances["is_senior"]  # [commented-out-code]
    return importances.sort_values(ascending=False)


def log_transform(values: np.ndarray) -> np.ndarray:
    # values = np.clip(values, 0, None)  # [commented-out-code]
    return np.log1p(values)


# model = train(clean(customers), {"n_jobs": -1})  # [commented-out-code]
# with open("models/churn_rf.pkl", "wb") as fh:
#     pickle.dump(model, fh)


# An old evaluation helper, commented out with its blank lines: one finding for the whole function.
# def evaluate(model, frame):  # [commented-out-code]
#     X = frame[FEATURES]
#
#     proba = model.predict_proba(X)[:, 1]

#     return (proba > 0.5).mean()
