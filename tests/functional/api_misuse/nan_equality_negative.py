"""Missing values tested the way that works; ordinary float comparisons."""

import numpy as np
import pandas as pd


def missing_mask(frame: pd.DataFrame) -> pd.Series:
    return frame["income"].isna() | frame["city"].isnull()


def sentinel(values: np.ndarray) -> np.ndarray:
    return np.where(np.isnan(values), -1.0, values)


def is_default(rate: float) -> bool:
    return rate == 0.5 or rate != np.inf
