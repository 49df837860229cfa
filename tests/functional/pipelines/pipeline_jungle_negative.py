"""Look-alikes of a pipeline jungle: short preparation, a declared pipeline, and string handling.

A loader that reads, joins and cleans in a handful of steps is a focused
function. The preprocessing declared in a scikit-learn ``Pipeline`` and
``ColumnTransformer`` is the cure for a jungle, not one. The housekeeping
helper calls ``join``, ``replace``, ``sort`` and ``rename`` on strings,
lists and paths, which are not data frames. None of these is reported.
"""

from pathlib import Path

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["sqft", "lot_size", "house_age"]
CATEGORICAL = ["neighborhood", "property_type"]
TARGET = "price"


def load_listings(listings_path: str, neighborhoods_path: str) -> pd.DataFrame:
    listings = pd.read_parquet(listings_path)
    neighborhoods = pd.read_parquet(neighborhoods_path)
    listings = listings.merge(neighborhoods, on="neighborhood_id", how="left", validate="many_to_one")
    listings = listings.dropna(subset=[TARGET])
    listings = listings.drop_duplicates(subset=["listing_id"])
    return listings.rename(columns={"neighborhood_name": "neighborhood"})


def make_model() -> Pipeline:
    numeric = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
    categorical = Pipeline(
        [("impute", SimpleImputer(strategy="most_frequent")), ("encode", OneHotEncoder(handle_unknown="ignore"))]
    )
    preprocess = ColumnTransformer([("numeric", numeric, NUMERIC), ("categorical", categorical, CATEGORICAL)])
    return Pipeline([("preprocess", preprocess), ("model", HistGradientBoostingRegressor(random_state=0))])


def train(listings_path: str, neighborhoods_path: str) -> Pipeline:
    listings = load_listings(listings_path, neighborhoods_path)
    model = make_model()
    model.fit(listings[NUMERIC + CATEGORICAL], listings[TARGET])
    return model


def archive_old_runs(runs_dir: Path, archive_dir: Path, keep: int) -> str:
    runs = [path for path in runs_dir.iterdir() if path.name.startswith("run_")]
    runs.sort(key=lambda path: path.stat().st_mtime)
    stale = runs[:-keep]
    for run in stale:
        run.rename(archive_dir / run.name)
    names = [run.name.replace("run_", "").replace("_", "-") for run in stale]
    names.sort()
    labels = ", ".join(names)
    summary = " | ".join([f"{len(stale)} archived", f"{len(runs) - len(stale)} kept"])
    title = "Archived runs".center(40).strip().upper().replace(" ", "_")
    return "\n".join([title, summary, labels]).replace("\n\n", "\n")
