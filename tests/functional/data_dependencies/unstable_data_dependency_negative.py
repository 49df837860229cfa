"""Stable data dependencies: a house-price training job that reads only what it is given.

Inputs come from the command line, the environment, a config file, or paths
inside the repository; scratch files go to ``/tmp`` and the shared volume is
mounted at ``/data``. URLs that appear only in log messages, comments or
outgoing requests are not data dependencies. Nothing here is reported.

Source of the original sales data: https://data.example.gov/housing/sales
(snapshot committed under data/raw/ with its checksum).
"""

import argparse
import json
import logging
import os
from pathlib import Path

import numpy as np
import pandas as pd
import requests
import yaml

logger = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = "conf/schema.json"
SCRATCH_DIR = "/tmp/house_prices"
SHARED_VOLUME = "/data/warehouse/housing"
METRICS_ENDPOINT = "https://metrics.example.com/api/v1/push"
DASHBOARD_URL = "https://grafana.example.com/d/house-prices"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Train the house price model.")
    parser.add_argument("--train", default="data/train.csv", help="training CSV inside the repo")
    parser.add_argument("--config", default="conf/train.yaml")
    return parser.parse_args()


def load_config(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_schema() -> dict:
    with open(SCHEMA_PATH, encoding="utf-8") as fh:
        return json.load(fh)


def load_training_frame(train_path: str) -> pd.DataFrame:
    # The path comes from the caller, who got it from argparse.
    frame = pd.read_csv(train_path, dtype={"zipcode": "string"})
    frame["price_per_sqft"] = frame["price"] / frame["sqft"]
    return frame


def load_neighbourhoods(cfg: dict) -> pd.DataFrame:
    # Location owned by the data platform team, declared in conf/train.yaml.
    return pd.read_parquet(cfg["data"]["neighbourhoods_path"])


def load_school_ratings() -> pd.DataFrame:
    # Injected by the orchestrator; the default is the copy checked into the repo.
    ratings_path = os.environ.get("SCHOOL_RATINGS_PATH", "data/external/school_ratings.csv")
    return pd.read_csv(ratings_path)


def load_mortgage_rates() -> pd.DataFrame:
    rates_url = os.getenv("MORTGAGE_RATES_URL")
    if rates_url is None:
        raise RuntimeError("set MORTGAGE_RATES_URL")
    return pd.read_csv(rates_url)


def load_test_fixture() -> pd.DataFrame:
    return pd.read_csv("tests/data/tiny_sales.csv")


def load_split(split: str) -> pd.DataFrame:
    return pd.read_csv(f"data/splits/{split}.csv")


def load_reference_sales() -> pd.DataFrame:
    return pd.read_parquet(REPO_ROOT / "data" / "reference" / "sales_2019.parquet")


def load_cached_matrix() -> np.ndarray:
    return np.load(os.path.join(SCRATCH_DIR, "design_matrix.npy"))


def load_warehouse_snapshot() -> pd.DataFrame:
    # The shared volume is mounted read-only on every training node.
    return pd.read_parquet(SHARED_VOLUME + "/sales_snapshot.parquet")


def push_metrics(metrics: dict) -> None:
    # Sending metrics out is not reading data in.
    requests.post(METRICS_ENDPOINT, json=metrics, timeout=5)
    logger.info("metrics pushed, see %s", DASHBOARD_URL)


def main() -> None:
    args = parse_args()
    cfg = load_config(args.config)
    frame = load_training_frame(args.train)
    frame = frame.merge(load_neighbourhoods(cfg), on="neighbourhood_id", how="left", validate="many_to_one")
    holdout = pd.read_csv(Path(args.train).with_name("holdout.csv"))
    logger.info("train rows=%d holdout rows=%d", len(frame), len(holdout))
    frame.to_csv(os.path.join(SCRATCH_DIR, "train_enriched.csv"), index=False)
    push_metrics({"n_rows": len(frame)})


if __name__ == "__main__":
    main()
