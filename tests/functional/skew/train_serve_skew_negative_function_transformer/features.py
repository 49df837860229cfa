"""Row-wise trip transformations, used as FunctionTransformer steps of the ETA pipeline.

They live in an importable module (not in train.py) so that the logged
pipeline can be loaded by the serving process. Look-alike: nothing reported.
"""

import numpy as np
import pandas as pd

MAX_TRIP_KM = 120.0
HOURS_PER_DAY = 24
NUMERIC = ["distance_km", "passengers", "pickup_zone"]


def clip_trip_outliers(trips: pd.DataFrame) -> pd.DataFrame:
    """Cap GPS-glitch distances instead of letting them stretch the model."""
    trips = trips.copy()
    trips["distance_km"] = trips["distance_km"].clip(lower=0, upper=MAX_TRIP_KM)
    return trips


def add_cyclical_hour(trips: pd.DataFrame) -> pd.DataFrame:
    """Encode the pickup hour on a circle, so that 23:00 and 00:00 are neighbours."""
    trips = trips.copy()
    angle = 2 * np.pi * trips["pickup_hour"] / HOURS_PER_DAY
    trips["hour_sin"] = np.sin(angle)
    trips["hour_cos"] = np.cos(angle)
    return trips[NUMERIC + ["hour_sin", "hour_cos"]]
