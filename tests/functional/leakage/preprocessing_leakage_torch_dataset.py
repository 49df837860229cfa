"""Listing-price notebook: features standardised by hand, then a Dataset class of its own splits them.

The z-scores use the mean and spread of every listing; only afterwards does
`ListingData.holdout` cut the rows with `random_split`, and the network is
judged by the R² of the predictions it collects over the held-out loader.
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

listings = pd.read_csv("data/listings.csv")
price = listings.pop("price").to_numpy()
features = listings.select_dtypes("number").fillna(0)
centre = np.mean(features, axis=0)  # [preprocessing-leakage]
spread = np.std(features, axis=0)  # [preprocessing-leakage]
features = (features - centre) / spread


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


listing_data = ListingData(features.to_numpy(), price)
train_part, test_part = listing_data.holdout()
train_loader = data.DataLoader(train_part, batch_size=BATCH, shuffle=True)
test_loader = data.DataLoader(test_part, batch_size=BATCH)

network = nn.Sequential(nn.Linear(features.shape[1], 64), nn.ReLU(), nn.Linear(64, 1))
optimiser = torch.optim.Adam(network.parameters(), lr=1e-3)
loss_fn = nn.MSELoss()
for epoch in range(EPOCHS):
    network.train()
    for rows, targets in train_loader:
        optimiser.zero_grad()
        loss = loss_fn(network(rows), targets)
        loss.backward()
        optimiser.step()

network.eval()
truths, guesses = [], []
with torch.no_grad():
    for rows, targets in test_loader:
        truths.append(targets.numpy())
        guesses.append(network(rows).numpy())
print("R2", r2_score(np.concatenate(truths), np.concatenate(guesses)))
