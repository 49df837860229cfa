"""The project's storage helper: every stage saves and loads through it, so no stage names a path."""

import joblib
import pandas as pd


class RunStore:
    def __init__(self):
        self.root = "/srv/fraud-store"

    def put_frame(self, run_id: str, name: str, frame: pd.DataFrame) -> None:
        frame.to_parquet(f"{self.root}/{run_id}/{name}.parquet")

    def get_frame(self, run_id: str, name: str) -> pd.DataFrame:
        return pd.read_parquet(f"{self.root}/{run_id}/{name}.parquet")

    def put_model(self, run_id: str, model) -> None:
        joblib.dump(model, f"{self.root}/{run_id}/model.joblib")

    def get_model(self, run_id: str):
        return joblib.load(f"{self.root}/{run_id}/model.joblib")


def export_table(frame: pd.DataFrame, folder: str, name: str) -> None:
    frame.to_csv(f"{folder}/{name}.csv", index=False)
