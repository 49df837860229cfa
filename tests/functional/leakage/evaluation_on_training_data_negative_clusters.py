"""Customer segments and a ranked retrieval model scored dataset by dataset.

A silhouette (or Calinski-Harabasz) index judges how well the rows that were
clustered separate: it is computed on those rows by design, not a score on
training data. The helper that walks a list of datasets scores the tuned
model on the training features and on the holdout file in turn: the holdout
turn is the held-out evaluation, the training turn its diagnostic.
"""

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import calinski_harabasz_score, silhouette_score
from sklearn.model_selection import RandomizedSearchCV
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler

SEED = 11
SEGMENT_FEATURES = ["recency_days", "frequency", "monetary"]

shoppers = pd.read_csv("data/shoppers.csv")
scaled = StandardScaler().fit_transform(shoppers[SEGMENT_FEATURES])
for k in range(2, 9):
    segmenter = KMeans(n_clusters=k, n_init=10, random_state=SEED)
    segments = segmenter.fit_predict(scaled)
    print(k, silhouette_score(scaled, segments), calinski_harabasz_score(scaled, segments))


def report_on_datasets(model, datasets):
    scores = []
    for features, labels in datasets:
        scores.append(model.score(features, labels))
    print("accuracy per dataset:", np.round(scores, 3))
    return scores


def tune_neighbours():
    reference = pd.read_parquet("data/reference_embeddings.parquet")
    holdout = pd.read_parquet("data/holdout_embeddings.parquet")
    x, y = reference.drop(columns="label").to_numpy(), reference["label"].to_numpy()
    holdout_x, holdout_y = holdout.drop(columns="label").to_numpy(), holdout["label"].to_numpy()
    search = RandomizedSearchCV(
        KNeighborsClassifier(), {"n_neighbors": np.arange(1, 64, 2)}, n_iter=20, cv=5, random_state=SEED
    )
    search.fit(x, y)
    return report_on_datasets(search.best_estimator_, [(x, y), (holdout_x, holdout_y)])
