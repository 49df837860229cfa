"""Diabetic retinopathy grades 0-4: a regressor's outputs rounded to grades, scored by weighted kappa."""

import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import cohen_kappa_score
from sklearn.model_selection import train_test_split

GRADE_CUTS = [0.5, 1.5, 2.5, 3.5]


def to_grades(raw_scores):
    return np.digitize(raw_scores, GRADE_CUTS)


def evaluate(config):
    frame = pd.read_parquet(config["features_path"])
    train, valid = train_test_split(frame, test_size=0.2, random_state=config["seed"])
    features = [column for column in frame.columns if column != "grade"]
    model = GradientBoostingRegressor(**config["model"], random_state=config["seed"])
    model.fit(train[features], train["grade"])
    grades = to_grades(model.predict(valid[features]))
    return cohen_kappa_score(valid["grade"], grades, weights="quadratic")
