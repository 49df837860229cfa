"""Stage 1 of the order pipeline: clean the raw export for the training stage.

The raw export comes from outside and its types are guessed: reported. This
stage writes data for the next one, so what it reads feeds the model.
"""

import pandas as pd

RAW_ORDERS = "data/exports/orders.csv"
CLEAN_ORDERS = "data/interim/orders_clean.csv"


def main() -> None:
    orders = pd.read_csv(RAW_ORDERS)  # [column-dtype-unset]
    orders = orders[orders["quantity"] > 0].drop_duplicates("order_id")
    orders.to_csv(CLEAN_ORDERS, index=False)  # [intermediate-file]


if __name__ == "__main__":
    main()
