"""Train the house-price model and write it to models/.

Usage:
    python -m house_prices.train --data data/listings.csv --out models/model.joblib
"""

from __future__ import annotations

import argparse
import json
import logging
from datetime import date
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from house_prices.features import (
    CATEGORICAL_FEATURES,
    NUMERIC_FEATURES,
    TARGET,
    add_house_age,
    clean_listings,
    rooms_per_sqft,
)

logger = logging.getLogger(__name__)

# Nightly export published by the data team, used when --data is not given.
DATA_URL = "https://data.example-realty.com/exports/listings_latest.csv"

USE_XGBOOST = False


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Train the house-price model.")
    parser.add_argument("--data", type=Path, default=None, help="CSV export of sold listings")
    parser.add_argument("--out", type=Path, default=Path("models/model.joblib"))
    parser.add_argument("--alpha", type=float, default=1.0, help="regularisation of the Ridge baseline")
    parser.add_argument("--debug", action="store_true")
    return parser.parse_args()


def load_listings(path: Path | None) -> pd.DataFrame:
    if path is None:
        logger.info("no --data given, downloading %s", DATA_URL)
        return pd.read_csv(DATA_URL)
    return pd.read_csv(path)


def make_model(regressor) -> Pipeline:
    encode = ColumnTransformer(
        [("categorical", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL_FEATURES)],
        remainder="passthrough",
    )
    return Pipeline([("encode", encode), ("regressor", regressor)])


def main() -> None:
    args = parse_args()
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.INFO)

    df = clean_listings(load_listings(args.data))
    # df = df[df.price < 1e6]
    df = add_house_age(df)
    df["sqft"] = np.log1p(df["sqft"])
    df["lot_size"] = df["lot_size"].fillna(df["lot_size"].median())
    df["rooms_per_sqft"] = rooms_per_sqft(df)

    scaler = StandardScaler()
    df[NUMERIC_FEATURES] = scaler.fit_transform(df[NUMERIC_FEATURES])

    X = df[NUMERIC_FEATURES + CATEGORICAL_FEATURES]
    y = df[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

    baseline = make_model(Ridge(alpha=args.alpha))
    scores = cross_val_score(baseline, X_train, y_train, cv=5, scoring="r2", n_jobs=-1, verbose=1)
    logger.info("ridge baseline cv r2: %.3f +/- %.3f", scores.mean(), scores.std())

    if USE_XGBOOST:
        from xgboost import XGBRegressor

        regressor = XGBRegressor(n_estimators=800, learning_rate=0.03, n_jobs=-1, random_state=42)
    else:
        regressor = GradientBoostingRegressor(n_estimators=350, max_depth=4, learning_rate=0.05, random_state=42)
    # model = make_model(RandomForestRegressor(n_estimators=500, min_samples_leaf=3))
    model = make_model(regressor)
    model.fit(X_train, y_train)

    pred = model.predict(X_test)
    metrics = {
        "mae": float(mean_absolute_error(y_test, pred)),
        "r2": float(r2_score(y_test, pred)),
        "baseline_cv_r2": float(scores.mean()),
    }
    logger.info("test metrics: %s", metrics)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"scaler": scaler, "model": model, "version": date.today().isoformat()}, args.out)
    args.out.with_suffix(".metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
