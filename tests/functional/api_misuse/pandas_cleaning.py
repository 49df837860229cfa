"""Cleaning a customer table before feature engineering: pandas API slips."""

import math

import numpy as np
import pandas as pd

customers = pd.read_csv("data/customers.csv")
orders = pd.read_csv("data/orders.csv")

# Module level: a chained assignment and a merge that guesses its keys.
customers["signup_date"][0] = "2020-01-01"  # [chain-indexing]
joined = orders.merge(customers)  # [merge-parameter-unset]
matrix = customers[["age", "income"]].values  # [dataframe-values]


def drop_incomplete(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.dropna(subset=["customer_id"], inplace=True)  # [inplace-misuse]
    frame.drop_duplicates(subset=["customer_id"])  # [inplace-misuse]
    return frame


def flag_missing(frame: pd.DataFrame) -> pd.DataFrame:
    frame["no_income"] = frame["income"] == np.nan  # [nan-equality]
    frame["has_city"] = frame["city"] != float("nan")  # [nan-equality]
    frame[frame["age"] > 90]["age"] = 90  # [chain-indexing]
    return frame


def ratio_is_missing(total: float, count: float) -> bool:
    ratio = total / count
    return ratio == math.nan  # [nan-equality]


def spend_per_visit(frame: pd.DataFrame) -> pd.DataFrame:
    for index, row in frame.iterrows():  # [unnecessary-iteration]
        frame.loc[index, "spend_per_visit"] = row["spend"] / row["visits"]
    return frame


def total_spend(frame: pd.DataFrame) -> float:
    total = 0.0
    for _, row in frame.iterrows():  # [unnecessary-iteration]
        if row["status"] == "paid":
            total += row["amount"] * (1 - row["discount"])
    return total


def loyalty_tier(frame: pd.DataFrame) -> pd.DataFrame:
    frame["tier"] = ""  # [empty-column-initialization]
    frame.loc[frame["visits"] > 10, "tier"] = "gold"
    frame.loc[frame["visits"] > 50, "tier"] = "platinum"
    return frame


def with_regions(frame: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    located = pd.merge(frame, regions)  # [merge-parameter-unset]
    return located.join(regions)
