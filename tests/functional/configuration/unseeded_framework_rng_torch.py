"""Train a small PyTorch tabular network on credit defaults; no generator is seeded.

Weights start random, dropout draws masks and the batches are drawn by
``torch.randperm``; the noise augmentation draws from numpy's global
generator. One finding per framework, at its first draw.
"""

import numpy as np
import pandas as pd
import torch
from torch import nn

EPOCHS = 30
BATCH = 256
LEARNING_RATE = 3e-4  # [hardcoded-hyperparameter]


class DefaultNet(nn.Module):
    def __init__(self, n_inputs: int) -> None:
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_inputs, 64),  # [unseeded-framework-rng]
            nn.ReLU(),
            nn.Dropout(0.2),
            nn.Linear(64, 1),
        )

    def forward(self, x):
        return self.body(x)


def augment(features: np.ndarray) -> np.ndarray:
    return features + np.random.normal(0.0, 0.01, size=features.shape)  # [unseeded-framework-rng]


def main() -> None:
    loans = pd.read_csv("data/loans.csv")
    features = torch.tensor(augment(loans.drop(columns="default").to_numpy()), dtype=torch.float32)
    target = torch.tensor(loans["default"].to_numpy(), dtype=torch.float32)
    net = DefaultNet(features.shape[1])
    optimizer = torch.optim.Adam(net.parameters(), lr=LEARNING_RATE)
    loss_fn = nn.BCEWithLogitsLoss()
    for _ in range(EPOCHS):
        order = torch.randperm(len(features))
        for start in range(0, len(order), BATCH):
            rows = order[start:start + BATCH]
            optimizer.zero_grad()
            loss = loss_fn(net(features[rows]).squeeze(1), target[rows])
            loss.backward()
            optimizer.step()
    torch.save(net.state_dict(), "models/default_net.pt")


if __name__ == "__main__":
    main()
