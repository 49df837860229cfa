"""Solver settings, library defaults and no-decay parameter groups next to real hyperparameters.

A text-classification study: a linear SVM, a logistic baseline, boosted trees
and a small PyTorch fine-tuning head. What hides a modelling choice is flagged,
once per call, naming only the values that matter (``C=0.05`` below, not the
solver's ``tol`` and ``max_iter`` beside it). Not flagged: convergence caps
and tolerances, an optimizer's ``eps``, literals equal to the library's own
default (``n_estimators=100`` of a random forest, ``C=1.0`` of logistic
regression, ``lr=1e-3`` of Adam), and the zero weight decay of the first
parameter group when the decayed group is added right after.
"""

import torch
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC
from torch import nn

SEED = 5


def tagger_models() -> dict:
    svm = LinearSVC(C=0.05, tol=1e-6, max_iter=20000, class_weight="balanced")  # [hardcoded-hyperparameter]
    baseline = LogisticRegression(C=1.0, max_iter=100, solver="liblinear")
    solver_only = LogisticRegression(C=2.5, tol=1e-5, max_iter=5000)  # [hardcoded-hyperparameter]
    forest = RandomForestClassifier(n_estimators=100, min_samples_leaf=1, random_state=SEED)
    # For histogram boosting max_iter is the number of trees: a real choice.
    boosted = HistGradientBoostingClassifier(max_iter=350, learning_rate=0.1, random_state=SEED)  # [hardcoded-hyperparameter]
    return {"svm": svm, "baseline": baseline, "solver_only": solver_only, "forest": forest, "boosted": boosted}


def head_optimizer(head: nn.Module, decay: float, lr: float) -> torch.optim.Optimizer:
    norms, biases, weights = [], [], []
    for module in head.modules():
        if isinstance(module, nn.LayerNorm):
            norms.append(module.weight)
        elif isinstance(module, nn.Linear):
            weights.append(module.weight)
            biases.append(module.bias)
    # The first group must not decay; the decayed weights get the configured value below.
    optimizer = torch.optim.AdamW(norms, lr=lr, eps=1e-6, weight_decay=0.0)
    optimizer.add_param_group({"params": weights, "weight_decay": decay})
    optimizer.add_param_group({"params": biases})
    return optimizer


def default_adam(model: nn.Module) -> torch.optim.Optimizer:
    return torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)


def frozen_decay(model: nn.Module, lr: float) -> torch.optim.Optimizer:
    # One group only: switching decay off here is a choice like any other value.
    return torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.0)  # [hardcoded-hyperparameter]
