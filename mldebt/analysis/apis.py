"""What ML and data libraries' calls do, by qualified name.

Every rule that needs to know "does this call read data / produce a model
output / construct an estimator / load an artifact" asks here, so the
knowledge lives in one place. Names are the qualified names produced by
``mldebt.analysis.names`` (``pd.read_csv`` -> ``pandas.read_csv``).
"""

from __future__ import annotations

from astroid import nodes

from mldebt.analysis.names import call_name, qualified_name

# --- model outputs ---------------------------------------------------------

# A sampler's fit-and-resample: ``fit_sample`` is its name before imbalanced-learn 0.8, common in notebooks.
RESAMPLE_METHODS = frozenset({"fit_resample", "fit_sample"})
# Methods that fit an estimator (a sampler's resampling included) and that apply a fitted one.
FIT_METHODS = frozenset({"fit", "fit_transform", "fit_predict", "partial_fit"}) | RESAMPLE_METHODS
TRANSFORM_METHODS = frozenset({"transform", "inverse_transform"})
# Method names that train a model: estimators, Keras, xgb/lgb.train, Hugging Face and Lightning trainers.
TRAINING_METHODS = frozenset({"fit", "partial_fit", "fit_generator", "train", "train_on_batch"})

PREDICTION_METHODS = frozenset(
    {"predict", "predict_proba", "predict_log_proba", "decision_function", "score_samples"}
)

ACTIVATION_FUNCTIONS = frozenset(
    {
        "torch.sigmoid", "torch.softmax", "torch.special.expit",
        "torch.nn.functional.sigmoid", "torch.nn.functional.softmax",
        "scipy.special.expit", "scipy.special.softmax",
        "tensorflow.sigmoid", "tensorflow.nn.sigmoid", "tensorflow.math.sigmoid",
        "tensorflow.nn.softmax", "tensorflow.math.softmax",
        "keras.activations.sigmoid", "keras.activations.softmax",
        "jax.nn.sigmoid", "jax.nn.softmax",
    }
)
ACTIVATION_METHODS = frozenset({"sigmoid", "softmax"})

# Names people give the objects they call to get predictions.
MODEL_VARIABLE_NAMES = frozenset(
    {"model", "net", "network", "clf", "classifier", "regressor", "estimator", "predictor"}
)
MODEL_VARIABLE_SUFFIXES = ("_model", "_net", "_clf", "_classifier", "_regressor")

# Base classes whose subclasses are models when called.
MODEL_BASE_CLASSES = frozenset(
    {
        "torch.nn.Module", "pytorch_lightning.LightningModule", "lightning.LightningModule",
        "lightning.pytorch.LightningModule", "tensorflow.keras.Model", "keras.Model",
        "flax.linen.Module",
    }
)

# Calls that build a ready-to-call model (a detector, a pretrained network, a pipeline).
MODEL_FACTORY_PREFIXES = (
    "ultralytics.", "torchvision.models.", "timm.create_model", "transformers.pipeline",
    "transformers.AutoModel", "sentence_transformers.SentenceTransformer", "tensorflow.keras.models.",
    "keras.models.", "tensorflow.keras.Sequential", "keras.Sequential",
)

# --- artifacts ---------------------------------------------------------------

MODEL_LOADERS = frozenset(
    {
        "pickle.load", "pickle.loads", "joblib.load", "dill.load", "dill.loads",
        "cloudpickle.load", "cloudpickle.loads", "torch.load", "torch.jit.load",
        "keras.models.load_model", "keras.saving.load_model",
        "tensorflow.keras.models.load_model", "tensorflow.saved_model.load",
        "skops.io.load", "mlflow.pyfunc.load_model", "mlflow.sklearn.load_model",
        "mlflow.pytorch.load_model", "mlflow.keras.load_model", "mlflow.xgboost.load_model",
        "onnxruntime.InferenceSession",
    }
)

# Loaders that execute code embedded in the file unless told not to.
PICKLE_LOADERS = frozenset(
    {
        "pickle.load", "pickle.loads", "_pickle.load", "_pickle.loads",
        "joblib.load", "sklearn.externals.joblib.load",
        "dill.load", "dill.loads", "cloudpickle.load", "cloudpickle.loads",
        "pandas.read_pickle",
    }
)
KERAS_MODEL_LOADERS = frozenset(
    {"keras.models.load_model", "keras.saving.load_model", "tensorflow.keras.models.load_model"}
)

ARTIFACT_SAVERS = frozenset(
    {"joblib.dump", "pickle.dump", "pickle.dumps", "torch.save", "skops.io.dump", "cloudpickle.dump", "dill.dump",
     "torch.jit.save", "onnx.save", "safetensors.torch.save_file"}
)
SAVE_METHODS = frozenset({"save", "save_model", "save_pretrained", "save_weights"})


def is_artifact_save(name: str | None) -> bool:
    """Does the call write a model or object to disk or a registry (``joblib.dump``, ``mlflow.*.log_model``)?"""
    if name is None:
        return False
    return name in ARTIFACT_SAVERS or (
        name.startswith("mlflow.") and name.rsplit(".", 1)[-1] in ("log_model", "save_model")
    )


# Attributes that describe a frame, array or tensor rather than hold its values.
METADATA_ATTRIBUTES = frozenset(
    {"shape", "size", "ndim", "dtype", "dtypes", "columns", "index", "device", "names", "nbytes"}
)

# --- data sources --------------------------------------------------------------

DATA_READER_PREFIXES = ("pandas.read_", "polars.read_", "polars.scan_", "dask.dataframe.read_")
DATA_READERS = frozenset(
    {
        "builtins.open", "io.open", "numpy.load", "numpy.loadtxt", "numpy.genfromtxt",
        "numpy.fromfile", "requests.get", "urllib.request.urlopen",
        "urllib.request.urlretrieve", "datasets.load_dataset", "torch.load", "joblib.load",
        "tensorflow.keras.utils.get_file", "keras.utils.get_file",
        "pyarrow.parquet.read_table", "pyarrow.csv.read_csv", "sqlalchemy.create_engine",
    }
)
# Calls whose result is a file or bytes fetched from elsewhere.
DOWNLOADERS = frozenset(
    {
        "urllib.request.urlretrieve", "urllib.request.urlopen", "requests.get", "requests.post",
        "httpx.get", "huggingface_hub.hf_hub_download", "torch.hub.download_url_to_file",
        "torch.hub.load_state_dict_from_url", "tensorflow.keras.utils.get_file", "keras.utils.get_file",
        "wget.download", "gdown.download", "boto3.client", "google.cloud.storage.Client",
    }
)
# Keyword names under which readers take their location.
LOCATION_KEYWORDS = frozenset(
    {
        "filepath_or_buffer", "path", "path_or_buf", "path_or_paths", "io", "fname", "file",
        "url", "source", "origin", "data_files", "data_dir", "uri", "filename",
    }
)

# --- estimators and their hyperparameters --------------------------------------

# Qualified-name prefixes of libraries whose classes are models, optimizers,
# schedulers or trainers.
ESTIMATOR_LIBRARIES = (
    "sklearn.", "xgboost.", "lightgbm.", "catboost.", "imblearn.",
    "torch.optim.", "tensorflow.keras.", "keras.",
    "transformers.", "pytorch_lightning.", "lightning.",
)

# Hyperparameters some constructors take by position: class-name prefix -> (position, name).
POSITIONAL_HYPERPARAMETERS = (
    ("torch.optim.lr_scheduler.", None),
    ("torch.optim.", (1, "lr")),
    ("tensorflow.keras.optimizers.", (0, "learning_rate")),
    ("keras.optimizers.", (0, "learning_rate")),
)
# Training functions (not classes) that take hyperparameters as keywords.
TRAINING_FUNCTIONS = frozenset({"xgboost.train", "xgboost.cv", "lightgbm.train", "lightgbm.cv", "catboost.cv"})
# Training functions that take the booster's hyperparameters as one dict: name -> (position, keyword).
PARAMS_DICT_FUNCTIONS = {
    "xgboost.train": (0, "params"), "xgboost.cv": (0, "params"),
    "lightgbm.train": (0, "params"), "lightgbm.cv": (0, "params"),
    "catboost.train": (1, "params"), "catboost.cv": (1, "params"),
}

DEFAULT_HYPERPARAMETERS = (
    "n_estimators", "max_depth", "learning_rate", "lr", "alpha", "C", "gamma", "l1_ratio",
    "min_samples_split", "min_samples_leaf", "max_features", "max_leaf_nodes", "num_leaves",
    "subsample", "colsample_bytree", "reg_alpha", "reg_lambda", "min_child_weight",
    "weight_decay", "momentum", "betas", "eps", "epochs", "max_epochs", "batch_size",
    "max_iter", "hidden_layer_sizes", "dropout", "n_neighbors", "num_train_epochs",
    "per_device_train_batch_size", "warmup_steps", "eta", "iterations", "depth",
    "l2_leaf_reg", "n_components", "nu", "step_size", "num_boost_round", "early_stopping_rounds",
    "T_max", "max_lr", "warmup_ratio", "label_smoothing",
    # The boosters' own names, as their native params dicts spell them.
    "max_leaves", "min_child_samples", "min_data_in_leaf", "min_split_gain", "min_gain_to_split",
    "feature_fraction", "bagging_fraction", "bagging_freq", "colsample_bylevel", "colsample_bynode",
    "lambda_l1", "lambda_l2", "lambda", "subsample_freq", "scale_pos_weight", "max_bin",
)

# Optimizer classes: their ``eps`` is a numerical guard, not a modelling choice.
OPTIMIZER_PREFIXES = ("torch.optim.", "tensorflow.keras.optimizers.", "keras.optimizers.")
TORCH_OPTIMIZERS = "torch.optim."
# Estimators whose ``max_iter`` counts boosting rounds or epochs; elsewhere it caps a solver.
ITERATION_COUNTING_ESTIMATORS = ("HistGradientBoosting", "MLP", "SGD", "Perceptron", "PassiveAggressive")


def is_numerical_setting(callee: str | None, keyword: str) -> bool:
    """Is ``keyword`` of this class a solver or convergence setting rather than a hyperparameter?"""
    if keyword == "eps":
        return callee is not None and callee.startswith(OPTIMIZER_PREFIXES)
    if keyword == "max_iter":
        return callee is not None and not callee.rsplit(".", 1)[-1].startswith(ITERATION_COUNTING_ESTIMATORS)
    return False


def is_data_reader(name: str | None) -> bool:
    """Does the qualified name read data from a location?"""
    return name is not None and (name in DATA_READERS or name.startswith(DATA_READER_PREFIXES))


# Network layers: their arguments describe an architecture, written once in the model class.
LAYER_MODULES = ("tensorflow.keras.layers.", "keras.layers.")


def is_estimator_class(name: str | None) -> bool:
    """Is the qualified name a class from a modelling library (by its CamelCase last part)?"""
    if name is None or not name.startswith(ESTIMATOR_LIBRARIES) or name.startswith(LAYER_MODULES):
        return False
    return name.rsplit(".", 1)[-1][:1].isupper()


def is_prediction_call(node: nodes.NodeNG) -> bool:
    """``x.predict(...)``, ``x.predict_proba(...)``, ``torch.sigmoid(...)``, ``t.softmax()``."""
    if not isinstance(node, nodes.Call):
        return False
    if isinstance(node.func, nodes.Attribute) and (
        node.func.attrname in PREDICTION_METHODS or node.func.attrname in ACTIVATION_METHODS
    ):
        return True
    return call_name(node) in ACTIVATION_FUNCTIONS


def looks_like_model_name(identifier: str) -> bool:
    """Names such as ``model``, ``self.net`` or ``price_model`` hold models."""
    lowered = identifier.lower()
    return lowered in MODEL_VARIABLE_NAMES or lowered.endswith(MODEL_VARIABLE_SUFFIXES)


def builds_model(name: str | None) -> bool:
    """Does a call of this qualified name return a model that can be called or asked to predict?"""
    return name is not None and (name.startswith(MODEL_FACTORY_PREFIXES) or is_estimator_class(name))


def positional_hyperparameter(name: str | None) -> tuple[int, str] | None:
    """(position, name) of a hyperparameter the class takes by position (``Adam(params, 1e-3)``)."""
    if name is None:
        return None
    for prefix, position in POSITIONAL_HYPERPARAMETERS:
        if name.startswith(prefix):
            return position
    return None


def is_model_class(class_def: nodes.ClassDef) -> bool:
    """A class of this module that subclasses ``nn.Module``, ``keras.Model`` and the like."""
    return any(qualified_name(base) in MODEL_BASE_CLASSES for base in class_def.bases)


# --- data provenance: sources, splits, estimator roles, metrics ------------------

DATA_SOURCE_PREFIXES = (
    "pandas.read_", "polars.read_", "polars.scan_", "dask.dataframe.read_",
    "sklearn.datasets.load_", "sklearn.datasets.fetch_", "sklearn.datasets.make_",
    "seaborn.load_dataset", "datasets.load_dataset", "openml.datasets.get_dataset",
)
DATA_SOURCES = frozenset(
    {
        "numpy.load", "numpy.loadtxt", "numpy.genfromtxt", "numpy.fromfile",
        "pandas.DataFrame", "pandas.read_pickle", "polars.DataFrame",
    }
)
HOLDOUT_SPLITTERS = frozenset({"sklearn.model_selection.train_test_split", "sklearn.cross_validation.train_test_split"})
# Split one dataset into parts of the given lengths: train first, then validation and test.
DATASET_SPLITTERS = frozenset({"torch.utils.data.random_split", "torch.utils.data.dataset.random_split"})
# sklearn.cross_validation and sklearn.grid_search are the paths of sklearn before 0.20, still in old notebooks.
SELECTION_MODULES = ("sklearn.model_selection", "sklearn.cross_validation", "sklearn.grid_search")
CV_SPLITTER_CLASSES = frozenset(
    f"{module}.{name}"
    for module in SELECTION_MODULES
    for name in (
        "KFold", "StratifiedKFold", "GroupKFold", "StratifiedGroupKFold", "TimeSeriesSplit", "ShuffleSplit",
        "StratifiedShuffleSplit", "GroupShuffleSplit", "RepeatedKFold", "RepeatedStratifiedKFold",
        "LeaveOneOut", "LeavePOut", "LeaveOneGroupOut", "PredefinedSplit",
    )
)
CV_FUNCTIONS = frozenset(
    f"{module}.{name}"
    for module in SELECTION_MODULES
    for name in (
        "cross_val_score", "cross_validate", "cross_val_predict", "learning_curve", "validation_curve",
        "permutation_test_score",
    )
)
SEARCH_CLASSES = frozenset(
    f"{module}.{name}"
    for module in SELECTION_MODULES
    for name in ("GridSearchCV", "RandomizedSearchCV", "HalvingGridSearchCV", "HalvingRandomSearchCV")
)
# Search classes -> the keyword (second argument) holding the grid of values they try.
SEARCH_GRID_ARGUMENTS = {
    **{name: "param_distributions" if "Random" in name else "param_grid" for name in SEARCH_CLASSES},
    "skopt.BayesSearchCV": "search_spaces",
}
PIPELINE_BUILDERS = frozenset(
    {
        "sklearn.pipeline.Pipeline", "sklearn.pipeline.make_pipeline", "imblearn.pipeline.Pipeline",
        "imblearn.pipeline.make_pipeline", "sklearn.compose.TransformedTargetRegressor",
        # A union runs its parts side by side: of transformers only, it is one bigger transformer.
        "sklearn.pipeline.FeatureUnion", "sklearn.pipeline.make_union",
    }
)
# Builder functions, named in messages by the class of what they build.
BUILT_CLASSES = {
    "make_pipeline": "Pipeline", "make_column_transformer": "ColumnTransformer", "make_union": "FeatureUnion",
}
# Modules whose classes learn statistics from the rows they are fitted on.
TRANSFORMER_MODULES = (
    "sklearn.preprocessing.", "sklearn.impute.", "sklearn.feature_selection.", "sklearn.decomposition.",
    "sklearn.feature_extraction.", "sklearn.random_projection.", "sklearn.kernel_approximation.",
    "sklearn.compose.ColumnTransformer", "sklearn.compose.make_column_transformer", "category_encoders.",
    "feature_engine.", "sklearn_pandas.DataFrameMapper",
)
# Transformers that learn nothing from the rows (row-wise or fixed mappings).
STATELESS_TRANSFORMERS = frozenset(
    {
        "FunctionTransformer", "Normalizer", "Binarizer", "PolynomialFeatures", "HashingVectorizer",
        "FeatureHasher", "MissingIndicator",
    }
)
# Encoders meant for the target: they learn the set of labels, not statistics.
LABEL_ENCODERS = frozenset({"LabelEncoder", "LabelBinarizer", "MultiLabelBinarizer"})
OVERSAMPLER_MODULES = ("imblearn.over_sampling.", "imblearn.combine.")
SAMPLER_MODULES = ("imblearn.over_sampling.", "imblearn.under_sampling.", "imblearn.combine.")
RESAMPLING_FUNCTIONS = frozenset({"sklearn.utils.resample"})
# Fitting these on held-out data is the documented way to use them.
FIT_ON_HELDOUT_ALLOWED = frozenset({"CalibratedClassifierCV"})

# Statistics over rows: computed by hand, they are fitted preprocessing as much as a scaler is. Minimum and
# maximum are left out: they mostly serve as reference points (the latest year, a plot's range).
STATISTIC_METHODS = frozenset({"mean", "median", "std", "var", "mode", "quantile", "sem", "skew"})
STATISTIC_FUNCTIONS = frozenset(
    f"numpy.{name}"
    for name in (
        "mean", "median", "std", "var", "nanmean", "nanmedian", "nanstd", "nanvar", "percentile", "nanpercentile",
        "quantile", "nanquantile", "average",
    )
)
# What turns an element-wise comparison of predictions with true labels into a hand-written accuracy:
# ``(pred == y).mean()``, ``np.mean(pred == y)``, ``sum(pred == y) / len(y)``.
MATCH_AGGREGATION_METHODS = frozenset({"mean", "sum"})
MATCH_AGGREGATION_FUNCTIONS = frozenset(
    {"builtins.sum", "numpy.mean", "numpy.sum", "numpy.average", "numpy.count_nonzero", "numpy.nanmean"}
)
# Functions that fit and apply a transformation in one call and return the transformed rows.
FITTING_FUNCTIONS = frozenset(
    {
        "sklearn.preprocessing.scale", "sklearn.preprocessing.minmax_scale", "sklearn.preprocessing.robust_scale",
        "sklearn.preprocessing.maxabs_scale", "sklearn.preprocessing.quantile_transform",
        "sklearn.preprocessing.power_transform", "scipy.stats.zscore", "pandas.qcut",
    }
)

# Binning functions that learn their edges from the rows when given a number of bins (``pd.cut(x, 25)``) but
# not when given the edges themselves (``pd.cut(x, [0, 18, 65, 120])``).
BINNING_FUNCTIONS = frozenset({"pandas.cut"})

ROW_CONCATENATIONS = frozenset(
    {"pandas.concat", "numpy.concatenate", "numpy.vstack", "numpy.row_stack", "polars.concat", "torch.cat"}
)
COLUMN_CONCATENATIONS = frozenset({"numpy.hstack", "numpy.column_stack", "numpy.c_"})
# Build one array from a list of rows or batches (``np.array(collected)``): it holds what the list holds.
ARRAY_BUILDERS = frozenset(
    {"numpy.array", "numpy.asarray", "numpy.stack", "torch.stack", "torch.tensor", "torch.as_tensor"}
)

METRICS_PREFIX = "sklearn.metrics."
THRESHOLD_DEPENDENT_METRICS = frozenset(
    {
        "accuracy_score", "balanced_accuracy_score", "precision_score", "recall_score", "f1_score",
        "fbeta_score", "jaccard_score", "classification_report", "confusion_matrix", "matthews_corrcoef",
        "zero_one_loss", "hamming_loss", "cohen_kappa_score", "precision_recall_fscore_support",
    }
)
THRESHOLD_INDEPENDENT_METRICS = frozenset(
    {
        "roc_auc_score", "average_precision_score", "log_loss", "brier_score_loss", "roc_curve",
        "precision_recall_curve", "det_curve", "top_k_accuracy_score", "RocCurveDisplay",
        "PrecisionRecallDisplay", "DetCurveDisplay",
    }
)
THRESHOLD_INDEPENDENT_SCORING = frozenset(
    {
        "roc_auc", "roc_auc_ovr", "roc_auc_ovo", "roc_auc_ovr_weighted", "roc_auc_ovo_weighted",
        "average_precision", "neg_log_loss", "neg_brier_score", "top_k_accuracy",
    }
)
# Internal validity indices of a clustering: computed on the very rows that were clustered, by design.
CLUSTER_VALIDITY_METRICS = frozenset(
    {"silhouette_score", "silhouette_samples", "calinski_harabasz_score", "davies_bouldin_score"}
)
METRIC_SUFFIXES = ("_score", "_error", "_loss", "_report", "confusion_matrix", "_curve", "_deviance")


def estimator_role(name: str | None) -> str | None:
    """What a class from an ML library does when fitted: transformer, model, sampler, search..."""
    if name is None:
        return None
    short = name.rsplit(".", 1)[-1]
    if name in SEARCH_CLASSES:
        return "search"
    if name in PIPELINE_BUILDERS:
        return "pipeline"
    if name in CV_SPLITTER_CLASSES:
        return "splitter"
    if name.startswith(SAMPLER_MODULES):
        return "oversampler" if name.startswith(OVERSAMPLER_MODULES) else "sampler"
    if name.startswith(TRANSFORMER_MODULES) or short == "TargetEncoder":
        if short in LABEL_ENCODERS:
            return "label-encoder"
        return "stateless" if short in STATELESS_TRANSFORMERS else "transformer"
    if is_estimator_class(name):
        return "model"
    return None


def is_data_source(name: str | None) -> bool:
    return name is not None and (name in DATA_SOURCES or name.startswith(DATA_SOURCE_PREFIXES))


def metric_name(name: str | None) -> str | None:
    """``sklearn.metrics.f1_score`` -> ``f1_score``; ``None`` for anything that is not a metric."""
    if name is None or not name.startswith(METRICS_PREFIX):
        return None
    short = name[len(METRICS_PREFIX):].split(".")[0]
    known = short in THRESHOLD_DEPENDENT_METRICS or short in THRESHOLD_INDEPENDENT_METRICS
    return short if known or short.endswith(METRIC_SUFFIXES) else None
