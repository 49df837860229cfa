"""Churn model training: every random step runs differently each time.

The split, the cross-validation folds, the oversampler, the forest and the
PyTorch loaders all draw random numbers and none of them is given a seed,
and the module seeds no generator either.
"""

import pandas as pd
import torch
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import make_pipeline
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.model_selection import KFold, RandomizedSearchCV, cross_val_score, train_test_split
from torch.utils.data import DataLoader, TensorDataset, random_split

N_TREES = 400  # [hardcoded-hyperparameter]
FEATURES = ["tenure_months", "monthly_charges", "support_calls"]

customers = pd.read_csv("data/customers.csv")
X, y = customers[FEATURES], customers["churned"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y)  # [missing-random-seed]

forest = RandomForestClassifier(n_estimators=N_TREES, random_state=None)  # [missing-random-seed]
balanced_forest = make_pipeline(SMOTE(k_neighbors=3), forest)  # [missing-random-seed]
folds = KFold(n_splits=5, shuffle=True)  # [missing-random-seed]
print(cross_val_score(balanced_forest, X_train, y_train, cv=folds).mean())

search = RandomizedSearchCV(  # [missing-random-seed]
    GradientBoostingClassifier(),  # [missing-random-seed]
    {"max_depth": [2, 3, 4], "n_estimators": [100, 200]},
    n_iter=4,
)
search.fit(X_train, y_train)

tensors = TensorDataset(torch.tensor(X_train.to_numpy()), torch.tensor(y_train.to_numpy()))
train_part, valid_part = random_split(tensors, [0.9, 0.1])  # [missing-random-seed]
train_loader = DataLoader(train_part, batch_size=64, shuffle=True)  # [missing-random-seed]
