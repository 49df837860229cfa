"""Reading helpers shared by the stages: they take the location from their caller."""

import pandas as pd


def read_table(location: str) -> pd.DataFrame:
    return pd.read_parquet(location)


def read_clean(location: str) -> pd.DataFrame:
    return read_table(location).dropna(subset=["price"])
