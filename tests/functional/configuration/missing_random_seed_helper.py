"""Sentiment training seeded through the project's own helper.

``seed_all`` lives in the project's utilities: what it seeds is not visible
here, so nothing is flagged. The settings are spread in from configuration.
"""

from sklearn.ensemble import ExtraTreesClassifier
from sklearn.model_selection import ShuffleSplit

from sentiment.data import load_reviews
from sentiment.utils import seed_all

N_TREES = 300  # [hardcoded-hyperparameter]
seed_all(17)

reviews = load_reviews("data/reviews.jsonl")
splitter = ShuffleSplit(n_splits=3, test_size=0.2)
model = ExtraTreesClassifier(n_estimators=N_TREES)
for train_rows, test_rows in splitter.split(reviews.features):
    model.fit(reviews.features[train_rows], reviews.labels[train_rows])
