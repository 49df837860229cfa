"""Compare three churn models and a small network, all on the libraries' defaults."""

import pandas as pd
import torch
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.svm import SVC
from xgboost import XGBClassifier

SEED = 5

customers = pd.read_csv("data/customers.csv")
X, y = customers.drop(columns="churned"), customers["churned"]

candidates = {
    "forest": RandomForestClassifier(random_state=SEED, n_jobs=-1),  # [hyperparameter-not-set]
    "boosting": GradientBoostingClassifier(random_state=SEED),  # [hyperparameter-not-set]
    "svm": SVC(probability=True, random_state=SEED),  # [hyperparameter-not-set]
    "xgboost": XGBClassifier(),  # [hyperparameter-not-set]
}
for name, candidate in candidates.items():
    candidate.fit(X, y)

torch.manual_seed(SEED)
head = torch.nn.Linear(X.shape[1], 1)
optimizer = torch.optim.Adam(head.parameters())  # [hyperparameter-not-set]
