"""Stage 2: train the churn model on what stage 1 wrote.

Re-reading the project's own pickles is as safe as running its code: quiet.
A checkpoint given on the command line is the user's own: quiet. Weights
that nobody in this project writes, and weights fetched from a URL, can be
anyone's: reported.
"""

import argparse
import os
import pickle
from urllib.request import urlretrieve

import joblib
import pandas as pd
import torch
from sklearn.ensemble import GradientBoostingClassifier

FEATURES_PATH = "data/interim/features.pkl"
ENCODER_URL = os.environ.get("ENCODER_URL", "https://models.example.com/churn/text-encoder-v3.pt")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--resume", help="a model saved by an earlier run of this script")
    args = parser.parse_args()

    customers = pd.read_pickle(FEATURES_PATH)  # [intermediate-file]
    with open("artifacts/plan_vocab.pkl", "rb") as handle:
        vocabulary = pickle.load(handle)
    encoder = torch.load("pretrained/notes_encoder.pt")  # [unsafe-model-deserialization]
    tagger = torch.load(urlretrieve(ENCODER_URL)[0])  # [unsafe-model-deserialization]
    notes = encoder(tagger(torch.tensor(customers["note_ids"].tolist())))
    customers["notes_score"] = notes.detach().numpy()

    model = joblib.load(args.resume) if args.resume else GradientBoostingClassifier(random_state=0)
    features = customers[["tenure_months", "plan_id", "notes_score"]]
    model.fit(features, customers["churned"])
    print("plans known:", len(vocabulary))
    joblib.dump(model, "models/churn.joblib")


if __name__ == "__main__":
    main()
