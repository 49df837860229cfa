"""House-price training where every random step is seeded, or not random at all.

Seeds come from configuration; estimators without randomness need none;
unshuffled folds and splits are deterministic; loaders get their own seeded
generator.
"""

import pandas as pd
import torch
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.model_selection import KFold, StratifiedKFold, TimeSeriesSplit, train_test_split
from sklearn.neighbors import KNeighborsRegressor
from sklearn.tree import DecisionTreeRegressor
from torch.utils.data import DataLoader, TensorDataset
from xgboost import XGBRegressor

from pricing.config import load_config

config = load_config("configs/price.yaml")
SEED = config.seed

sales = pd.read_csv("data/sales_export.csv")
X, y = sales[config.features], sales["price"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
ordered_train, ordered_test = train_test_split(sales, test_size=0.2, shuffle=False)
folds = KFold(n_splits=5)
stratified = StratifiedKFold(n_splits=5, shuffle=True, random_state=config.seed)
by_time = TimeSeriesSplit(n_splits=4)

baseline = LinearRegression().fit(X_train, y_train)
ridge = Ridge(alpha=config.alpha).fit(X_train, y_train)  # [scaler-missing]
neighbours = KNeighborsRegressor(n_neighbors=config.k).fit(X_train, y_train)  # [scaler-missing]
tree = DecisionTreeRegressor(max_depth=config.depth).fit(X_train, y_train)
boosted = XGBRegressor(n_estimators=config.rounds).fit(X_train, y_train)
forest_params = {"n_estimators": config.trees, "random_state": SEED}

tensors = TensorDataset(torch.tensor(X_train.to_numpy()), torch.tensor(y_train.to_numpy()))
generator = torch.Generator().manual_seed(SEED)
train_loader = DataLoader(tensors, batch_size=config.batch_size, shuffle=True, generator=generator)
eval_loader = DataLoader(tensors, batch_size=config.batch_size)
