"""A detector's training entry point that seeds and picks deterministic kernels through the project's helper.

``init_seeds(..., deterministic=True)`` is where the project switches
deterministic algorithms on: nothing is flagged.
"""

import torch

from detector.model import build_detector
from detector.utils import init_seeds, training_batches

LEARNING_RATE = 1e-2  # [hardcoded-hyperparameter]


def main(seed: int) -> None:
    init_seeds(seed, deterministic=True)
    model = build_detector()
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
    for images, targets in training_batches():
        optimizer.zero_grad()
        model.loss(images, targets).backward()
        optimizer.step()


if __name__ == "__main__":
    main(seed=0)
