"""A seeded training script: numpy through its own seeded generator, torch globally.

Nothing is flagged: ``default_rng(42)`` is a seeded generator and
``torch.manual_seed`` fixes the weights' initialisation.
"""

import numpy as np
import pandas as pd
import torch
from torch import nn

SEED = 42
LEARNING_RATE = 0.01  # [hardcoded-hyperparameter]
rng = np.random.default_rng(42)
torch.manual_seed(SEED)

readings = pd.read_csv("data/sensor_readings.csv")
rows = rng.permutation(len(readings))
jitter = rng.normal(0.0, 0.05, size=len(readings))

model = nn.Linear(readings.shape[1] - 1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
features = torch.tensor(readings.drop(columns="load").to_numpy()[rows], dtype=torch.float32)
target = torch.tensor(readings["load"].to_numpy()[rows] + jitter, dtype=torch.float32)
for _ in range(100):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(features).squeeze(1), target)
    loss.backward()
    optimizer.step()
