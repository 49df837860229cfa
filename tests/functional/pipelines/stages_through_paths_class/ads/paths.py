"""Every location of the click pipeline, as class attributes and as a dataclass the jobs instantiate."""

from dataclasses import dataclass


class Paths:
    clicks = "data/raw/clicks.csv"
    sessions = "data/interim/sessions.parquet"
    ctr_report = "reports/ctr_by_campaign.csv"


@dataclass
class JobFiles:
    scored: str = "data/processed/scored_sessions.parquet"
