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
    "min_child_samples": 20, "min_split_gain": 0.0, "subsample_freq": 0,
}
# ``lgb.train``/``lgb.cv`` params dicts: the same defaults, also under LightGBM's native names.
_LIGHTGBM_PARAMS = {
    **_LIGHTGBM, "num_iterations": 100, "eta": 0.1, "min_data_in_leaf": 20, "min_sum_hessian_in_leaf": 1e-3,
    "bagging_fraction": 1.0, "bagging_freq": 0, "feature_fraction": 1.0, "lambda_l1": 0.0, "lambda_l2": 0.0,
    "min_gain_to_split": 0.0, "max_bin": 255, "scale_pos_weight": 1.0,
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
    ("lightgbm", "train"): _LIGHTGBM_PARAMS,
    ("lightgbm", "cv"): _LIGHTGBM_PARAMS,
    ("torch", "Adam"): {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0},
    ("torch", "AdamW"): {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 1e-2},
    ("torch", "SGD"): {"momentum": 0, "weight_decay": 0},
    ("torch", "RMSprop"): {"lr": 1e-2, "alpha": 0.99, "momentum": 0, "weight_decay": 0},
    ("torch", "Adagrad"): {"lr": 1e-2, "weight_decay": 0},
    ("torch", "StepLR"): {"gamma": 0.1},
    ("torch", "MultiStepLR"): {"gamma": 0.1},
    ("torch", "ReduceLROnPlateau"): {"factor": 0.1, "patience": 10},
    ("keras", "Adam"): {"learning_rate": 1e-3, "lr": 1e-3},
    ("keras", "SGD"): {"learning_rate": 1e-2, "lr": 1e-2, "momentum": 0.0},
    ("keras", "RMSprop"): {"learning_rate": 1e-3, "lr": 1e-3},
}


def library_default(qualified_name: str | None, keyword: str) -> object | None:
    """The library's default for ``keyword`` of the class ``qualified_name``, if known."""
    key = _library_key(qualified_name)
    return LIBRARY_DEFAULTS.get(key, {}).get(keyword) if key else None


# --- randomness and key hyperparameters (MLD403, MLD406) ---------------------


class RandomCall:
    """A library call that draws random numbers unless it is given a seed.

    ``seed`` is the keyword that makes it reproducible; ``shuffle`` is the
    default of its ``shuffle`` keyword when it is random only while
    shuffling (``KFold`` is not random unless ``shuffle=True``;
    ``train_test_split`` unless ``shuffle=False``), ``None`` when it is
    always random. ``rng`` names the global generator it falls back on
    without a seed, which seeding that framework fixes too.
    """

    __slots__ = ("seed", "shuffle", "rng")

    def __init__(self, seed: str = "random_state", shuffle: bool | None = None, rng: str = "numpy") -> None:
        self.seed, self.shuffle, self.rng = seed, shuffle, rng


_RANDOM = RandomCall()
_SHUFFLED_ONLY = RandomCall(shuffle=False)
# (library, name) -> how it draws. Only calls whose default is random: XGBoost,
# LightGBM and CatBoost seed themselves (seed 0 or fixed internal seeds),
# DecisionTree*, LogisticRegression, PCA and SVC are deterministic unless a
# non-default setting (a randomized solver, probability=True) asks otherwise.
RANDOM_CALLS: dict[tuple[str, str], RandomCall] = {
    ("sklearn", "train_test_split"): RandomCall(shuffle=True),
    ("sklearn", "KFold"): _SHUFFLED_ONLY,
    ("sklearn", "StratifiedKFold"): _SHUFFLED_ONLY,
    ("sklearn", "RepeatedKFold"): _RANDOM,
    ("sklearn", "RepeatedStratifiedKFold"): _RANDOM,
    ("sklearn", "ShuffleSplit"): _RANDOM,
    ("sklearn", "StratifiedShuffleSplit"): _RANDOM,
    ("sklearn", "GroupShuffleSplit"): _RANDOM,
    ("sklearn", "RandomizedSearchCV"): _RANDOM,
    ("sklearn", "shuffle"): _RANDOM,
    ("sklearn", "resample"): _RANDOM,
    ("sklearn", "RandomForestClassifier"): _RANDOM,
    ("sklearn", "RandomForestRegressor"): _RANDOM,
    ("sklearn", "ExtraTreesClassifier"): _RANDOM,
    ("sklearn", "ExtraTreesRegressor"): _RANDOM,
    ("sklearn", "GradientBoostingClassifier"): _RANDOM,
    ("sklearn", "GradientBoostingRegressor"): _RANDOM,
    ("sklearn", "BaggingClassifier"): _RANDOM,
    ("sklearn", "BaggingRegressor"): _RANDOM,
    ("sklearn", "IsolationForest"): _RANDOM,
    ("sklearn", "MLPClassifier"): _RANDOM,
    ("sklearn", "MLPRegressor"): _RANDOM,
    ("sklearn", "SGDClassifier"): _RANDOM,
    ("sklearn", "SGDRegressor"): _RANDOM,
    ("sklearn", "KMeans"): _RANDOM,
    ("sklearn", "MiniBatchKMeans"): _RANDOM,
    ("sklearn", "TSNE"): _RANDOM,
    ("sklearn", "TruncatedSVD"): _RANDOM,
    ("imblearn", "SMOTE"): _RANDOM,
    ("imblearn", "SMOTENC"): _RANDOM,
    ("imblearn", "SMOTEN"): _RANDOM,
    ("imblearn", "BorderlineSMOTE"): _RANDOM,
    ("imblearn", "SVMSMOTE"): _RANDOM,
    ("imblearn", "KMeansSMOTE"): _RANDOM,
    ("imblearn", "ADASYN"): _RANDOM,
    ("imblearn", "RandomOverSampler"): _RANDOM,
    ("imblearn", "RandomUnderSampler"): _RANDOM,
    ("imblearn", "ClusterCentroids"): _RANDOM,
    ("imblearn", "SMOTEENN"): _RANDOM,
    ("imblearn", "SMOTETomek"): _RANDOM,
    ("torch", "DataLoader"): RandomCall(seed="generator", shuffle=False, rng="torch"),
    ("torch", "random_split"): RandomCall(seed="generator", rng="torch"),
}

# (library, class) -> the hyperparameters that decide the model; giving none of
# them leaves the model to the library version's defaults (Zhang et al. 2022, #11).
_FOREST_KEYS = ("n_estimators", "max_depth", "max_features", "min_samples_leaf", "min_samples_split")
_BOOSTING_KEYS = ("n_estimators", "learning_rate", "max_depth", "subsample")
_TREE_KEYS = ("max_depth", "min_samples_leaf", "min_samples_split", "max_leaf_nodes")
_XGBOOST_KEYS = ("n_estimators", "max_depth", "learning_rate", "subsample", "colsample_bytree")
_LIGHTGBM_KEYS = ("n_estimators", "learning_rate", "num_leaves", "max_depth")
_CATBOOST_KEYS = ("iterations", "learning_rate", "depth")
_TORCH_OPTIMIZER_KEYS = ("lr", "weight_decay")
_KERAS_OPTIMIZER_KEYS = ("learning_rate", "lr")
KEY_HYPERPARAMETERS: dict[tuple[str, str], tuple[str, ...]] = {
    **{("sklearn", name): _FOREST_KEYS for name in (
        "RandomForestClassifier", "RandomForestRegressor", "ExtraTreesClassifier", "ExtraTreesRegressor")},
    **{("sklearn", name): _BOOSTING_KEYS for name in ("GradientBoostingClassifier", "GradientBoostingRegressor")},
    **{("sklearn", name): ("learning_rate", "max_iter", "max_leaf_nodes", "max_depth", "l2_regularization")
       for name in ("HistGradientBoostingClassifier", "HistGradientBoostingRegressor")},
    **{("sklearn", name): ("n_estimators", "learning_rate") for name in ("AdaBoostClassifier", "AdaBoostRegressor")},
    **{("sklearn", name): _TREE_KEYS for name in ("DecisionTreeClassifier", "DecisionTreeRegressor")},
    ("sklearn", "LogisticRegression"): ("C", "penalty", "l1_ratio"),
    ("sklearn", "LinearSVC"): ("C",),
    ("sklearn", "SVC"): ("C", "kernel", "gamma"),
    ("sklearn", "SVR"): ("C", "kernel", "gamma", "epsilon"),
    ("sklearn", "Ridge"): ("alpha",),
    ("sklearn", "Lasso"): ("alpha",),
    ("sklearn", "ElasticNet"): ("alpha", "l1_ratio"),
    ("sklearn", "SGDClassifier"): ("alpha", "penalty", "learning_rate", "eta0"),
    ("sklearn", "SGDRegressor"): ("alpha", "penalty", "learning_rate", "eta0"),
    ("sklearn", "KNeighborsClassifier"): ("n_neighbors",),
    ("sklearn", "KNeighborsRegressor"): ("n_neighbors",),
    ("sklearn", "MLPClassifier"): ("hidden_layer_sizes", "alpha", "learning_rate_init"),
    ("sklearn", "MLPRegressor"): ("hidden_layer_sizes", "alpha", "learning_rate_init"),
    ("sklearn", "KMeans"): ("n_clusters",),
    ("sklearn", "DBSCAN"): ("eps", "min_samples"),
    ("xgboost", "XGBClassifier"): _XGBOOST_KEYS,
    ("xgboost", "XGBRegressor"): _XGBOOST_KEYS,
    ("lightgbm", "LGBMClassifier"): _LIGHTGBM_KEYS,
    ("lightgbm", "LGBMRegressor"): _LIGHTGBM_KEYS,
    ("catboost", "CatBoostClassifier"): _CATBOOST_KEYS,
    ("catboost", "CatBoostRegressor"): _CATBOOST_KEYS,
    **{("torch", name): _TORCH_OPTIMIZER_KEYS for name in ("SGD", "Adam", "AdamW", "RMSprop", "Adagrad")},
    **{("keras", name): _KERAS_OPTIMIZER_KEYS for name in ("SGD", "Adam", "AdamW", "RMSprop", "Adagrad")},
}


def _library_key(qualified_name: str | None) -> tuple[str, str] | None:
    if not qualified_name or "." not in qualified_name:
        return None
    parts = qualified_name.split(".")
    return ("keras" if parts[0] == "tensorflow" else parts[0]), parts[-1]


def random_call(qualified_name: str | None) -> RandomCall | None:
    """How the call draws random numbers when it is not seeded, if it is one that does."""
    key = _library_key(qualified_name)
    return RANDOM_CALLS.get(key) if key else None


def key_hyperparameters(qualified_name: str | None) -> tuple[str, ...]:
    """The hyperparameters of the class that decide the model (empty when the class is not known)."""
    key = _library_key(qualified_name)
    return KEY_HYPERPARAMETERS.get(key, ()) if key else ()
