"""Embedding a product catalogue with a PyTorch encoder called through ``.forward``."""

import torch
from torch import nn

from catalogue.config import settings


class TitleEncoder(nn.Module):
    def __init__(self, vocab_size: int, width: int) -> None:
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab_size, width)
        self.projection = nn.Linear(width, width)

    def forward(self, tokens: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
        pooled = self.embedding.forward(tokens, offsets)  # mean of the token vectors
        return torch.tanh(self.projection.forward(pooled))


encoder = TitleEncoder(settings.vocab_size, settings.width)
encoder.eval()


@torch.no_grad()
def embed(tokens: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
    vectors = encoder.forward(
        tokens,
        offsets,
    )
    return nn.functional.normalize(vectors, dim=1)
