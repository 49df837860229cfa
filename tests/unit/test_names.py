"""Qualified names come from the module's own imports, never from inference."""

import astroid
import pytest
from astroid import nodes

from mldebt.analysis.names import qualified_name


def _outermost_call_name(source: str) -> str | None:
    module = astroid.parse(source)
    calls = list(module.nodes_of_class(nodes.Call))
    return qualified_name(calls[0].func)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import pandas as pd\npd.read_csv('x')", "pandas.read_csv"),
        ("import pandas\npandas.read_csv('x')", "pandas.read_csv"),
        (
            "import sklearn.preprocessing\nsklearn.preprocessing.StandardScaler()",
            "sklearn.preprocessing.StandardScaler",
        ),
        ("import sklearn.preprocessing as pre\npre.StandardScaler()", "sklearn.preprocessing.StandardScaler"),
        ("from sklearn.preprocessing import StandardScaler as SS\nSS()", "sklearn.preprocessing.StandardScaler"),
        ("from torch import optim\noptim.Adam([], lr=1)", "torch.optim.Adam"),
        ("import pandas as pd\nread = pd.read_csv\nread('x')", "pandas.read_csv"),
        ("import pandas as pd\nreader = pd\nreader.read_parquet('x')", "pandas.read_parquet"),
        ("from .features import build\nbuild()", ".features.build"),
        ("from . import features\nfeatures.build()", ".features.build"),
        ("open('x')", "builtins.open"),
        ("def f():\n    import joblib\n    return joblib.load('m')", "joblib.load"),
        ("import tensorflow as tf\ntf.keras.models.load_model('m')", "tensorflow.keras.models.load_model"),
    ],
)
def test_resolves_through_imports_and_aliases(source, expected):
    assert _outermost_call_name(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        # A parameter is a runtime value, whatever its name.
        "def f(pd):\n    pd.read_csv('x')",
        # Shadowing the builtin makes it a local function.
        "def open(path):\n    return path\nopen('x')",
        # Two different bindings: no single answer, so none.
        "try:\n    import ujson as json\nexcept ImportError:\n    import json\njson.loads('1')",
        # The result of a call is not a name.
        "import pandas as pd\npd.read_csv('x').dropna()",
        # Undefined names are not builtins.
        "frobnicate()",
    ],
)
def test_runtime_values_have_no_qualified_name(source):
    assert _outermost_call_name(source) is None


def test_resolution_ignores_whether_the_library_is_installed():
    # 'not_a_real_ml_lib' cannot be imported: resolution is purely syntactic.
    assert _outermost_call_name("import not_a_real_ml_lib as nr\nnr.fit()") == "not_a_real_ml_lib.fit"
