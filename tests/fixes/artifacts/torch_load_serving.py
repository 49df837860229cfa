"""A FastAPI service that loads its PyTorch checkpoints at start-up."""

import os

import torch
from fastapi import FastAPI

CHECKPOINTS = os.environ.get("CHECKPOINTS", "/srv/checkpoints")

app = FastAPI()

encoder_state = torch.load(os.path.join(CHECKPOINTS, "encoder.pt"))
# The ranker checkpoint was saved on a GPU box.
ranker_state = torch.load(
    os.path.join(CHECKPOINTS, "ranker.pt"),  # mounted read-only
    map_location="cpu",
)
head_state = torch.load((os.path.join(CHECKPOINTS, "head.pt")), map_location=torch.device("cpu"),)
legacy = torch.load(os.path.join(CHECKPOINTS, "legacy.pt"), weights_only=False)
options = {"map_location": "cpu"}
tuned = torch.load(os.path.join(CHECKPOINTS, "tuned.pt"), **options)


@app.post("/rank")
def rank(query: list[float]) -> list[float]:
    scores = torch.tensor(query) @ ranker_state["weight"].T
    return scores.tolist()
