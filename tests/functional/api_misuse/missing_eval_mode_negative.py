"""Evaluation mode handled correctly in distillation and wrapped training: every look-alike stays quiet.

The teacher is frozen in eval mode and only called under ``no_grad`` while
the student trains; a DistributedDataParallel wrapper goes back to training
through ``model.module.train()``; a helper called from a ``no_grad`` block
predicts after ``eval()``; a validation helper switches the model back.
"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.parallel import DistributedDataParallel

from distill.config import settings
from distill.data import batches


class Classifier(nn.Module):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Flatten(), nn.LazyLinear(width), nn.ReLU(), nn.Dropout(settings.dropout))
        self.head = nn.Linear(width, settings.n_classes)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(images))


teacher = Classifier(settings.teacher_width)
student = Classifier(settings.student_width)
optimizer = torch.optim.AdamW(student.parameters(), lr=settings.learning_rate)


def distill(epochs: int) -> None:
    for _ in range(epochs):
        teacher.eval()
        for images, _labels in batches("train"):
            with torch.no_grad():
                targets = F.softmax(teacher(images) / settings.temperature, dim=1)
            optimizer.zero_grad()
            loss = F.kl_div(F.log_softmax(student(images), dim=1), targets, reduction="batchmean")
            loss.backward()
            optimizer.step()


def validate(model: nn.Module) -> float:
    model.eval()
    with torch.no_grad():
        losses = [F.cross_entropy(model(x), y).item() for x, y in batches("valid")]
    model.train()
    return sum(losses) / len(losses)


def train_with_validation(epochs: int) -> None:
    for _ in range(epochs):
        for images, labels in batches("train"):
            optimizer.zero_grad()
            F.cross_entropy(student(images), labels).backward()
            optimizer.step()
        print(validate(student))


def train_distributed(model: DistributedDataParallel, epochs: int) -> None:
    wrapped: nn.Module = model.module
    for _ in range(epochs):
        model.module.train()
        for images, labels in batches("train"):
            optimizer.zero_grad()
            F.cross_entropy(model(images), labels).backward()
            optimizer.step()
        wrapped.eval()


def embed(images: torch.Tensor) -> torch.Tensor:
    student.eval()
    return student(images)


def embed_gallery() -> list[torch.Tensor]:
    with torch.no_grad():
        return [embed(images) for images, _ in batches("gallery")]
