"""Models whose hyperparameters are set: from configuration, by a search, or by position."""

import pandas as pd
import torch
from sklearn.cluster import KMeans
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from churn.config import settings

SEED = 5
GRID = {"clf__C": [0.1, 1.0, 10.0]}

customers = pd.read_csv("data/customers.csv")
X, y = customers.drop(columns="churned"), customers["churned"]

forest = RandomForestClassifier(**settings.forest, random_state=SEED).fit(X, y)
logistic = LogisticRegression(C=settings.c, max_iter=settings.max_iter).fit(X, y)
ordinary = LinearRegression().fit(X, customers["tenure_months"])
segments = KMeans(settings.n_segments, random_state=SEED).fit(X)

pipeline = Pipeline([("scale", StandardScaler()), ("clf", SVC(random_state=SEED))])
search = GridSearchCV(pipeline, GRID, cv=5).fit(X, y)
inline = GridSearchCV(SVC(random_state=SEED), {"C": [1.0, 10.0]}).fit(X, y)

tuned = RandomForestClassifier(random_state=SEED)
tuned.set_params(**settings.forest)

torch.manual_seed(SEED)
head = torch.nn.Linear(X.shape[1], 1)
optimizer = torch.optim.SGD(head.parameters(), settings.lr)
