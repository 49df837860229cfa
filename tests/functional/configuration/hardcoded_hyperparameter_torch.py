"""Hardcoded hyperparameters in deep-learning training code (PyTorch, Lightning, Transformers, Keras).

Optimizer, scheduler and trainer settings are literals in the code. Flagged:
numeric literals for hyperparameter keywords of ``torch.optim`` optimizers and
schedulers (also through ``from torch import optim``), Lightning and
Transformers trainers, and Keras optimizers. Not flagged: layer sizes and
dropout of ``torch.nn`` modules, ``DataLoader`` settings, ``model.fit``
keywords (not a constructor), and settings read from the config.
"""

import pytorch_lightning as pl
import tensorflow as tf
import torch
from torch import nn, optim
from torch.optim.lr_scheduler import OneCycleLR, StepLR
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

NUM_LABELS = 3
MOMENTUM = 0.9  # [hardcoded-hyperparameter]


class TicketClassifier(nn.Module):
    def __init__(self, vocab_size: int, embed_dim: int, hidden: int) -> None:
        super().__init__()
        self.embed = nn.EmbeddingBag(vocab_size, embed_dim)
        self.encoder = nn.LSTM(embed_dim, hidden, num_layers=2, dropout=0.2, batch_first=True)
        self.head = nn.Sequential(nn.Dropout(p=0.3), nn.Linear(hidden, NUM_LABELS))

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.head(self.embed(tokens))


def make_optimizer(model: nn.Module) -> torch.optim.Optimizer:
    return torch.optim.AdamW(
        model.parameters(),
        lr=3e-4,  # [hardcoded-hyperparameter]
        betas=(0.9, 0.98),
        weight_decay=0.05,
    )


def make_sgd(model: nn.Module, cfg: dict) -> optim.SGD:
    # Learning rate comes from the config; the momentum was never moved there.
    return optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9)  # [hardcoded-hyperparameter]


def make_schedulers(optimizer: optim.Optimizer, steps_per_epoch: int, cfg: dict) -> list:
    step = StepLR(optimizer, step_size=10, gamma=0.5)  # [hardcoded-hyperparameter]
    one_cycle = OneCycleLR(
        optimizer,
        max_lr=cfg["max_lr"],
        epochs=30,  # [hardcoded-hyperparameter]
        steps_per_epoch=steps_per_epoch,
    )
    return [step, one_cycle]


def make_loader(dataset, cfg: dict) -> DataLoader:
    generator = torch.Generator().manual_seed(cfg["seed"])
    return DataLoader(dataset, batch_size=64, shuffle=True, generator=generator, num_workers=4)


def lightning_trainer() -> pl.Trainer:
    return pl.Trainer(max_epochs=40, accelerator="auto", log_every_n_steps=50)  # [hardcoded-hyperparameter]


def finetune_bert(train_dataset, eval_dataset) -> Trainer:
    model = AutoModelForSequenceClassification.from_pretrained("models/bert-base-tickets", num_labels=NUM_LABELS)
    args = TrainingArguments(
        output_dir="outputs/bert-tickets",
        num_train_epochs=3,  # [hardcoded-hyperparameter]
        per_device_train_batch_size=16,
        learning_rate=2e-5,
        warmup_steps=500,
        eval_strategy="epoch",
        seed=17,
    )
    return Trainer(model=model, args=args, train_dataset=train_dataset, eval_dataset=eval_dataset)


def keras_baseline(x_train, y_train, cfg: dict) -> tf.keras.Model:
    model = tf.keras.Sequential(
        [
            tf.keras.layers.Dense(cfg["hidden"], activation="relu"),
            tf.keras.layers.Dropout(0.2),
            tf.keras.layers.Dense(NUM_LABELS, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=tf.keras.optimizers.Adam(learning_rate=5e-4),  # [hardcoded-hyperparameter]
        loss="sparse_categorical_crossentropy",
    )
    # fit() is a method call, not a constructor: its keywords are not reported.
    model.fit(x_train, y_train, epochs=20, batch_size=128, validation_split=0.1)
    return model


def make_finetuning_optimizers(model: nn.Module, head: nn.Module) -> list:
    # Optimizers take the learning rate by position too: PyTorch after the parameters, Keras first.
    return [
        optim.SGD(model.parameters(), 0.01, momentum=MOMENTUM),  # [hardcoded-hyperparameter]
        tf.keras.optimizers.RMSprop(3e-4),  # [hardcoded-hyperparameter]
        optim.Adam(head.parameters()),
    ]


def make_decay(optimizer: optim.Optimizer, cfg: dict) -> StepLR:
    # gamma=0.1 is StepLR's own default written out: no tuning hides in it.
    return StepLR(optimizer, step_size=cfg["decay_every"], gamma=0.1)
