"""Stage 2: train on the clean table stage 1 wrote.

Re-reading a file the project itself writes is not an external input: its
types were settled by the stage that wrote it. Not reported.
"""

import pandas as pd
from sklearn.linear_model import PoissonRegressor

CLEAN_ORDERS = "data/interim/orders_clean.csv"


def main() -> None:
    orders = pd.read_csv(CLEAN_ORDERS)  # [intermediate-file]
    model = PoissonRegressor()
    model.fit(orders[["amount", "discount"]], orders["quantity"])


if __name__ == "__main__":
    main()
