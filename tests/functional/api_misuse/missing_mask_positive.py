"""Hand-written losses and scores that take the log of a probability without guarding zero.

A probability of exactly 0 (or 1, for ``1 - p``) gives ``-inf`` and then
``nan`` gradients: one saturated sigmoid ruins the training run.
"""

import numpy as np
import tensorflow as tf
import torch
import torch.nn.functional as F

from ranking.config import settings
from ranking.model import load_ranker

ranker = load_ranker(settings.checkpoint)


def binary_cross_entropy(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    probs = torch.sigmoid(logits)
    positive = targets * torch.log(probs)  # [missing-mask]
    negative = (1 - targets) * torch.log(1 - probs)  # [missing-mask]
    return -(positive + negative).mean()


def listwise_loss(scores: torch.Tensor, relevance: torch.Tensor) -> torch.Tensor:
    log_probs = torch.log(F.softmax(scores, dim=-1))  # [missing-mask]
    return -(relevance * log_probs).sum(dim=-1).mean()


def focal_term(logits: tf.Tensor) -> tf.Tensor:
    probs = tf.nn.softmax(logits)
    return tf.math.log(probs)  # [missing-mask]


def click_log_likelihood(features: np.ndarray, clicks: np.ndarray) -> float:
    proba = ranker.predict_proba(features)[:, 1]
    return float(np.sum(clicks * np.log(proba)))  # [missing-mask]


entropy = -(F.softmax(torch.randn(settings.batch, settings.n_items), dim=1).log()).sum()  # [missing-mask]
