"""Joining transactions to accounts, with and without a declared cardinality."""

import pandas as pd

accounts = pd.read_csv("data/accounts.csv")
transactions = pd.read_csv("data/transactions.csv")
checked = transactions.merge(accounts, on="account_id", validate="many_to_one")
unchecked = transactions.merge(accounts, on="account_id", how="left")  # [merge-parameter-unset]
