"""Correct PyTorch training code for an image classifier: every look-alike stays quiet.

Gradients are cleared through the optimizer (``set_to_none=True``), through
the model, or by hand; ``forward`` is called on ``self``, through ``super()``
and on the parent class; validation runs under ``torch.no_grad()`` after
``eval()`` and training goes back to ``train()``; gradient accumulation and
a GradScaler still zero the gradients; an LBFGS closure zeroes them inside.
"""

import torch
from torch import nn
from torch.cuda.amp import GradScaler, autocast
from torch.utils.data import DataLoader

from vision.config import settings
from vision.data import load_split


class Backbone(nn.Module):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.conv = nn.Conv2d(3, width, kernel_size=3, padding=1)
        self.pool = nn.AdaptiveAvgPool2d(1)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.pool(torch.relu(self.conv(images))).flatten(1)


class Classifier(Backbone):
    def __init__(self, width: int, n_classes: int) -> None:
        super().__init__(width)
        self.head = nn.Linear(width, n_classes)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        features = super().forward(images)
        return self.head(features)

    def features(self, images: torch.Tensor) -> torch.Tensor:
        return Backbone.forward(self, images)

    def predict(self, images: torch.Tensor) -> torch.Tensor:
        return self.forward(images).argmax(dim=1)


class Scheduler:
    """A project class with its own ``forward``: not a network."""

    def forward(self, steps: int) -> int:
        return steps + 1


model = Classifier(settings.width, settings.n_classes)
optimizer = torch.optim.SGD(model.parameters(), lr=settings.learning_rate, momentum=settings.momentum)
criterion = nn.CrossEntropyLoss()
train_loader = DataLoader(load_split("train"), batch_size=settings.batch_size, shuffle=True)
valid_loader = DataLoader(load_split("valid"), batch_size=settings.batch_size)
clock = Scheduler()
clock.forward(settings.warmup)


def train(epochs: int) -> None:
    for epoch in range(epochs):
        model.train()
        for images, labels in train_loader:
            optimizer.zero_grad(set_to_none=True)
            loss = criterion(model(images), labels)
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            accuracy = sum((model(x).argmax(1) == y).float().mean().item() for x, y in valid_loader)
        print(epoch, accuracy / len(valid_loader))


def train_zeroing_the_model(epochs: int) -> None:
    for _ in range(epochs):
        for images, labels in train_loader:
            model.zero_grad()
            criterion(model(images), labels).backward()
            optimizer.step()
        model.eval()
        with torch.inference_mode():
            losses = [criterion(model(x), y).item() for x, y in valid_loader]
        model.train()
        print(sum(losses) / len(losses))


def train_with_accumulation(steps_per_update: int) -> None:
    scaler = GradScaler()
    for step, (images, labels) in enumerate(train_loader):
        with autocast():
            loss = criterion(model(images), labels) / steps_per_update
        scaler.scale(loss).backward()
        if (step + 1) % steps_per_update == 0:
            scaler.step(optimizer)
            scaler.update()
            optimizer.zero_grad()


def train_by_hand() -> None:
    for images, labels in train_loader:
        for parameter in model.parameters():
            parameter.grad = None
        criterion(model(images), labels).backward()
        optimizer.step()


def refine_with_lbfgs(images: torch.Tensor, labels: torch.Tensor) -> None:
    lbfgs = torch.optim.LBFGS(model.head.parameters())

    def closure() -> torch.Tensor:
        lbfgs.zero_grad()
        loss = criterion(model(images), labels)
        loss.backward()
        return loss

    for _ in range(settings.lbfgs_rounds):
        lbfgs.step(closure)


@torch.no_grad()
def predict(images: torch.Tensor) -> torch.Tensor:
    model.eval()
    return model(images).argmax(dim=1)


def predict_batches(batches: list[torch.Tensor]) -> list[torch.Tensor]:
    model.eval()
    with torch.no_grad():
        return [model(batch).argmax(dim=1) for batch in batches]


def saliency(images: torch.Tensor) -> torch.Tensor:
    """Input gradients need the graph: eval mode without no_grad is the point here."""
    model.eval()
    images.requires_grad_(True)
    model(images).max(dim=1).values.sum().backward()
    return images.grad.abs()


def export(path: str) -> None:
    model.eval()
    torch.onnx.export(model, torch.zeros(1, 3, settings.size, settings.size), path)
