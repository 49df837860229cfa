"""Columns set to a constant for good, or started as NaN before filling."""

import numpy as np
import pandas as pd


def mark_source(frame: pd.DataFrame) -> pd.DataFrame:
    frame["is_synthetic"] = 0
    frame["note"] = ""
    frame["discount"] = np.nan
    frame.loc[frame["member"], "discount"] = 0.1
    return frame


def fill_dict(row_values: dict) -> dict:
    row_values["score"] = 0
    row_values["score"] = 5
    return row_values
