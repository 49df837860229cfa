"""Train a defect classifier on wafer images: seeded, but with cuDNN's fastest kernels.

The seed fixes the initial weights; the convolutions still sum in a
different order on every run. Reported once, at the first backward().
"""

import torch
from torch import nn
from torch.utils.data import DataLoader

from wafers.data import WaferImages

SEED = 11
EPOCHS = 12
LEARNING_RATE = 1e-3

torch.manual_seed(SEED)
torch.backends.cudnn.benchmark = True

net = nn.Sequential(nn.Conv2d(1, 16, 3), nn.ReLU(), nn.Flatten(), nn.LazyLinear(2)).cuda()
optimizer = torch.optim.Adam(net.parameters(), lr=LEARNING_RATE)
loader = DataLoader(WaferImages("data/wafers"), batch_size=64, shuffle=True)
for _ in range(EPOCHS):
    for images, labels in loader:
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(net(images.cuda()), labels.cuda())
        loss.backward()  # [nondeterministic-algorithms]
        optimizer.step()
