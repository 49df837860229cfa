"""Listing-price notebook, done right: `random_split` first, z-scores from the training listings only.

The Dataset class of the notebook's own splits the raw rows; the mean and
spread are taken over the rows of the training part and applied to both
parts, so the held-out R² is measured on listings that shaped nothing.
"""

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import r2_score
from torch import nn
from torch.utils import data

EPOCHS = 30
BATCH = 64
torch.manual_seed(7)


class ListingData(data.Dataset):
    def __init__(self, rows, targets):
        self.rows = torch.from_numpy(rows).float()
        self.targets = torch.from_numpy(targets).float().reshape(-1, 1)

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        return self.rows[index], self.targets[index]

    def holdout(self, share=0.3):
        n_test = round(share * len(self.rows))
        return data.random_split(self, [len(self.rows) - n_test, n_test], generator=torch.Generator().manual_seed(7))


listings = pd.read_csv("data/listings.csv")
price = listings.pop("price").to_numpy()
train_part, test_part = ListingData(listings.select_dtypes("number").fillna(0).to_numpy(), price).holdout()
train_rows = torch.stack([rows for rows, _ in train_part])
centre, spread = train_rows.mean(dim=0), train_rows.std(dim=0)

network = nn.Sequential(nn.Linear(train_rows.shape[1], 64), nn.ReLU(), nn.Linear(64, 1))
optimiser = torch.optim.Adam(network.parameters(), lr=1e-3)
loss_fn = nn.MSELoss()
for epoch in range(EPOCHS):
    network.train()
    for rows, targets in data.DataLoader(train_part, batch_size=BATCH, shuffle=True):
        optimiser.zero_grad()
        loss = loss_fn(network((rows - centre) / spread), targets)
        loss.backward()
        optimiser.step()

network.eval()
truths, guesses = [], []
with torch.no_grad():
    for rows, targets in data.DataLoader(test_part, batch_size=BATCH):
        truths.append(targets.numpy())
        guesses.append(network((rows - centre) / spread).numpy())
print("R2", r2_score(np.concatenate(truths), np.concatenate(guesses)))
