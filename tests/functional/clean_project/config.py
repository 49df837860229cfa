"""Settings of the churn project, in one reviewable place.

Paths are relative to the project folder; hyperparameters, the search grid
and the decision threshold are named constants collected in a frozen
dataclass that training, evaluation and serving all import.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent

# --- data and artifacts ------------------------------------------------------
TRAIN_DATA = PROJECT_DIR / "data" / "churn_train.csv"
RECENT_DATA = PROJECT_DIR / "data" / "churn_recent.csv"
PIPELINE_FILE = PROJECT_DIR / "artifacts" / "churn_pipeline.skops"
METRICS_FILE = PROJECT_DIR / "artifacts" / "metrics.json"

# --- columns -------------------------------------------------------------------
# What a customer record holds; the Pipeline's feature step derives the rest.
RAW_COLUMNS = (
    "tenure_months", "monthly_charges", "total_charges", "support_calls", "contract_type", "payment_method", "region",
)
# What the model's preprocessing reads, after the feature step.
NUMERIC_FEATURES = ("tenure_months", "monthly_charges", "charges_per_month", "support_calls_per_year")
SKEWED_FEATURES = ("total_charges",)
CATEGORICAL_FEATURES = ("contract_type", "payment_method", "region")
TARGET = "churned"

# --- model and search ------------------------------------------------------------
SEED = 20240611
TEST_SIZE = 0.2
CV_FOLDS = 5
MAX_ITER = 400
LEARNING_RATES = (0.03, 0.1)
MAX_DEPTHS = (3, 6)
SEARCH_SCORING = "roc_auc"

# --- decision --------------------------------------------------------------------
# Chosen with the retention team from the validation precision/recall curve.
DECISION_THRESHOLD = 0.42

# Types in the saved pipeline beyond scikit-learn's own (the project's feature
# function and the log transform's ufunc): skops refuses to load anything else.
TRUSTED_TYPES = ["features.add_features", "numpy.log1p"]


@dataclasses.dataclass(frozen=True)
class Settings:
    """Everything a run depends on; overridable in tests with ``dataclasses.replace``."""

    train_data: Path = TRAIN_DATA
    recent_data: Path = RECENT_DATA
    pipeline_file: Path = PIPELINE_FILE
    metrics_file: Path = METRICS_FILE
    seed: int = SEED
    test_size: float = TEST_SIZE
    cv_folds: int = CV_FOLDS
    max_iter: int = MAX_ITER
    decision_threshold: float = DECISION_THRESHOLD


SETTINGS = Settings()
