"""The model definitions and training step of a forecasting package.

A library module: it defines layers and a training function but does not
train when it is run. The script that calls ``train_epoch`` seeds; nothing
here is flagged.
"""

import torch
from torch import nn


class Forecaster(nn.Module):
    def __init__(self, n_inputs: int, hidden: int) -> None:
        super().__init__()
        self.rnn = nn.GRU(n_inputs, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x):
        output, _ = self.rnn(x)
        return self.head(self.dropout(output[:, -1]))


def train_epoch(model: Forecaster, loader, optimizer: torch.optim.Optimizer) -> float:
    model.train()
    total = 0.0
    for window, target in loader:
        optimizer.zero_grad()
        loss = nn.functional.l1_loss(model(window + 0.01 * torch.randn_like(window)), target)
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total / len(loader)
