"""Dead experimental branches in a demand-forecasting training script.

Each experiment that "might come back" stayed in the code behind a constant
condition or a module-level flag that nothing ever changes. The branches never
run, yet every reader has to understand them and every refactoring has to keep
them compiling (Sculley et al. 2015, section 5.3). Reported at the ``if`` (or
``elif``) whose branch can never run.
"""

import lightgbm as lgb
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import PoissonRegressor

# Experiment switches, set once during the Q3 model review and never touched again.
USE_XGB_RANKER = False
ENABLE_WEATHER_FEATURES = True
LEGACY_LOG_TARGET = 0
PROMO_UPLIFT_MODEL = None

FEATURES = ["store_id", "dow", "week_of_year", "price", "on_promo", "lag_7", "lag_28"]
SEED = 5


def add_calendar_features(sales: pd.DataFrame) -> pd.DataFrame:
    sales = sales.assign(
        dow=sales["date"].dt.dayofweek,
        week_of_year=sales["date"].dt.isocalendar().week.astype(int),
    )
    if False:  # [dead-experimental-branch]
        # Holiday calendar experiment: the vendor contract ended.
        sales = sales.merge(pd.read_csv("data/holidays.csv"), on="date", how="left", validate="many_to_one")
    return sales


def add_weather_features(sales: pd.DataFrame, weather: pd.DataFrame) -> pd.DataFrame:
    if not ENABLE_WEATHER_FEATURES:  # [dead-experimental-branch]
        return sales
    return sales.merge(weather, on=["store_id", "date"], how="left", validate="one_to_one")


def make_target(sales: pd.DataFrame) -> pd.Series:
    if LEGACY_LOG_TARGET:  # [dead-experimental-branch]
        return np.log1p(sales["units_sold"])
    return sales["units_sold"]


def build_model(params: dict):
    if USE_XGB_RANKER:  # [dead-experimental-branch]
        return xgb.XGBRanker(**params, random_state=SEED)
    return lgb.LGBMRegressor(**params, random_state=SEED)


def fit_promo_uplift(sales: pd.DataFrame, params: dict):
    if PROMO_UPLIFT_MODEL:  # [dead-experimental-branch]
        return PoissonRegressor(**params).fit(sales[FEATURES], sales["promo_units"])
    return None


def choose_loss(objective: str) -> str:
    if objective == "poisson":
        return "poisson"
    elif False:  # [dead-experimental-branch]
        return "tweedie"
    return "regression"


def smooth_forecast(forecast: np.ndarray, window: int) -> np.ndarray:
    if True:  # [dead-experimental-branch]
        kernel = np.ones(window) / window
        return np.convolve(forecast, kernel, mode="same")
    else:
        return forecast


def clip_forecast(forecast: np.ndarray) -> np.ndarray:
    if 0:  # [dead-experimental-branch]
        forecast = np.round(forecast)
    return np.clip(forecast, a_min=0, a_max=None)


# Script part: the same smell at module level.
if None:  # [dead-experimental-branch]
    print("running the quantile-regression variant")

sales = add_calendar_features(pd.read_parquet("data/sales.parquet", columns=["date", "store_id", "price", "on_promo", "units_sold", "lag_7", "lag_28"]))

# One switch guarding a branch in loading and another in scoring is one finding, on its first `if`.
SHADOW_SCORING = False

if SHADOW_SCORING:  # [dead-experimental-branch]
    sales = sales.sort_values(["store_id", "date"])

if SHADOW_SCORING:
    print("shadow scores")
