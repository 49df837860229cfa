#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""Train the customer-churn model: a well-structured script that produces no finding at all.

Every knob lives in one place: a frozen config dataclass whose defaults are
named, overridable from the command line or a YAML file. Data paths come from
arguments, preprocessing is inside a ``Pipeline``, the decision threshold is a
setting, and the model is saved as one artifact with its metadata.

Usage::

    python clean_training_pipeline.py --train data/train.csv --out artifacts/

Example of using the saved artifact (doctest style, never executed here)::

    >>> pipeline = load_pipeline("artifacts/churn.skops")
    >>> pipeline.predict_proba(frame)[:, 1] > 0.5
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import skops.io as sio
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

if TYPE_CHECKING:
    from collections.abc import Sequence

logger = logging.getLogger("churn.train")

# -----------------------------------------------------------------------------
# Defaults. Change them in conf/churn.yaml, not here.
# -----------------------------------------------------------------------------
DEFAULT_LEARNING_RATE = 0.05
DEFAULT_MAX_DEPTH = 6
DEFAULT_MAX_ITER = 300
DEFAULT_THRESHOLD = 0.5
SEED = 20240601

NUMERIC_FEATURES = ("tenure_months", "monthly_charges", "total_charges", "support_calls")
CATEGORICAL_FEATURES = ("contract_type", "payment_method", "region")
TARGET = "churned"


@dataclasses.dataclass(frozen=True)
class TrainConfig:
    """Hyperparameters and decision settings, all in one reviewable place."""

    learning_rate: float = DEFAULT_LEARNING_RATE
    max_depth: int = DEFAULT_MAX_DEPTH
    max_iter: int = DEFAULT_MAX_ITER
    decision_threshold: float = DEFAULT_THRESHOLD
    test_size: float = 0.2
    seed: int = SEED

    @classmethod
    def from_yaml(cls, path: Path) -> TrainConfig:
        with path.open(encoding="utf-8") as fh:
            overrides = yaml.safe_load(fh) or {}
        return dataclasses.replace(cls(), **overrides)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, required=True, help="training CSV (inside the repo or mounted)")
    parser.add_argument("--config", type=Path, default=Path("conf/churn.yaml"))
    parser.add_argument("--out", type=Path, default=Path("artifacts"))
    parser.add_argument("--dry-run", action="store_true", help="fit and evaluate but save nothing")
    return parser.parse_args(argv)


def build_pipeline(cfg: TrainConfig) -> Pipeline:
    """Preprocessing and model travel together, so serving cannot skip a step."""
    numeric = Pipeline(
        [
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
        ]
    )
    categorical = OneHotEncoder(handle_unknown="ignore")
    preprocess = ColumnTransformer(
        [
            ("numeric", numeric, list(NUMERIC_FEATURES)),
            ("categorical", categorical, list(CATEGORICAL_FEATURES)),
        ]
    )
    model = HistGradientBoostingClassifier(
        learning_rate=cfg.learning_rate,
        max_depth=cfg.max_depth,
        max_iter=cfg.max_iter,
        random_state=cfg.seed,
    )
    return Pipeline([("preprocess", preprocess), ("model", model)])


def evaluate(pipeline: Pipeline, X: pd.DataFrame, y: pd.Series, threshold: float) -> dict[str, float]:
    proba = pipeline.predict_proba(X)[:, 1]
    flagged = proba >= threshold
    return {
        "roc_auc": float(roc_auc_score(y, proba)),
        "average_precision": float(average_precision_score(y, proba)),
        "flag_rate": float(np.mean(flagged)),
        "threshold": threshold,
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    cfg = TrainConfig.from_yaml(args.config) if args.config.exists() else TrainConfig()
    frame = pd.read_csv(args.train)
    if len(frame) == 0:
        logger.error("no rows in %s", args.train)
        return 1

    X = frame[list(NUMERIC_FEATURES + CATEGORICAL_FEATURES)]
    y = frame[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg.test_size, stratify=y, random_state=cfg.seed
    )
    pipeline = build_pipeline(cfg).fit(X_train, y_train)
    metrics = evaluate(pipeline, X_test, y_test, cfg.decision_threshold)
    logger.info("test metrics: %s", metrics)

    if args.dry_run:
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    sio.dump(pipeline, args.out / "churn.skops")
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2), encoding="utf-8")
    (args.out / "config.json").write_text(json.dumps(dataclasses.asdict(cfg), indent=2), encoding="utf-8")
    return 0


def load_pipeline(path: str) -> Pipeline:
    """Load a saved pipeline, trusting only the types this project writes."""
    trusted = [t for t in sio.get_untrusted_types(file=path) if t.startswith("sklearn.")]
    return sio.load(path, trusted=trusted)


if __name__ == "__main__":
    raise SystemExit(main())
