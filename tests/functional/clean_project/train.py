"""Train, tune and save the churn pipeline.

The data is split before anything is fitted; the hyperparameters are tuned
by cross-validation on the training part only; the test part is scored once,
with threshold-free metrics. The shared feature function, the preprocessing
and the model are saved together as one Pipeline.
"""

from __future__ import annotations

import json
import logging

import numpy as np
import pandas as pd
import skops.io as sio
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

import config
from features import add_features

logger = logging.getLogger("churn.train")


def build_pipeline(settings: config.Settings) -> Pipeline:
    preprocess = ColumnTransformer(
        [
            ("numeric", StandardScaler(), list(config.NUMERIC_FEATURES)),
            ("skewed", Pipeline([("log", FunctionTransformer(np.log1p)), ("scale", StandardScaler())]),
             list(config.SKEWED_FEATURES)),
            ("categorical", OneHotEncoder(handle_unknown="ignore"), list(config.CATEGORICAL_FEATURES)),
        ]
    )
    model = HistGradientBoostingClassifier(max_iter=settings.max_iter, random_state=settings.seed)
    return Pipeline(
        [("features", FunctionTransformer(add_features)), ("preprocess", preprocess), ("model", model)]
    )


def main(settings: config.Settings = config.SETTINGS) -> dict[str, float]:
    customers = pd.read_csv(settings.train_data)
    X_train, X_test, y_train, y_test = train_test_split(
        customers[list(config.RAW_COLUMNS)],
        customers[config.TARGET],
        test_size=settings.test_size,
        stratify=customers[config.TARGET],
        random_state=settings.seed,
    )
    search = GridSearchCV(
        build_pipeline(settings),
        {"model__learning_rate": list(config.LEARNING_RATES), "model__max_depth": list(config.MAX_DEPTHS)},
        cv=settings.cv_folds,
        scoring=config.SEARCH_SCORING,
    )
    search.fit(X_train, y_train)
    pipeline = search.best_estimator_
    logger.info("best parameters: %s (cv %.3f)", search.best_params_, search.best_score_)

    proba = pipeline.predict_proba(X_test)[:, 1]
    metrics = {
        "roc_auc": float(roc_auc_score(y_test, proba)),
        "average_precision": float(average_precision_score(y_test, proba)),
    }
    logger.info("test metrics: %s", metrics)

    settings.pipeline_file.parent.mkdir(parents=True, exist_ok=True)
    sio.dump(pipeline, settings.pipeline_file)
    settings.metrics_file.write_text(json.dumps(metrics, indent=2), encoding="utf-8")
    return metrics


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
