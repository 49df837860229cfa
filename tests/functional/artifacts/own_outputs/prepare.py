"""Stage 1: clean the CRM export and build the vocabulary of plan names.

It writes the pickles the training stage reads back (an intermediate file
between stages, reported at both ends); nothing here loads one.
"""

import pickle

import pandas as pd

FEATURES_PATH = "data/interim/features.pkl"
VOCAB_PATH = "artifacts/plan_vocab.pkl"


def main() -> None:
    customers = pd.read_csv("data/raw/customers.csv")
    customers = customers.dropna(subset=["tenure_months", "plan"])
    vocabulary = {plan: index for index, plan in enumerate(sorted(customers["plan"].unique()))}
    customers["plan_id"] = customers["plan"].map(vocabulary)
    customers.to_pickle(FEATURES_PATH)  # [intermediate-file]
    with open(VOCAB_PATH, "wb") as handle:
        pickle.dump(vocabulary, handle)


if __name__ == "__main__":
    main()
