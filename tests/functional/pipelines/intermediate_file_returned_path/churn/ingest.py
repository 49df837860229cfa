"""Stage 1: pulls the customer export, splits it and hands the split on by its path."""

import joblib
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from churn.transform import FeatureBuilder

TRAIN_PATH = "artifacts/train.csv"
MODEL_PATH = "artifacts/baseline.joblib"


class Ingestion:
    def run(self, export_path):
        customers = pd.read_csv(export_path, dtype={"plan": "category"})
        train, _ = train_test_split(customers, test_size=0.2, random_state=7)
        train.to_csv(TRAIN_PATH, index=False)  # [intermediate-file]
        return TRAIN_PATH

    def baseline(self, export_path):
        customers = pd.read_csv(export_path, dtype={"plan": "category"})
        model = LogisticRegression(max_iter=500, C=1.0).fit(customers[["tenure"]], customers["churned"])
        joblib.dump(model, MODEL_PATH)
        return MODEL_PATH


if __name__ == "__main__":
    ingestion = Ingestion()
    train_path = ingestion.run("exports/customers.csv")
    builder = FeatureBuilder()
    features = builder.build(train_path)
    model_path = ingestion.baseline("exports/customers.csv")
    print(joblib.load(model_path))
