"""Score the saved pipeline on the most recent month, to watch for decay.

The recent month was never used in training or tuning; the pipeline is
loaded as saved, feature function included, and applied to the raw
records; the metrics are threshold-free like those of the training run.
"""

from __future__ import annotations

import logging

import pandas as pd
import skops.io as sio
from sklearn.metrics import average_precision_score, roc_auc_score

import config

logger = logging.getLogger("churn.evaluate")


def main(settings: config.Settings = config.SETTINGS) -> dict[str, float]:
    pipeline = sio.load(settings.pipeline_file, trusted=config.TRUSTED_TYPES)
    recent = pd.read_csv(settings.recent_data)
    proba = pipeline.predict_proba(recent[list(config.RAW_COLUMNS)])[:, 1]
    metrics = {
        "roc_auc": float(roc_auc_score(recent[config.TARGET], proba)),
        "average_precision": float(average_precision_score(recent[config.TARGET], proba)),
    }
    logger.info("recent-month metrics: %s", metrics)
    return metrics


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
