"""Train the ride ETA pipeline and log it, transformations included, to MLflow.

The clipping and the cyclical hour encoding are FunctionTransformer steps
of the logged Pipeline, so serving loads them together with the regressor.
Look-alike: nothing reported.
"""

import mlflow
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer

from features import add_cyclical_hour, clip_trip_outliers

SEED = 67
MAX_ITER = 400  # [hardcoded-hyperparameter]
LEARNING_RATE = 0.05  # [hardcoded-hyperparameter]
RAW_COLUMNS = ["distance_km", "pickup_hour", "passengers", "pickup_zone"]
TARGET = "duration_minutes"


def main() -> None:
    trips = pd.read_parquet("data/trips_2024.parquet").dropna(subset=RAW_COLUMNS + [TARGET])
    X_train, X_test, y_train, y_test = train_test_split(
        trips[RAW_COLUMNS], trips[TARGET], test_size=0.2, random_state=SEED
    )
    pipeline = make_pipeline(
        FunctionTransformer(clip_trip_outliers),
        FunctionTransformer(add_cyclical_hour),
        HistGradientBoostingRegressor(max_iter=MAX_ITER, learning_rate=LEARNING_RATE, random_state=SEED),
    )
    pipeline.fit(X_train, y_train)
    mae = mean_absolute_error(y_test, pipeline.predict(X_test))
    with mlflow.start_run(run_name="ride-eta"):
        mlflow.log_metric("test_mae_minutes", mae)
        mlflow.sklearn.log_model(pipeline, "model", registered_model_name="ride-eta")


if __name__ == "__main__":
    main()
