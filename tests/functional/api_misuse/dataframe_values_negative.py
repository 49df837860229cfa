"""`.values` on dicts, xarray and polars objects and unknown values: not pandas, quiet."""

import pandas as pd
import polars as pl
import xarray as xr

settings = {"learning_rates": [0.1, 0.01], "depths": [3, 5]}
grid_sizes = [len(options) for options in settings.values()]
temperatures = xr.open_dataset("data/climate.nc")["t2m"].values
events = pl.read_csv("data/events.csv")
event_values = events.values if hasattr(events, "values") else events.to_numpy()


def unknown_payload(payload):
    return payload.values


def as_matrix(frame: pd.DataFrame):
    return frame[["age", "income"]].to_numpy()
