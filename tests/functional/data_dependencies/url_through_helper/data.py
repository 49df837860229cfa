"""Builds the training frame. The hard-coded URL reaches a reader through two helpers.

It is reported where the literal is handed over, naming the read it ends
in. The sales location comes from the environment (with a default), so it
is configured, not hard-coded: quiet. So is a location passed in by the
caller of `training_frame`.
"""

from config import LISTINGS_URL, SALES_URL
from io_helpers import read_clean, read_table


def training_frame(extra_location: str):
    listings = read_clean(LISTINGS_URL)  # [unstable-data-dependency]
    sales = read_table(SALES_URL)
    extra = read_table(extra_location)
    return listings.merge(sales, on="listing_id").merge(extra, on="listing_id")
