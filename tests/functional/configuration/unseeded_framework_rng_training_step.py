"""Fine-tune a segmentation network defined in the project's model package; nothing is seeded.

No layer is built here, but the network's initial weights, its dropout and
the shuffled batches all come from torch's generator: the first training
step is reported.
"""

import torch
from torch.utils.data import DataLoader

from segmentation.data import CarImages
from segmentation.model import UNet

LEARNING_RATE = 1e-4  # [hardcoded-hyperparameter]
EPOCHS = 5


def train(net: UNet, loader: DataLoader) -> None:
    optimizer = torch.optim.RMSprop(net.parameters(), lr=LEARNING_RATE)
    criterion = torch.nn.BCEWithLogitsLoss()
    for _ in range(EPOCHS):
        for images, masks in loader:
            optimizer.zero_grad()
            criterion(net(images), masks).backward()  # [unseeded-framework-rng]
            optimizer.step()


if __name__ == "__main__":
    # Only the loader's order is seeded: the generator object seeds itself, not torch's global one.
    order = torch.Generator().manual_seed(0)
    loader = DataLoader(CarImages("data/cars"), batch_size=8, shuffle=True, generator=order)
    train(UNet(n_channels=3, n_classes=1), loader)
