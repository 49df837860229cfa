"""Where every stage of the churn pipeline keeps its files."""

from pathlib import Path

DATA = Path("data")
RAW = DATA / "raw"
INTERIM = DATA / "interim"
REPORTS = Path("reports")
