"""Hardcoded thresholds in PyTorch inference code for a defect-detection camera line.

The network's output flows through ``torch.sigmoid`` / ``softmax``, ``.item()``,
``.cpu().numpy()`` and loops before it meets a magic number; the value is still
model output, and each literal cut-off is flagged. The look-alikes next to
them (a named constant, a config value, the predicted class index, the loss
schedule) are not.
"""

import numpy as np
import torch
import torch.nn.functional as F
from scipy.special import expit
from torch import nn

N_DEFECT_CLASSES = 4
REJECT_THRESHOLD = 0.9
CHECKPOINT = "models/defect_net_state.pt"


class DefectNet(nn.Module):
    """Small CNN: one defect/no-defect logit plus a defect-type head."""

    def __init__(self, n_classes: int = N_DEFECT_CLASSES) -> None:
        super().__init__()
        self.backbone = nn.Sequential(
            nn.Conv2d(3, 16, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.AdaptiveAvgPool2d(1),
            nn.Flatten(),
        )
        self.is_defect = nn.Linear(16, 1)
        self.defect_type = nn.Linear(16, n_classes)

    def forward(self, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        features = self.backbone(images)
        return self.is_defect(features), self.defect_type(features)


detector = DefectNet()
detector.load_state_dict(torch.load(CHECKPOINT, map_location="cpu", weights_only=True))
detector.eval()


@torch.no_grad()
def reject_mask(images: torch.Tensor) -> torch.Tensor:
    defect_logit, _ = detector(images)
    defect_proba = torch.sigmoid(defect_logit).squeeze(1)
    # Everything above 85% goes straight to the scrap bin.
    return defect_proba > 0.85  # [hardcoded-threshold]


@torch.no_grad()
def reject_mask_configured(images: torch.Tensor) -> torch.Tensor:
    defect_logit, _ = detector(images)
    return torch.sigmoid(defect_logit).squeeze(1) > REJECT_THRESHOLD


@torch.no_grad()
def needs_second_look(image: torch.Tensor) -> bool:
    _, type_logits = detector(image.unsqueeze(0))
    confidence = F.softmax(type_logits, dim=1).amax(dim=1)
    return confidence.item() < 0.6  # [hardcoded-threshold]


@torch.no_grad()
def defect_type(image: torch.Tensor) -> int:
    _, type_logits = detector(image.unsqueeze(0))
    predicted = type_logits.argmax(dim=1).item()
    # Classes 2 and 3 are structural defects; the others can be reworked.
    if predicted >= 2:
        return predicted
    return -1


@torch.no_grad()
def batch_report(model: nn.Module, loader) -> list[str]:
    lines = []
    for images, serials in loader:
        scores = torch.softmax(model(images)[1], dim=-1)[:, -1].cpu().numpy()
        for serial, score in zip(serials, scores):
            if score >= 0.5:  # [hardcoded-threshold]
                lines.append(f"{serial}: severe defect")
    return lines


@torch.no_grad()
def count_rejects(images: torch.Tensor) -> int:
    quality_model = DefectNet()
    quality_model.load_state_dict(torch.load(CHECKPOINT, weights_only=True))
    quality_model.eval()
    logit = quality_model(images)[0]
    rejects = [float(p) for p in torch.sigmoid(logit).flatten() if 0.7 < p]  # [hardcoded-threshold]
    return len(rejects)


def from_exported_logits(logits: np.ndarray) -> np.ndarray:
    # Logits exported by the C++ runtime; the sigmoid is applied here.
    return expit(logits) >= 0.35  # [hardcoded-threshold]


def train(net: DefectNet, loader, optimizer, epochs: int) -> None:
    net.train()
    for epoch in range(epochs):
        for images, targets in loader:
            optimizer.zero_grad()
            logit, _ = net(images)
            loss = F.binary_cross_entropy_with_logits(logit.squeeze(1), targets)
            loss.backward()
            optimizer.step()
        if epoch >= 5:
            for group in optimizer.param_groups:
                group["lr"] *= 0.5


def mixture_log_likelihood(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    # Below 1e-6 the probability mass is a rounding error; the density stands in for it before the log.
    mass = torch.sigmoid(logits + 0.5) - torch.sigmoid(logits - 0.5)
    return torch.where(mass > 1e-6, torch.log(mass.clamp(min=1e-12)), logits - targets).mean()
