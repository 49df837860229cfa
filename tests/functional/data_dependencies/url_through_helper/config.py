"""Where the data comes from: one place for every location of the project."""

import os

# A live export, pinned to nothing: whatever the vendor publishes today is what we train on.
LISTINGS_URL = "https://exports.example-realty.com/listings/latest.parquet"
# The sales history may be moved with an environment variable; the default is only a fallback.
SALES_URL = os.environ.get("SALES_URL", "https://exports.example-realty.com/sales/latest.parquet")
