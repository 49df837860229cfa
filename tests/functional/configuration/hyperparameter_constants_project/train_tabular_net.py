"""A PyTorch training script with its constants at the top.

``MOMENTUM`` reaches the optimizer by keyword and ``BASE_LR`` by position:
both are reported at the constant. ``ADAM_LR`` equals Adam's default
learning rate, so writing it out hides no choice; ``SEED`` and ``EPOCHS``
(the loop's bound) are not constructor hyperparameters. Nothing else is
reported.
"""

import pandas as pd
import torch
from torch import nn, optim

SEED = 17
EPOCHS = 40
BASE_LR = 0.05  # [hardcoded-hyperparameter]
MOMENTUM = 0.8  # [hardcoded-hyperparameter]
ADAM_LR = 0.001

torch.manual_seed(SEED)
frame = pd.read_csv("data/claims.csv")
inputs = torch.tensor(frame.drop(columns=["cost"]).to_numpy(), dtype=torch.float32)
target = torch.tensor(frame["cost"].to_numpy(), dtype=torch.float32).unsqueeze(1)

net = nn.Sequential(nn.Linear(inputs.shape[1], 32), nn.ReLU(), nn.Linear(32, 1))
optimizer = optim.SGD(net.parameters(), BASE_LR, momentum=MOMENTUM)
head_optimizer = optim.Adam(net[-1].parameters(), lr=ADAM_LR)
loss_fn = nn.MSELoss()

for epoch in range(EPOCHS):
    optimizer.zero_grad()
    head_optimizer.zero_grad()
    loss = loss_fn(net(inputs), target)
    loss.backward()
    optimizer.step()
    head_optimizer.step()
