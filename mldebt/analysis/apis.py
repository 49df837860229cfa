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

DEFAULT_HYPERPARAMETERS = (
    "n_estimators", "max_depth", "learning_rate", "lr", "alpha", "C", "gamma", "l1_ratio",
    "min_samples_split", "min_samples_leaf", "max_features", "max_leaf_nodes", "num_leaves",
    "subsample", "colsample_bytree", "reg_alpha", "reg_lambda", "min_child_weight",
    "weight_decay", "momentum", "betas", "eps", "epochs", "max_epochs", "batch_size",
    "max_iter", "hidden_layer_sizes", "dropout", "n_neighbors", "num_train_epochs",
    "per_device_train_batch_size", "warmup_steps", "eta", "iterations", "depth",
    "l2_leaf_reg", "n_components", "tol",
)


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


def is_model_class(class_def: nodes.ClassDef) -> bool:
    """A class of this module that subclasses ``nn.Module``, ``keras.Model`` and the like."""
    return any(qualified_name(base) in MODEL_BASE_CLASSES for base in class_def.bases)
