"""Log-probabilities computed safely: every look-alike stays quiet.

Clamped or shifted by an epsilon, computed with ``log_softmax`` or
``logsigmoid``, or the log of something that is not a probability (a count,
a positive feature, a loss).
"""

import numpy as np
import tensorflow as tf
import torch
import torch.nn.functional as F

from ranking.config import settings
from ranking.model import load_ranker

EPS = 1e-7
ranker = load_ranker(settings.checkpoint)


def binary_cross_entropy(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    probs = torch.sigmoid(logits)
    positive = targets * torch.log(probs.clamp(min=EPS))
    negative = (1 - targets) * torch.log(torch.clamp(1 - probs, min=EPS))
    return -(positive + negative).mean()


def listwise_loss(scores: torch.Tensor, relevance: torch.Tensor) -> torch.Tensor:
    return -(relevance * F.log_softmax(scores, dim=-1)).sum(dim=-1).mean()


def shifted(logits: tf.Tensor) -> tf.Tensor:
    probs = tf.nn.softmax(logits)
    return tf.math.log(probs + EPS)


def clipped_likelihood(features: np.ndarray, clicks: np.ndarray) -> float:
    proba = np.clip(ranker.predict_proba(features)[:, 1], EPS, 1 - EPS)
    return float(np.sum(clicks * np.log(proba)))


def log_counts(counts: np.ndarray) -> np.ndarray:
    return np.log1p(counts)


def log_price(prices: torch.Tensor) -> torch.Tensor:
    return torch.log(prices)


def log_sigmoid(logits: torch.Tensor) -> torch.Tensor:
    return F.logsigmoid(logits)


def masked_log(probs: torch.Tensor) -> torch.Tensor:
    safe = torch.where(probs > 0, probs, torch.ones_like(probs))
    return torch.log(safe)


def clamped_in_place(scores: torch.Tensor) -> torch.Tensor:
    probs = torch.softmax(scores, dim=1)
    probs = probs.clamp(min=EPS)
    return torch.log(probs)
