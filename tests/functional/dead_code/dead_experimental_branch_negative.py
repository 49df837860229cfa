"""Live switches that only look like dead experimental branches, in a demand-forecasting job.

Every flag here can change: it comes from argparse, the environment, the
config file or the hardware; it is reassigned at run time (``global`` in
``main``, a second module-level assignment, or
``dead_experimental_branch_ablation.py`` setting ``USE_CATBOOST_BASELINE``
from outside); it is a local variable; or it is the allow-listed ``DEBUG``.
``TYPE_CHECKING`` guards, the ``__main__`` guard, ``while True`` loops and
conditional expressions are not experimental branches. Nothing here is
reported.
"""

from __future__ import annotations

import argparse
import os
import typing
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import torch
import yaml
from catboost import CatBoostRegressor
from sklearn.ensemble import HistGradientBoostingRegressor

if TYPE_CHECKING:
    from sklearn.base import RegressorMixin

if typing.TYPE_CHECKING:
    from collections.abc import Iterator

with open("conf/forecast.yaml", encoding="utf-8") as fh:
    CONFIG = yaml.safe_load(fh)

DEBUG = False
USE_GPU = torch.cuda.is_available()
ENABLE_DRIFT_CHECK = os.environ.get("ENABLE_DRIFT_CHECK", "0") == "1"
USE_CALIBRATION = CONFIG["use_calibration"]
USE_AUGMENTED_HISTORY = False
USE_CATBOOST_BASELINE = False
ENABLE_OUTLIER_FILTER = False
LOG_TARGET = True
SEED = 3

# The 2024 refresh turned the outlier filter on for every market.
ENABLE_OUTLIER_FILTER = True


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quantile", action="store_true")
    parser.add_argument("--augment", action="store_true")
    parser.add_argument("--max-batches", type=int, default=0)
    return parser.parse_args()


def build_model(params: dict) -> RegressorMixin:
    if USE_CATBOOST_BASELINE:
        return CatBoostRegressor(**params, random_seed=SEED, verbose=False)
    return HistGradientBoostingRegressor(**params, random_state=SEED)


def prepare(sales: pd.DataFrame) -> pd.DataFrame:
    if DEBUG:
        print(sales.describe())
    if ENABLE_OUTLIER_FILTER:
        sales = sales[sales["units_sold"] < sales["units_sold"].quantile(CONFIG["outlier_quantile"])]
    if USE_AUGMENTED_HISTORY:
        sales = pd.concat([sales, pd.read_parquet("data/sales_backfill.parquet")], ignore_index=True)
    return sales


def make_target(sales: pd.DataFrame) -> pd.Series:
    # A conditional expression, not an experimental branch.
    return np.log1p(sales["units_sold"]) if LOG_TARGET else sales["units_sold"]


def device() -> torch.device:
    if USE_GPU:
        return torch.device("cuda")
    return torch.device("cpu")


def batches(frame: pd.DataFrame, size: int) -> Iterator[pd.DataFrame]:
    start = 0
    while True:
        chunk = frame.iloc[start : start + size]
        if chunk.empty:
            return
        yield chunk
        start += size


def fit(model: RegressorMixin, sales: pd.DataFrame, verbose: bool = False) -> RegressorMixin:
    drop_weekends = False
    if drop_weekends:
        sales = sales[sales["dow"] < 5]
    if verbose:
        print(f"fitting on {len(sales)} rows")
    if ENABLE_DRIFT_CHECK:
        print("drift check enabled")
    if USE_CALIBRATION:
        print("calibrating prediction intervals")
    return model.fit(sales[CONFIG["features"]], make_target(sales))


def main() -> None:
    global USE_AUGMENTED_HISTORY
    args = parse_args()
    USE_AUGMENTED_HISTORY = args.augment
    sales = prepare(pd.read_parquet(CONFIG["sales_path"]))
    if args.quantile:
        params = {"loss": "quantile", "quantile": CONFIG["quantile"]}
    else:
        params = {"loss": "squared_error"}
    fit(build_model(params), sales, verbose=DEBUG)


if __name__ == "__main__":
    main()
