"""The same training loop with deterministic kernels switched on: nothing is flagged."""

import torch
from torch import nn

from wafers.data import wafer_batches

SEED = 11
LEARNING_RATE = 1e-3  # [hardcoded-hyperparameter]
MOMENTUM = 0.9  # [hardcoded-hyperparameter]


def main() -> None:
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    torch.backends.cudnn.benchmark = False
    net = nn.Sequential(nn.Conv2d(1, 16, 3), nn.ReLU(), nn.Flatten(), nn.LazyLinear(2))
    optimizer = torch.optim.SGD(net.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM)
    for images, labels in wafer_batches("data/wafers"):
        optimizer.zero_grad()
        nn.functional.cross_entropy(net(images), labels).backward()
        optimizer.step()


if __name__ == "__main__":
    main()
