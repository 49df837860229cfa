"""Fraud model training that seeds numpy's and torch's global generators once.

scikit-learn estimators without ``random_state`` draw from numpy's global
generator and a shuffling DataLoader from torch's, so seeding both at
start-up makes the run reproducible: nothing here is flagged.
"""

import numpy as np
import pandas as pd
import torch
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

SEED = 1234
N_TREES = 500  # [hardcoded-hyperparameter]
np.random.seed(SEED)
torch.manual_seed(SEED)

transactions = pd.read_parquet("data/transactions.parquet")
X_train, X_test, y_train, y_test = train_test_split(
    transactions.drop(columns="is_fraud"), transactions["is_fraud"], test_size=0.25
)
forest = RandomForestClassifier(n_estimators=N_TREES, class_weight="balanced").fit(X_train, y_train)

loader = DataLoader(TensorDataset(torch.tensor(X_train.to_numpy())), batch_size=128, shuffle=True)
