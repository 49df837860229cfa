"""Unstable data dependencies: a churn model that reads its inputs from places it does not own.

Every input below lives on someone's laptop, on a web server or behind a raw IP
address. When the owner moves a file, rotates a server or changes a CSV export,
training silently breaks or, worse, silently trains on different data
(Sculley et al. 2015, section 3.1). Each read is flagged at the reading call,
whether the location is written inline, kept in a module-level constant, or
assembled with an f-string, ``+``, ``os.path.join`` or ``pathlib``.
"""

import os
from pathlib import Path
from urllib.request import urlopen, urlretrieve

import numpy as np
import pandas as pd
import requests

# The marketing team's nightly export. Nobody on the ML team controls this host.
CUSTOMERS_URL = "https://exports.marketing.example.com/crm/customers_latest.csv"

# Billing history that one analyst copied to her laptop last spring.
BILLING_DIR = "/Users/mchen/Downloads/billing_2023"

# Feature server that still has no DNS name.
FEATURE_API = "http://10.20.4.17:8080/v2/features"

RAW_ROOT = Path("/home/priya/projects/churn/raw")


def load_customers() -> pd.DataFrame:
    """Customer master data, one row per account."""
    customers = pd.read_csv(CUSTOMERS_URL, parse_dates=["signup_date"])  # [unstable-data-dependency]
    customers["tenure_months"] = customers["tenure_days"] // 30
    return customers


def load_billing(year: int) -> pd.DataFrame:
    path = os.path.join(BILLING_DIR, f"invoices_{year}.parquet")
    return pd.read_parquet(path)  # [unstable-data-dependency]


def load_support_tickets() -> pd.DataFrame:
    # The ticket dump is refreshed by hand; the file name carries the export date.
    tickets = pd.read_json(RAW_ROOT / "support" / "tickets_2024-03.json", lines=True)  # [unstable-data-dependency]
    return tickets.groupby("account_id").size().rename("n_tickets").reset_index()


def fetch_usage_features(account_ids: list[str]) -> pd.DataFrame:
    response = requests.get(FEATURE_API + "/usage", params={"ids": ",".join(account_ids)}, timeout=10)  # [unstable-data-dependency]
    response.raise_for_status()
    return pd.DataFrame(response.json()["rows"])


def load_regional_prices(region: str) -> pd.DataFrame:
    # Price lists are published per region on the finance wiki.
    return pd.read_excel(f"https://wiki.example.com/finance/prices/{region}.xlsx")  # [unstable-data-dependency]


def load_census_income() -> pd.DataFrame:
    # Public census extract mirrored on an FTP server.
    with urlopen("ftp://ftp.example.org/pub/census/adult.data") as handle:  # [unstable-data-dependency]
        return pd.read_csv(handle, header=None)


def download_holidays() -> str:
    target, _ = urlretrieve("https://calendar.example.net/holidays/de.csv", "data/holidays_de.csv")  # [unstable-data-dependency]
    return target


def load_sales_leads() -> pd.DataFrame:
    # Windows file share of the sales office, addressed by IP.
    return pd.read_excel(r"\\192.168.10.5\sales\leads_q1.xlsx", sheet_name="leads")  # [unstable-data-dependency]


def load_embeddings() -> np.ndarray:
    # Account embeddings trained in a colleague's notebook.
    emb_path = "~/notebooks/embeddings/account_vectors.npy"
    return np.load(emb_path)  # [unstable-data-dependency]


def load_stopwords() -> set[str]:
    with open("C:\\Users\\dkim\\Documents\\nlp\\stopwords_de.txt", encoding="utf-8") as fh:  # [unstable-data-dependency]
        return {line.strip() for line in fh}


def load_clickstream() -> pd.DataFrame:
    # Object stores are servers too: "latest" in a bucket is whatever was uploaded last.
    sessions = pd.read_parquet("s3://acme-analytics/clickstream/latest/")  # [unstable-data-dependency]
    devices = pd.read_csv("gs://acme-exports/devices/devices_latest.csv", dtype={"device_id": "string"})  # [unstable-data-dependency]
    return sessions.merge(devices, on="device_id", how="left", validate="many_to_one")


# Module-level script code: the same smells outside any function.
regions = np.loadtxt("/home/priya/projects/churn/raw/regions.txt", dtype=str)  # [unstable-data-dependency]

customers = load_customers()
customers = customers.merge(load_billing(2023), on="account_id", how="left", validate="one_to_one")
customers = customers.merge(load_support_tickets(), on="account_id", how="left", validate="one_to_one")
customers["n_tickets"] = customers["n_tickets"].fillna(0)
customers.to_parquet("data/processed/churn_features.parquet", index=False)
