"""One indexing step per selection, and double subscripts on things that are not frames."""

import pandas as pd

config = {"model": {"depth": 4}}
depth = config["model"]["depth"]


def cap_age(frame: pd.DataFrame) -> pd.DataFrame:
    frame.loc[frame["age"] > 90, "age"] = 90
    first_price = frame.loc[0, "price"]
    last_price = frame["price"].iloc[-1]
    frame["spread"] = last_price - first_price
    # Reads through a chain return the right values: only flagged with include-reads.
    frame["first_spread"] = frame["spread"][0]
    return frame


def nested_rows(rows, grid):
    return rows[0]["id"], grid[1][2]
