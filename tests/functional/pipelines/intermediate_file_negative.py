"""Look-alikes of intermediate files: inputs read, outputs written, and files nobody reads back.

The job reads its raw exports and writes the final table; a file of the same
name in another folder is another file; the label store is read before it is
updated; the feature cache is checked before it is filled; a StringIO buffer
is memory; saving and loading a model is what model files are for; and the
generic save/load helpers take their paths from their callers. None of these
is reported.
"""

import io
import os

import joblib
import pandas as pd

LABELS_PATH = "data/labels/reviewed.csv"


def build_table(raw_dir: str, out_dir: str) -> pd.DataFrame:
    sales = pd.read_csv(f"{raw_dir}/sales.csv")
    sales = sales[sales["amount"] > 0]
    sales.to_csv(f"{out_dir}/sales.csv", index=False)
    listings = pd.read_parquet("data/raw/listings.parquet")
    listings.to_parquet("data/processed/listings.parquet")
    return sales


def add_reviewed_labels(new_labels: pd.DataFrame) -> None:
    labels = pd.read_csv(LABELS_PATH)
    labels = pd.concat([labels, new_labels]).drop_duplicates(subset=["item_id"], keep="last")
    labels.to_csv(LABELS_PATH, index=False)


def features(cache_path: str, raw_path: str) -> pd.DataFrame:
    if os.path.exists(cache_path):
        return pd.read_parquet(cache_path)
    table = pd.read_json(raw_path, lines=True)
    table.to_parquet(cache_path)
    return table


def normalise_csv(frame: pd.DataFrame) -> pd.DataFrame:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    buffer.seek(0)
    return pd.read_csv(buffer)


def retrain(model, frame: pd.DataFrame, path: str):
    model.fit(frame.drop(columns=["label"]), frame["label"])
    joblib.dump(model, path)
    return joblib.load(path)


def save_frame(frame: pd.DataFrame, path: str) -> None:
    frame.to_parquet(path)


def load_frame(path: str) -> pd.DataFrame:
    return pd.read_parquet(path)
