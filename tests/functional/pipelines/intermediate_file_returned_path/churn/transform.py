"""Stage 2: reads the split the ingestion stage wrote and encodes it."""

import pandas as pd


class FeatureBuilder:
    def build(self, train_path):
        train = pd.read_csv(train_path, dtype={"plan": "category"})
        return pd.get_dummies(train, columns=["plan"])
