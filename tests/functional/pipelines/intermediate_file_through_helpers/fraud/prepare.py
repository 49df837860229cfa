"""Stage 1: build per-card features and hand them to training through the store."""

import pandas as pd

from fraud.store import RunStore, export_table


def prepare(run_id: str, transactions: pd.DataFrame, report_folder: str) -> None:
    store = RunStore()
    per_card = transactions.groupby("card_id").agg(
        amount_mean=("amount", "mean"), amount_max=("amount", "max"), n_tx=("amount", "size")
    )
    labelled = per_card.join(transactions.groupby("card_id")["is_fraud"].max())
    store.put_frame(run_id, "card_features", labelled)  # [intermediate-file]
    # A report for people, read by no stage: a final output.
    store.put_frame(run_id, "feature_summary", labelled.describe())
    export_table(labelled.describe(), report_folder, "summary")
