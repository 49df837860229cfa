"""The documented default values of hyperparameters of common estimators and optimizers.

A literal equal to the library's own default hides no tuning: the call would
behave the same without it. Only values that have been stable across the
library's recent major versions are listed; a library whose defaults moved
(XGBoost's `None` placeholders) or depend on the data (CatBoost's learning
rate) is left out, so a value is never wrongly called a default.
"""

from __future__ import annotations

_FOREST = {"n_estimators": 100, "min_samples_split": 2, "min_samples_leaf": 1}
_GRADIENT_BOOSTING = {**_FOREST, "learning_rate": 0.1, "max_depth": 3, "subsample": 1.0}
_HIST_GRADIENT_BOOSTING = {"learning_rate": 0.1, "max_iter": 100, "max_leaf_nodes": 31, "min_samples_leaf": 20}
_LIGHTGBM = {
    "n_estimators": 100, "learning_rate": 0.1, "num_leaves": 31, "max_depth": -1, "subsample": 1.0,
    "colsample_bytree": 1.0, "reg_alpha": 0.0, "reg_lambda": 0.0, "min_child_weight": 1e-3,
}
_TREE = {"min_samples_split": 2, "min_samples_leaf": 1}

# (library, class name) -> {keyword: default}. The library is the first part of
# the qualified name; Keras is looked up the same under `tensorflow.keras`.
LIBRARY_DEFAULTS: dict[tuple[str, str], dict[str, object]] = {
    ("sklearn", "RandomForestClassifier"): _FOREST,
    ("sklearn", "RandomForestRegressor"): _FOREST,
    ("sklearn", "ExtraTreesClassifier"): _FOREST,
    ("sklearn", "ExtraTreesRegressor"): _FOREST,
    ("sklearn", "GradientBoostingClassifier"): _GRADIENT_BOOSTING,
    ("sklearn", "GradientBoostingRegressor"): _GRADIENT_BOOSTING,
    ("sklearn", "HistGradientBoostingClassifier"): _HIST_GRADIENT_BOOSTING,
    ("sklearn", "HistGradientBoostingRegressor"): _HIST_GRADIENT_BOOSTING,
    ("sklearn", "AdaBoostClassifier"): {"n_estimators": 50, "learning_rate": 1.0},
    ("sklearn", "AdaBoostRegressor"): {"n_estimators": 50, "learning_rate": 1.0},
    ("sklearn", "DecisionTreeClassifier"): _TREE,
    ("sklearn", "DecisionTreeRegressor"): _TREE,
    ("sklearn", "LogisticRegression"): {"C": 1.0, "max_iter": 100, "tol": 1e-4},
    ("sklearn", "LinearSVC"): {"C": 1.0, "max_iter": 1000, "tol": 1e-4},
    ("sklearn", "SVC"): {"C": 1.0, "tol": 1e-3},
    ("sklearn", "SVR"): {"C": 1.0, "tol": 1e-3},
    ("sklearn", "Ridge"): {"alpha": 1.0},
    ("sklearn", "Lasso"): {"alpha": 1.0},
    ("sklearn", "ElasticNet"): {"alpha": 1.0, "l1_ratio": 0.5},
    ("sklearn", "SGDClassifier"): {"alpha": 1e-4},
    ("sklearn", "SGDRegressor"): {"alpha": 1e-4},
    ("sklearn", "KNeighborsClassifier"): {"n_neighbors": 5},
    ("sklearn", "KNeighborsRegressor"): {"n_neighbors": 5},
    ("sklearn", "MLPClassifier"): {"alpha": 1e-4, "max_iter": 200},
    ("sklearn", "MLPRegressor"): {"alpha": 1e-4, "max_iter": 200},
    ("lightgbm", "LGBMClassifier"): _LIGHTGBM,
    ("lightgbm", "LGBMRegressor"): _LIGHTGBM,
    ("torch", "Adam"): {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0},
    ("torch", "AdamW"): {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 1e-2},
    ("torch", "SGD"): {"momentum": 0, "weight_decay": 0},
    ("torch", "RMSprop"): {"lr": 1e-2, "alpha": 0.99, "momentum": 0, "weight_decay": 0},
    ("torch", "Adagrad"): {"lr": 1e-2, "weight_decay": 0},
    ("keras", "Adam"): {"learning_rate": 1e-3, "lr": 1e-3},
    ("keras", "SGD"): {"learning_rate": 1e-2, "lr": 1e-2, "momentum": 0.0},
    ("keras", "RMSprop"): {"learning_rate": 1e-3, "lr": 1e-3},
}


def library_default(qualified_name: str | None, keyword: str) -> object | None:
    """The library's default for ``keyword`` of the class ``qualified_name``, if known."""
    if not qualified_name or "." not in qualified_name:
        return None
    parts = qualified_name.split(".")
    library = "keras" if parts[0] == "tensorflow" else parts[0]
    return LIBRARY_DEFAULTS.get((library, parts[-1]), {}).get(keyword)
