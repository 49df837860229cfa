"""Does a source file do data or ML work at all? Answered without parsing.

Most rules only make sense in modules that handle frames, arrays or models:
modules that import a data or ML library, and modules that import none but
work on what they are handed (a feature module receiving frames, a Django
view calling a model's ``predict``), told by the methods they call. The
question is asked on the raw text so that the flake8 adapter can skip the
astroid build for the other files; every front door asks it the same way, so
the answer (and with it the findings) never depends on the door.
"""

from __future__ import annotations

import re

ML_IMPORT_ROOTS = frozenset(
    {
        # data handling
        "numpy", "pandas", "polars", "pyarrow", "scipy", "dask", "datasets",
        # modelling
        "sklearn", "xgboost", "lightgbm", "catboost", "statsmodels", "imblearn",
        "torch", "torchvision", "pytorch_lightning", "lightning", "tensorflow",
        "keras", "jax", "flax", "transformers", "sentence_transformers", "optuna",
        # experiment tracking and model artifacts
        "mlflow", "wandb", "joblib", "pickle", "dill", "cloudpickle", "skops",
        "safetensors", "onnx", "onnxruntime", "bentoml", "ray",
        # bridges to other languages' runtimes
        "pyspark", "rpy2", "py4j", "jpype",
        # ML pipelines and platforms
        "tfx", "kfp", "tensorflow_transform", "tensorflow_data_validation", "azureml", "sagemaker",
        "vertexai", "zenml", "metaflow", "kedro",
        # domain libraries that carry models and features
        "cv2", "nltk", "spacy", "gensim", "timm", "ultralytics", "fastai", "feature_engine", "shap",
        "prophet", "pycaret", "h2o",
    }
)
# Calls that only code working on frames, arrays or models makes, whatever it imports.
_ML_USAGE = re.compile(
    r"\.(?:fit|partial_fit|fit_transform|predict|predict_proba|transform|fillna|dropna|groupby|merge|astype"
    r"|to_numpy|to_csv|to_parquet|value_counts)\(|\.(?:iloc|loc)\["
)

_IMPORT_ROOT = re.compile(r"^[ \t]*(?:import|from)[ \t]+([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)
_IMPORT_LIST = re.compile(r"^[ \t]*import[ \t]+([^\n#;]+)", re.MULTILINE)


def imported_roots(source: str) -> set[str]:
    """Top-level package names the source imports (``import a.b, c as d`` -> a, c)."""
    roots = set(_IMPORT_ROOT.findall(source))
    for names in _IMPORT_LIST.findall(source):
        for item in names.split(","):
            head = item.strip().split(".")[0].split(" ")[0]
            if head.isidentifier():
                roots.add(head)
    return roots


def imports_ml_library(source: str) -> bool:
    """True when the source imports any library whose use the rules inspect."""
    return not ML_IMPORT_ROOTS.isdisjoint(imported_roots(source))


def does_ml(source: str) -> bool:
    """True when the source imports an ML library or calls what only data and model code calls."""
    return imports_ml_library(source) or bool(_ML_USAGE.search(source))
