"""What data and ML libraries' calls, methods and attributes return, as receiver kinds.

The one table ``mldebt.analysis.receivers`` reads. Keys are qualified names
(``mldebt.analysis.names``: ``pd.read_csv`` -> ``pandas.read_csv``) or
``(receiver kind, method or attribute name)`` pairs. A fact is listed only
when it holds whatever the arguments are; where the answer depends on them
(``Series.apply`` may build a frame) the table says the weaker thing it is
sure of (``PANDAS``: a DataFrame or a Series).
"""

from __future__ import annotations

from mldebt.analysis.apis import DATA_READERS

# --- the kinds -----------------------------------------------------------------

DATAFRAME = "DataFrame"
SERIES = "Series"
# A pandas DataFrame or Series, not known which (``pd.concat``, ``df.loc[rows]``).
PANDAS = "pandas object"
FRAME_GROUPS = "DataFrameGroupBy"  # also rolling/expanding/ewm/resample windows of a frame
SERIES_GROUPS = "SeriesGroupBy"  # and of a Series
INDEXER = "pandas indexer"  # ``df.loc`` / ``df.iloc``: subscripting it selects rows and columns
ACCESSOR = "pandas accessor"  # ``s.str`` / ``s.dt`` / ``s.cat``
INDEX = "pandas Index"
NDARRAY = "ndarray"
TENSOR = "tensor"
TORCH_MODULE = "nn.Module"
OPTIMIZER = "optimizer"
SCHEDULER = "lr scheduler"
DATALOADER = "DataLoader"
DATASET = "Dataset"
KERAS_MODEL = "Keras model"
ESTIMATOR = "scikit-learn estimator"
# Known kinds that are never pandas, whatever their methods are called.
POLARS = "polars frame"
XARRAY = "xarray object"
DASK = "dask collection"
SPARK = "Spark DataFrame"
DICT = "dict"
LIST = "list"
TUPLE = "tuple"
SET = "set"
STRING = "str"
NUMBER = "number"
NONE = "None"
MODULE = "module"
FUNCTION = "function"
CLASS = "class"
FILE = "file"
OTHER = "other"  # a value known not to be any of the kinds above (a ``History``, an iterator)
UNKNOWN = "unknown"

PANDAS_KINDS = frozenset({DATAFRAME, SERIES, PANDAS})

# Marker in the method table: the call returns a value of the receiver's own kind.
SAME = "same as receiver"

# --- functions and classes whose call returns a known kind ------------------------

FUNCTION_RESULTS: dict[str, str] = {
    # pandas
    "pandas.DataFrame": DATAFRAME,
    "pandas.DataFrame.from_dict": DATAFRAME,
    "pandas.DataFrame.from_records": DATAFRAME,
    "pandas.Series": SERIES,
    "pandas.concat": PANDAS,
    "pandas.merge": DATAFRAME,
    "pandas.merge_asof": DATAFRAME,
    "pandas.get_dummies": DATAFRAME,
    "pandas.json_normalize": DATAFRAME,
    "pandas.pivot_table": DATAFRAME,
    "pandas.crosstab": DATAFRAME,
    "pandas.melt": DATAFRAME,
    "pandas.to_datetime": PANDAS,
    "pandas.to_numeric": PANDAS,
    "pandas.read_sql": DATAFRAME,
    "pandas.read_sql_query": DATAFRAME,
    "pandas.read_sql_table": DATAFRAME,
    "pandas.Index": INDEX,
    "pandas.date_range": INDEX,
    # numpy: functions that always build an array
    **{
        f"numpy.{name}": NDARRAY
        for name in (
            "array", "asarray", "asanyarray", "ascontiguousarray", "zeros", "ones", "empty", "full", "arange",
            "linspace", "logspace", "geomspace", "eye", "identity", "loadtxt", "genfromtxt", "fromfile",
            "frombuffer", "concatenate", "stack", "vstack", "hstack", "column_stack", "row_stack", "dstack",
            "diag", "tril", "triu", "outer", "kron", "argsort", "nonzero", "unique", "vander", "tile", "repeat",
            "random.rand", "random.randn", "random.permutation", "matrix", "asmatrix",
        )
    },
    "numpy.random.default_rng": OTHER,
    "numpy.random.RandomState": OTHER,
    # torch: factories always return tensors
    **{
        f"torch.{name}": TENSOR
        for name in (
            "tensor", "as_tensor", "from_numpy", "Tensor", "FloatTensor", "LongTensor", "IntTensor",
            "BoolTensor", "DoubleTensor", "ByteTensor", "zeros", "ones", "empty", "full", "rand", "randn",
            "randint", "randperm", "arange", "linspace", "logspace", "eye", "zeros_like", "ones_like",
            "empty_like", "full_like", "rand_like", "randn_like", "cat", "concat", "stack", "vstack", "hstack",
            "matmul", "mm", "bmm", "where", "exp", "log", "sigmoid", "softmax", "tanh", "relu", "sqrt", "abs",
            "clamp", "flatten", "squeeze", "unsqueeze", "argmax", "argmin", "sum", "mean", "max", "min",
        )
    },
    "torch.utils.data.DataLoader": DATALOADER,
    "torch.utils.data.TensorDataset": DATASET,
    "timm.create_model": TORCH_MODULE,
    "torch.utils.data.random_split": LIST,
    "torch.nn.Parameter": TENSOR,
    "torch.nn.parameter.Parameter": TENSOR,
    # Keras / TensorFlow
    **{
        f"{keras}.{name}": KERAS_MODEL
        for keras in ("keras", "tensorflow.keras", "keras.models", "tensorflow.keras.models")
        for name in ("Sequential", "Model", "load_model")
    },
    "keras.saving.load_model": KERAS_MODEL,
    **{
        f"tensorflow.{name}": TENSOR
        for name in (
            "constant", "convert_to_tensor", "Variable", "zeros", "ones", "fill", "range", "zeros_like",
            "ones_like", "concat", "stack", "tile", "reshape", "expand_dims", "squeeze", "cast", "one_hot",
            "random.uniform", "random.normal",
        )
    },
    # polars, xarray, dask, Spark: never pandas
    "polars.DataFrame": POLARS,
    "polars.LazyFrame": POLARS,
    "polars.Series": POLARS,
    "polars.from_pandas": POLARS,
    "polars.from_arrow": POLARS,
    "polars.concat": POLARS,
    "xarray.DataArray": XARRAY,
    "xarray.Dataset": XARRAY,
    "xarray.open_dataset": XARRAY,
    "xarray.open_dataarray": XARRAY,
    "xarray.open_mfdataset": XARRAY,
    "xarray.open_zarr": XARRAY,
    "xarray.concat": XARRAY,
    "xarray.merge": XARRAY,
    "dask.dataframe.from_pandas": DASK,
    "dask.dataframe.concat": DASK,
    "dask.dataframe.DataFrame": DASK,
    # builtins
    "builtins.dict": DICT,
    "builtins.list": LIST,
    "builtins.sorted": LIST,
    "builtins.tuple": TUPLE,
    "builtins.set": SET,
    "builtins.frozenset": SET,
    "builtins.str": STRING,
    "builtins.repr": STRING,
    "builtins.int": NUMBER,
    "builtins.float": NUMBER,
    "builtins.len": NUMBER,
    "builtins.open": FILE,
    "builtins.zip": OTHER,
    "builtins.enumerate": OTHER,
    "builtins.range": OTHER,
    "builtins.map": OTHER,
    "builtins.filter": OTHER,
    "collections.OrderedDict": DICT,
    "collections.defaultdict": DICT,
    "collections.Counter": DICT,
    "json.load": UNKNOWN,
}

# Reader functions: they load data from a location. ``pandas.read_*`` returns a frame
# (``read_html`` a list of frames), polars and dask readers their own frames.
READER_PREFIXES: dict[str, str] = {
    "pandas.read_": DATAFRAME,
    "polars.read_": POLARS,
    "polars.scan_": POLARS,
    "dask.dataframe.read_": DASK,
    "pyspark.pandas.read_": OTHER,
}
READER_EXCEPTIONS: dict[str, str] = {
    "pandas.read_html": LIST,
    "pandas.read_pickle": UNKNOWN,
    "pandas.read_json": PANDAS,
    "pandas.read_excel": UNKNOWN,  # a dict of frames when ``sheet_name`` names several
}
# Functions that build a ready network: ``torchvision.models.resnet18(weights=...)``.
MODEL_FACTORY_PREFIXES: dict[str, str] = {"torchvision.models.": TORCH_MODULE}
# The array readers among the project's data readers (``apis.DATA_READERS``): their result is data.
READERS = frozenset(name for name in DATA_READERS if name.startswith(("numpy.", "torch.")))

# numpy.random functions build an array only when given a ``size`` (else a scalar).
SIZED_RANDOM_FUNCTIONS = frozenset(
    f"numpy.random.{name}"
    for name in ("normal", "uniform", "randint", "choice", "binomial", "poisson", "exponential", "beta", "gamma")
)

# Classes by the module they come from: (prefix, kind); the first match wins, so narrow prefixes come first.
CLASS_PREFIXES: tuple[tuple[str, str], ...] = (
    ("torch.nn.functional.", OTHER),
    ("torch.nn.init.", OTHER),
    ("torch.nn.utils.", OTHER),
    ("torch.nn.", TORCH_MODULE),
    ("keras.applications.", KERAS_MODEL),
    ("tensorflow.keras.applications.", KERAS_MODEL),
    ("torch.optim.lr_scheduler.", SCHEDULER),
    ("torch.optim.", OPTIMIZER),
)
# Estimators of scikit-learn's API outside scikit-learn, known by their class-name ending.
ESTIMATOR_LIBRARY_PREFIXES = ("xgboost.", "lightgbm.", "catboost.")
ESTIMATOR_CLASS_SUFFIXES = ("Classifier", "Regressor", "Ranker")
# scikit-learn roles (``apis.estimator_role``) whose classes are estimators.
ESTIMATOR_ROLES = frozenset({"transformer", "stateless", "label-encoder", "model", "pipeline", "search"})

# Base classes: a class of the module that derives from one of these makes instances of that kind.
BASE_CLASS_KINDS: dict[str, str] = {
    "torch.nn.Module": TORCH_MODULE,
    "torch.nn.modules.module.Module": TORCH_MODULE,
    "pytorch_lightning.LightningModule": TORCH_MODULE,
    "lightning.LightningModule": TORCH_MODULE,
    "lightning.pytorch.LightningModule": TORCH_MODULE,
    "keras.Model": KERAS_MODEL,
    "keras.models.Model": KERAS_MODEL,
    "tensorflow.keras.Model": KERAS_MODEL,
    "tensorflow.keras.models.Model": KERAS_MODEL,
    "sklearn.base.BaseEstimator": ESTIMATOR,
    "torch.utils.data.Dataset": DATASET,
    "torch.utils.data.DataLoader": DATALOADER,
    "pandas.DataFrame": DATAFRAME,
    "torch.optim.Optimizer": OPTIMIZER,
}

# Annotations: the type named, or wrapped in ``Optional[...]`` / ``X | None``.
ANNOTATION_KINDS: dict[str, str] = {
    "pandas.DataFrame": DATAFRAME,
    "pandas.core.frame.DataFrame": DATAFRAME,
    "pandas.Series": SERIES,
    "pandas.core.series.Series": SERIES,
    "numpy.ndarray": NDARRAY,
    "numpy.typing.NDArray": NDARRAY,
    "numpy.typing.ArrayLike": UNKNOWN,
    "torch.Tensor": TENSOR,
    "tensorflow.Tensor": TENSOR,
    "tensorflow.Variable": TENSOR,
    "torch.nn.Module": TORCH_MODULE,
    "torch.optim.Optimizer": OPTIMIZER,
    "torch.utils.data.DataLoader": DATALOADER,
    "torch.utils.data.Dataset": DATASET,
    "keras.Model": KERAS_MODEL,
    "tensorflow.keras.Model": KERAS_MODEL,
    "sklearn.base.BaseEstimator": ESTIMATOR,
    "polars.DataFrame": POLARS,
    "polars.LazyFrame": POLARS,
    "polars.Series": POLARS,
    "xarray.DataArray": XARRAY,
    "xarray.Dataset": XARRAY,
    "dask.dataframe.DataFrame": DASK,
    "builtins.dict": DICT,
    "builtins.list": LIST,
    "builtins.tuple": TUPLE,
    "builtins.set": SET,
    "builtins.str": STRING,
    "builtins.int": NUMBER,
    "builtins.float": NUMBER,
    "typing.Dict": DICT,
    "typing.List": LIST,
    "typing.Tuple": TUPLE,
    "typing.Mapping": DICT,
    "typing.Sequence": UNKNOWN,
    "collections.abc.Mapping": DICT,
}

# --- methods ----------------------------------------------------------------------

_FRAME_TO_FRAME = (
    "head", "tail", "copy", "dropna", "fillna", "drop", "rename", "reset_index", "set_index", "sort_values",
    "sort_index", "merge", "join", "assign", "query", "astype", "replace", "drop_duplicates", "sample",
    "pivot_table", "pivot", "melt", "transpose", "select_dtypes", "filter", "where", "mask", "clip", "abs",
    "round", "corr", "cov", "describe", "interpolate", "ffill", "bfill", "nlargest", "nsmallest", "explode",
    "isna", "isnull", "notna", "notnull", "reindex", "add_prefix", "add_suffix", "applymap", "map", "diff",
    "pct_change", "shift", "cumsum", "cumprod", "rank", "infer_objects", "convert_dtypes", "dropna",
    "set_axis", "rename_axis", "droplevel", "swaplevel", "stack", "unstack", "combine_first", "update",
    "truncate", "between_time", "tz_localize", "tz_convert", "to_frame", "isin", "duplicated",
)
_REDUCTIONS = (
    "sum", "mean", "median", "std", "var", "min", "max", "count", "nunique", "prod", "sem", "skew", "kurt",
    "idxmax", "idxmin", "any", "all", "mode", "quantile", "first", "last", "size",
)
_SERIES_TO_SERIES = (
    "head", "tail", "copy", "dropna", "fillna", "drop", "rename", "sort_values", "sort_index", "astype", "replace",
    "drop_duplicates", "sample", "where", "mask", "clip", "abs", "round", "interpolate", "ffill", "bfill",
    "nlargest", "nsmallest", "explode", "isna", "isnull", "notna", "notnull", "reindex", "map", "diff",
    "pct_change", "shift", "cumsum", "cumprod", "rank", "isin", "between", "value_counts", "duplicated",
    "infer_objects", "convert_dtypes", "set_axis", "rename_axis", "droplevel", "combine_first", "truncate",
    "tz_localize", "tz_convert", "add_prefix", "add_suffix", "eq", "ne", "lt", "le", "gt", "ge",
)
_ARRAY_TO_ARRAY = (
    "reshape", "astype", "copy", "flatten", "ravel", "transpose", "squeeze", "clip", "round", "swapaxes",
    "repeat", "cumsum", "cumprod", "argsort", "nonzero", "view", "conj",
)
_TENSOR_TO_TENSOR = (
    "to", "cuda", "cpu", "detach", "float", "double", "half", "long", "int", "bool", "view", "reshape",
    "unsqueeze", "squeeze", "permute", "transpose", "clone", "contiguous", "t", "flatten", "exp", "log",
    "sigmoid", "softmax", "log_softmax", "relu", "tanh", "abs", "clamp", "sum", "mean", "max", "min",
    "argmax", "argmin", "matmul", "mm", "expand", "repeat", "type", "type_as", "requires_grad_", "masked_fill",
    "pow", "sqrt", "norm", "cumsum", "neg", "add", "sub", "mul", "div",
)
_MODULE_TO_MODULE = ("to", "cuda", "cpu", "train", "eval", "float", "double", "half", "requires_grad_", "apply")

METHOD_RESULTS: dict[tuple[str, str], str] = {
    **{(DATAFRAME, name): DATAFRAME for name in _FRAME_TO_FRAME},
    **{(DATAFRAME, name): SERIES for name in _REDUCTIONS},
    (DATAFRAME, "mode"): DATAFRAME,
    (DATAFRAME, "quantile"): PANDAS,
    (DATAFRAME, "apply"): PANDAS,
    (DATAFRAME, "agg"): PANDAS,
    (DATAFRAME, "aggregate"): PANDAS,
    (DATAFRAME, "transform"): DATAFRAME,
    (DATAFRAME, "pipe"): UNKNOWN,
    (DATAFRAME, "groupby"): FRAME_GROUPS,
    (DATAFRAME, "rolling"): FRAME_GROUPS,
    (DATAFRAME, "expanding"): FRAME_GROUPS,
    (DATAFRAME, "ewm"): FRAME_GROUPS,
    (DATAFRAME, "resample"): FRAME_GROUPS,
    (DATAFRAME, "to_numpy"): NDARRAY,
    (DATAFRAME, "to_dict"): UNKNOWN,  # a dict, or a list with orient="records"
    (DATAFRAME, "iterrows"): OTHER,
    (DATAFRAME, "itertuples"): OTHER,
    (DATAFRAME, "items"): OTHER,
    (DATAFRAME, "memory_usage"): SERIES,
    (DATAFRAME, "dot"): PANDAS,
    **{(SERIES, name): SERIES for name in _SERIES_TO_SERIES},
    (SERIES, "apply"): PANDAS,
    (SERIES, "agg"): UNKNOWN,
    (SERIES, "transform"): SERIES,
    (SERIES, "reset_index"): PANDAS,
    (SERIES, "to_frame"): DATAFRAME,
    (SERIES, "to_numpy"): NDARRAY,
    (SERIES, "unique"): NDARRAY,
    (SERIES, "tolist"): LIST,
    (SERIES, "to_list"): LIST,
    (SERIES, "to_dict"): DICT,
    (SERIES, "groupby"): SERIES_GROUPS,
    (SERIES, "rolling"): SERIES_GROUPS,
    (SERIES, "expanding"): SERIES_GROUPS,
    (SERIES, "ewm"): SERIES_GROUPS,
    (SERIES, "resample"): SERIES_GROUPS,
    (SERIES, "mode"): SERIES,
    **{(SERIES, name): NUMBER for name in ("sum", "mean", "median", "std", "var", "count", "nunique", "prod")},
    **{(PANDAS, name): PANDAS for name in set(_FRAME_TO_FRAME) & set(_SERIES_TO_SERIES)},
    (PANDAS, "to_numpy"): NDARRAY,
    **{(FRAME_GROUPS, name): DATAFRAME for name in _REDUCTIONS},
    (FRAME_GROUPS, "size"): PANDAS,
    (FRAME_GROUPS, "agg"): DATAFRAME,
    (FRAME_GROUPS, "aggregate"): DATAFRAME,
    (FRAME_GROUPS, "transform"): DATAFRAME,
    (FRAME_GROUPS, "apply"): PANDAS,
    (FRAME_GROUPS, "cumsum"): DATAFRAME,
    (FRAME_GROUPS, "head"): DATAFRAME,
    (FRAME_GROUPS, "tail"): DATAFRAME,
    (FRAME_GROUPS, "filter"): DATAFRAME,
    **{(SERIES_GROUPS, name): SERIES for name in _REDUCTIONS},
    (SERIES_GROUPS, "agg"): PANDAS,
    (SERIES_GROUPS, "aggregate"): PANDAS,
    (SERIES_GROUPS, "transform"): SERIES,
    (SERIES_GROUPS, "apply"): PANDAS,
    (SERIES_GROUPS, "cumsum"): SERIES,
    (SERIES_GROUPS, "value_counts"): SERIES,
    (ACCESSOR, "split"): PANDAS,
    (ACCESSOR, "extract"): PANDAS,
    **{(NDARRAY, name): NDARRAY for name in _ARRAY_TO_ARRAY},
    (NDARRAY, "tolist"): UNKNOWN,  # a list, or a scalar for a 0-d array
    (NDARRAY, "item"): NUMBER,
    **{(TENSOR, name): TENSOR for name in _TENSOR_TO_TENSOR},
    (TENSOR, "numpy"): NDARRAY,
    (TENSOR, "item"): NUMBER,
    (TENSOR, "size"): UNKNOWN,
    (TENSOR, "tolist"): UNKNOWN,
    **{(TORCH_MODULE, name): SAME for name in _MODULE_TO_MODULE},
    (TORCH_MODULE, "state_dict"): DICT,
    (TORCH_MODULE, "parameters"): OTHER,
    (TORCH_MODULE, "named_parameters"): OTHER,
    (OPTIMIZER, "state_dict"): DICT,
    (KERAS_MODEL, "predict"): NDARRAY,
    (KERAS_MODEL, "fit"): OTHER,
    (ESTIMATOR, "fit"): SAME,
    (ESTIMATOR, "set_params"): SAME,
    (ESTIMATOR, "predict"): NDARRAY,
    (ESTIMATOR, "predict_proba"): NDARRAY,
    (ESTIMATOR, "decision_function"): NDARRAY,
    (DICT, "keys"): OTHER,
    (DICT, "values"): OTHER,
    (DICT, "items"): OTHER,
    (DICT, "copy"): DICT,
    (LIST, "copy"): LIST,
    (STRING, "format"): STRING,
    (STRING, "join"): STRING,
    (STRING, "lower"): STRING,
    (STRING, "upper"): STRING,
    (STRING, "strip"): STRING,
    (STRING, "replace"): STRING,
    (STRING, "split"): LIST,
    # Methods of other libraries' frames keep them theirs.
    **{(kind, "__any__"): kind for kind in (POLARS, XARRAY, DASK, SPARK)},
}

# --- attributes ---------------------------------------------------------------------

ATTRIBUTE_RESULTS: dict[tuple[str, str], str] = {
    (DATAFRAME, "T"): DATAFRAME,
    (DATAFRAME, "values"): NDARRAY,
    (DATAFRAME, "loc"): INDEXER,
    (DATAFRAME, "iloc"): INDEXER,
    (DATAFRAME, "columns"): INDEX,
    (DATAFRAME, "index"): INDEX,
    (DATAFRAME, "dtypes"): SERIES,
    (DATAFRAME, "shape"): TUPLE,
    (SERIES, "values"): UNKNOWN,  # an ndarray, or an ExtensionArray for categoricals and nullable dtypes
    (SERIES, "loc"): INDEXER,
    (SERIES, "iloc"): INDEXER,
    (SERIES, "str"): ACCESSOR,
    (SERIES, "dt"): ACCESSOR,
    (SERIES, "cat"): ACCESSOR,
    (SERIES, "index"): INDEX,
    (SERIES, "shape"): TUPLE,
    (PANDAS, "loc"): INDEXER,
    (PANDAS, "iloc"): INDEXER,
    (PANDAS, "index"): INDEX,
    (NDARRAY, "T"): NDARRAY,
    (NDARRAY, "shape"): TUPLE,
    (NDARRAY, "ndim"): NUMBER,
    (NDARRAY, "size"): NUMBER,
    (TENSOR, "T"): TENSOR,
    (TENSOR, "data"): TENSOR,
    (TENSOR, "grad"): TENSOR,
    (TENSOR, "shape"): OTHER,
    (TORCH_MODULE, "training"): OTHER,
    (OPTIMIZER, "param_groups"): LIST,
    **{(kind, "__any__"): kind for kind in (POLARS, XARRAY, DASK, SPARK)},
}


def method_result(receiver: str, method: str) -> str:
    """The kind ``receiver.method(...)`` returns, ``UNKNOWN`` when the table does not say."""
    result = METHOD_RESULTS.get((receiver, method)) or METHOD_RESULTS.get((receiver, "__any__"), UNKNOWN)
    return receiver if result == SAME else result


def attribute_result(receiver: str, attribute: str) -> str:
    """The kind of ``receiver.attribute``, ``UNKNOWN`` when the table does not say."""
    return ATTRIBUTE_RESULTS.get((receiver, attribute)) or ATTRIBUTE_RESULTS.get((receiver, "__any__"), UNKNOWN)


def reader_result(name: str) -> str | None:
    """The kind a reader function returns (``pandas.read_csv`` -> DataFrame), ``None`` if it is no reader."""
    if name in READER_EXCEPTIONS:
        return READER_EXCEPTIONS[name]
    for prefix, kind in READER_PREFIXES.items():
        if name.startswith(prefix):
            return kind
    return None


def is_reader(name: str | None) -> bool:
    """Does the qualified name load data from a location (``pandas.read_csv``, ``numpy.load``)?"""
    return name is not None and (name in READERS or reader_result(name) is not None)


# --- facts the API-misuse rules share ---------------------------------------------------

# Expressions that spell NaN.
NAN_CONSTANTS = frozenset({"numpy.nan", "numpy.NaN", "numpy.NAN", "math.nan", "pandas.NA"})
# DataFrame/Series methods that return a new object unless given ``inplace=True``.
INPLACE_CAPABLE_METHODS = frozenset(
    {
        "dropna", "fillna", "drop", "rename", "reset_index", "set_index", "sort_values", "sort_index",
        "replace", "drop_duplicates", "astype", "interpolate", "ffill", "bfill", "clip", "where", "mask",
        "rename_axis", "query",
    }
)
# Methods with no ``inplace`` that return a new frame: a statement that discards their result does nothing.
# (``head``, ``sample`` and the like are left out: as a statement they are there to be looked at.)
RESULT_ONLY_METHODS = frozenset({"assign", "merge", "join", "pivot", "pivot_table", "melt", "explode"})
# Estimators whose result depends on the features' scales (distances, kernels, penalties, gradient steps).
SCALE_SENSITIVE_ESTIMATORS = frozenset(
    {
        "sklearn.svm.SVC", "sklearn.svm.SVR", "sklearn.svm.LinearSVC", "sklearn.svm.LinearSVR",
        "sklearn.svm.NuSVC", "sklearn.svm.NuSVR",
        "sklearn.neighbors.KNeighborsClassifier", "sklearn.neighbors.KNeighborsRegressor",
        "sklearn.neighbors.RadiusNeighborsClassifier", "sklearn.neighbors.RadiusNeighborsRegressor",
        "sklearn.decomposition.PCA", "sklearn.decomposition.KernelPCA",
        "sklearn.linear_model.SGDClassifier", "sklearn.linear_model.SGDRegressor",
        "sklearn.neural_network.MLPClassifier", "sklearn.neural_network.MLPRegressor",
        "sklearn.linear_model.Ridge", "sklearn.linear_model.RidgeClassifier", "sklearn.linear_model.Lasso",
        "sklearn.linear_model.ElasticNet", "sklearn.cluster.KMeans",
    }
)
# Transformers that put features on a common scale, and functions that do it in one call.
SCALERS = frozenset(
    f"sklearn.preprocessing.{name}"
    for name in (
        "StandardScaler", "MinMaxScaler", "RobustScaler", "MaxAbsScaler", "Normalizer", "QuantileTransformer",
        "PowerTransformer", "scale", "minmax_scale", "robust_scale", "maxabs_scale", "normalize",
    )
)
LABEL_ENCODER_CLASSES = frozenset({"sklearn.preprocessing.LabelEncoder"})
# Column names that hold what a model predicts.
TARGET_COLUMN_NAMES = frozenset(
    {"target", "label", "labels", "y", "class", "outcome", "response", "churn", "survived", "species", "category"}
)
