"""Feature definitions shared by training and serving."""

from __future__ import annotations

import numpy as np
import pandas as pd

TARGET = "price"
NUMERIC_FEATURES = ["sqft", "bedrooms", "bathrooms", "lot_size", "house_age"]
CATEGORICAL_FEATURES = ["neighborhood", "property_type"]
RAW_FIELDS = ["sqft", "bedrooms", "bathrooms", "lot_size", "year_built", *CATEGORICAL_FEATURES]

CURRENT_YEAR = 2024


def clean_listings(df: pd.DataFrame) -> pd.DataFrame:
    """Drop rows that cannot be real sales: no price, no living area, or duplicates."""
    out = df.dropna(subset=[TARGET, "sqft"])
    out = out[(out[TARGET] > 0) & (out["sqft"] > 0)]
    return out.drop_duplicates(subset="listing_id")


def add_house_age(df: pd.DataFrame, current_year: int = CURRENT_YEAR) -> pd.DataFrame:
    """Return a copy of ``df`` with the age of each house in whole years."""
    out = df.copy()
    out["house_age"] = (current_year - out["year_built"]).clip(lower=0)
    return out


def rooms_per_sqft(df: pd.DataFrame) -> pd.Series:
    """Bedrooms plus bathrooms per square foot; NaN when the area is unknown."""
    rooms = df["bedrooms"] + df["bathrooms"]
    return rooms / df["sqft"].replace(0, np.nan)


def missing_fields(payload: dict) -> list[str]:
    """Names of the raw fields a prediction request must carry but does not."""
    return [field for field in RAW_FIELDS if payload.get(field) is None]
