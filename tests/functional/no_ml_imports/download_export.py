"""A download script that imports only `requests`: general rules still check it.

Two thirds of an ML repository's files import no ML library (download
scripts, config modules, views). Rules about code in general (commented-out
code, hard-coded data locations, unsafe deserialization, dead flags) run on
every module, so they are reported here.
"""

import requests

EXPORT_URL = "https://exports.example.org/crm/customers-latest.csv"


def fetch_customers(target: str = "data/raw/customers.csv") -> None:
    response = requests.get(EXPORT_URL, timeout=120)  # [unstable-data-dependency]
    response.raise_for_status()
    # if response.headers.get("content-encoding") == "gzip":  # [commented-out-code]
    #     target = target + ".gz"
    with open(target, "wb") as handle:
        handle.write(response.content)


if __name__ == "__main__":
    fetch_customers()
