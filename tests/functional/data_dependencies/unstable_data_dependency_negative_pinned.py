"""Downloads whose URL already names one immutable version of the file: nothing to pin.

A raw GitHub file at a commit hash, an OpenML data file by its file id and a
Zenodo record's file do not change after they are published; the branch
URL at the end does, and is reported.
"""

import pandas as pd
import requests

TITANIC_CSV = "https://www.openml.org/data/get_csv/16826755/phpMYEkMl"
CENSUS_AT_COMMIT = (
    "https://raw.githubusercontent.com/acme-data/census-extracts/"
    "3f9c2a71be04d5e8c6a1f0b29d7e4c58a6b13f20/adult/train.csv"
)


def load_titanic():
    return pd.read_csv(TITANIC_CSV)


def load_census():
    return pd.read_csv(CENSUS_AT_COMMIT, skipinitialspace=True)


def fetch_embeddings(path):
    response = requests.get("https://zenodo.org/records/7712381/files/glove-subset.npz", timeout=60)
    response.raise_for_status()
    with open(path, "wb") as handle:
        handle.write(response.content)
    return path


def load_census_latest():
    return pd.read_csv("https://raw.githubusercontent.com/acme-data/census-extracts/main/adult/train.csv")  # [unstable-data-dependency]
