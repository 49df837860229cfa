"""Training and evaluation loops for a sentiment classifier that misuse the PyTorch API.

Gradients pile up because nobody zeroes them, the network is called through
``.forward`` (hooks skipped), validation switches the model to eval mode and
training carries on in it, and inference after ``eval()`` still records the
autograd graph (once because ``torch.no_grad()`` is called on its own line,
where it does nothing).
"""

import torch
from torch import nn
from torch.utils.data import DataLoader

from sentiment.config import settings
from sentiment.data import ReviewDataset


class ReviewClassifier(nn.Module):
    def __init__(self, vocab_size: int, hidden: int, n_classes: int) -> None:
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab_size, hidden)
        self.dropout = nn.Dropout(settings.dropout)
        self.head = nn.Linear(hidden, n_classes)

    def forward(self, tokens: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
        pooled = self.embedding.forward(tokens, offsets)  # [forward-call]
        return self.head(self.dropout(pooled))


model = ReviewClassifier(settings.vocab_size, settings.hidden, settings.n_classes)
optimizer = torch.optim.AdamW(model.parameters(), lr=settings.learning_rate)
criterion = nn.CrossEntropyLoss()
train_loader = DataLoader(ReviewDataset("train"), batch_size=settings.batch_size, shuffle=True)
valid_loader = DataLoader(ReviewDataset("valid"), batch_size=settings.batch_size)


def train_one_epoch(loader: DataLoader) -> float:
    model.train()
    total = 0.0
    for tokens, offsets, labels in loader:
        logits = model(tokens, offsets)
        loss = criterion(logits, labels)
        loss.backward()
        optimizer.step()  # [missing-zero-grad]
        total += loss.item()
    return total / len(loader)


def fit(epochs: int) -> None:
    for epoch in range(epochs):
        for tokens, offsets, labels in train_loader:
            optimizer.zero_grad()
            loss = criterion(model(tokens, offsets), labels)
            loss.backward()
            optimizer.step()
        model.eval()  # [missing-eval-mode]
        with torch.no_grad():
            correct = sum(
                (model(tokens, offsets).argmax(dim=1) == labels).sum().item()
                for tokens, offsets, labels in valid_loader
            )
        print(f"epoch {epoch}: {correct / len(valid_loader.dataset):.3f}")


def predict(tokens: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
    model.eval()
    logits = model(tokens, offsets)  # [missing-eval-mode]
    return logits.argmax(dim=1)


def predict_test_set(loader: DataLoader) -> list[torch.Tensor]:
    model.eval()
    torch.no_grad()  # [missing-eval-mode]
    return [model(tokens, offsets).argmax(dim=1) for tokens, offsets, _ in loader]  # [missing-eval-mode]


@torch.no_grad()
def score_reviews(tokens: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
    model.eval()
    return torch.softmax(model.forward(tokens, offsets), dim=1)  # [forward-call]


# Fine-tuning at module level, as a script would do it.
for tokens, offsets, labels in train_loader:
    loss = criterion(model(tokens, offsets), labels)
    loss.backward()
    optimizer.step()  # [missing-zero-grad]
