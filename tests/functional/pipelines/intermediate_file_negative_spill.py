"""A memory spill in a script that holds more data than fits: not an intermediate file.

The scoring rows are pickled and deleted while the large training frame
is in memory, then read back once it is gone. The file exists only to free
memory for a while; nothing but this function reads it. Not reported.
"""

import gc

import lightgbm as lgb
import pandas as pd

FEATURES = ["app", "device", "os", "channel", "hour", "clicks_per_ip"]


def train_and_score(clicks: pd.DataFrame, scoring_rows: pd.DataFrame) -> pd.DataFrame:
    scoring_rows.to_pickle("scoring_rows.pkl")
    del scoring_rows
    gc.collect()

    booster = lgb.train({"objective": "binary"}, lgb.Dataset(clicks[FEATURES], clicks["is_attributed"]))
    del clicks
    gc.collect()

    scoring_rows = pd.read_pickle("scoring_rows.pkl")
    return scoring_rows.assign(is_attributed=booster.predict(scoring_rows[FEATURES]))
