"""Search spaces and job settings with entries switched off by commenting them out.

A line such as ``# 'max_features': ['sqrt', 'log2'],`` inside a dict does
not parse as a statement on its own, yet it is a disabled entry of the dict
around it: the search silently explores less than the code suggests. Prose
inside a dict (what a key means, which values are allowed) stays quiet.
"""

from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.model_selection import GridSearchCV

CANDIDATES = {
    "forest": RandomForestRegressor(random_state=7),
    "boosting": GradientBoostingRegressor(random_state=7),
}

SEARCH_SPACES = {
    "forest": {
        "n_estimators": [100, 300, 600],
        # 'max_features': ['sqrt', 'log2', None],  # [commented-out-code]
        # 'min_samples_leaf': [1, 5],
    },
    "boosting": {
        # "loss": ["squared_error", "huber"],  # [commented-out-code]
        "learning_rate": [0.1, 0.03],

        # "subsample": [0.7, 0.85, 1.0],  # [commented-out-code]
        "n_estimators": [200, 400],
    },
}

CLUSTER_JOB = {
    "machine_type": "n1-standard-8",
    #  "accelerator_type": "NVIDIA_TESLA_T4",  # [commented-out-code]
    #  "accelerator_count": 1
    "replicas": 2,
}

SCORING = {
    # Keys are the names the report uses; values are scikit-learn scorer names.
    "rmse": "neg_root_mean_squared_error",
    # 'mae': not reported, the business reads RMSE only
    "r2": "r2",
    # "mape": allowed when no target is zero
    # 'mode': default is train
}


def tune(name, features, target):
    search = GridSearchCV(CANDIDATES[name], SEARCH_SPACES[name], scoring=SCORING, refit="rmse", cv=5)
    search.fit(features, target)
    return search.best_estimator_
