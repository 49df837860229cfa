"""A test that stores its own fixture frame through the project's store and trains on it: setup, not a stage."""

import pandas as pd

from fraud.store import RunStore
from fraud.train import train


def test_train_reads_the_stored_features():
    cards = pd.DataFrame({"amount_mean": [3.0, 40.0], "amount_max": [5.0, 90.0], "n_tx": [2, 7], "is_fraud": [0, 1]})
    RunStore().put_frame("test-run", "card_features", cards)
    train("test-run")
