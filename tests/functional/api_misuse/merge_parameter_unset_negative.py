"""Merges that name their keys; joins of strings and polars frames."""

import pandas as pd
import polars as pl


def enrich(orders: pd.DataFrame, customers: pd.DataFrame) -> pd.DataFrame:
    enriched = orders.merge(customers, on="customer_id", validate="many_to_one")
    enriched = pd.merge(enriched, customers, left_on="referrer_id", right_on="customer_id", how="left")
    return enriched.join(customers.set_index("customer_id"), on="referrer_id", rsuffix="_referrer")


def polars_enrich(orders: pl.DataFrame, customers: pl.DataFrame) -> pl.DataFrame:
    return orders.join(customers, on="customer_id")


def report(columns: list) -> str:
    return ", ".join(columns)
