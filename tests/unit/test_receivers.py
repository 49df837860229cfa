"""Receiver kinds, from the module's own code only."""

import astroid
import pytest

from mldebt.analysis import receivers as r

HEADER = """
import numpy as np
import pandas as pd
import polars as pl
import xarray as xr
import torch
from torch import nn
from torch.utils.data import DataLoader
from tensorflow import keras
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from xgboost import XGBClassifier, DMatrix
"""


def _last(source: str):
    """The expression of the module's last statement."""
    return astroid.parse(HEADER + source).body[-1].value


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("df = pd.read_csv('a.csv')\ndf", r.DATAFRAME),
        ("pd.read_parquet('a.parquet').dropna()", r.DATAFRAME),
        ("df = pd.read_csv('a.csv')\ndf.groupby('k').mean()", r.DATAFRAME),
        ("df = pd.read_csv('a.csv')\ndf.groupby('k')['v'].mean()", r.SERIES),
        ("df = pd.read_csv('a.csv')\ndf['a']", r.SERIES),
        ("df = pd.read_csv('a.csv')\ndf[['a', 'b']]", r.DATAFRAME),
        ("df = pd.read_csv('a.csv')\ndf[df['a'] > 3]", r.DATAFRAME),
        ("df = pd.read_csv('a.csv')\ndf['a'] > 3", r.SERIES),
        ("df = pd.read_csv('a.csv')\ndf.loc[:, 'a']", r.SERIES),
        ("df = pd.read_csv('a.csv')\ndf.loc[:, ['a']]", r.DATAFRAME),
        ("df = pd.read_csv('a.csv')\ndf.loc[df.a > 1]", r.PANDAS),
        ("df = pd.read_csv('a.csv')\ndf.loc[3, 'a']", r.UNKNOWN),
        ("pd.concat([a, b])", r.PANDAS),
        ("pd.DataFrame({'a': [1]}).to_numpy()", r.NDARRAY),
        ("np.array([[1, 2], [3, 4]])", r.NDARRAY),
        ("torch.tensor([1.0])", r.TENSOR),
        ("torch.tensor([1.0]).cpu().numpy()", r.NDARRAY),
        ("torch.zeros(3)[0]", r.TENSOR),
        ("nn.Linear(3, 4)", r.TORCH_MODULE),
        ("nn.functional.relu", r.UNKNOWN),
        ("torch.optim.Adam(params, lr=1e-3)", r.OPTIMIZER),
        ("torch.optim.lr_scheduler.StepLR(opt, 3)", r.SCHEDULER),
        ("DataLoader(dataset, batch_size=8)", r.DATALOADER),
        ("keras.Sequential([])", r.KERAS_MODEL),
        ("keras.applications.ResNet50(weights=None)", r.KERAS_MODEL),
        ("import torchvision\ntorchvision.models.resnet18(weights=None)", r.TORCH_MODULE),
        ("import torchvision\ntorchvision.models.detection.fasterrcnn_resnet50_fpn()", r.UNKNOWN),
        ("net = nn.Sequential(nn.Linear(3, 1)).to('cuda')\nnet", r.TORCH_MODULE),
        ("SVC()", r.ESTIMATOR),
        ("SVC().fit(X, y)", r.ESTIMATOR),
        ("StandardScaler()", r.ESTIMATOR),
        ("XGBClassifier()", r.ESTIMATOR),
        ("DMatrix(X)", r.UNKNOWN),
        ("pl.read_csv('a.csv')", r.POLARS),
        ("pl.read_csv('a.csv').filter(x)", r.POLARS),
        ("xr.open_dataset('a.nc')", r.XARRAY),
        ("{'values': 1}", r.DICT),
        ("d = dict(a=1)\nd", r.DICT),
        ("[1, 2]", r.LIST),
        ("np", r.MODULE),
        ("np.random.randint(0, 10)", r.UNKNOWN),
        ("np.random.randint(0, 10, size=5)", r.NDARRAY),
        ("frame", r.UNKNOWN),
        ("frame.values", r.UNKNOWN),
        ("model.predict(X)", r.UNKNOWN),
    ],
)
def test_expression_kinds(source, kind):
    assert r.kind_of(_last(source)) == kind


def test_bindings_must_agree():
    both = "if flag:\n    x = pd.read_csv('a')\nelse:\n    x = pl.read_csv('a')\nx"
    assert r.kind_of(_last(both)) == r.UNKNOWN
    assert r.kind_of(_last("x = pd.read_csv('a')\nx = clean(x)\nx")) == r.UNKNOWN
    assert r.kind_of(_last("x = pd.read_csv('a')\nx = x.dropna()\nx")) == r.DATAFRAME


def test_annotations_and_parameters():
    module = astroid.parse(
        HEADER
        + """
from typing import Optional
def f(frame: pd.DataFrame, quoted: "pd.Series", maybe: Optional[np.ndarray], either: torch.Tensor | None, plain):
    return frame, quoted, maybe, either, plain
"""
    )
    returned = module.body[-1].body[-1].value.elts
    assert [r.kind_of(e) for e in returned] == [r.DATAFRAME, r.SERIES, r.NDARRAY, r.TENSOR, r.UNKNOWN]


def test_classes_self_attributes_and_helpers():
    module = astroid.parse(
        HEADER
        + """
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 1)

    def forward(self, x):
        return self.fc(x)

class Deeper(Net):
    pass

class Trainer:
    def __init__(self):
        self.model = Deeper()
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=0.1)

    def step(self):
        return self, self.model, self.optimizer, self.model.eval()

def load(path):
    frame = pd.read_csv(path)
    return frame.fillna(0)

def annotated(path) -> pd.DataFrame:
    return read_somehow(path)

def mixed(path):
    if path:
        return pd.read_csv(path)
    return None

load("a.csv"), annotated("b"), mixed("c")
"""
    )
    trainer = module.body[-5]
    step = trainer.body[1].body[-1].value.elts
    assert [r.kind_of(e) for e in step] == [r.UNKNOWN, r.TORCH_MODULE, r.OPTIMIZER, r.TORCH_MODULE]
    forward_self = module.body[-7].body[1].body[-1].value.func.expr
    assert r.kind_of(forward_self) == r.TORCH_MODULE
    assert r.kind_of(module.body[-7].body[0].body[-1].targets[0].expr) == r.TORCH_MODULE
    calls = module.body[-1].value.elts
    assert [r.kind_of(e) for e in calls] == [r.DATAFRAME, r.DATAFRAME, r.UNKNOWN]


def test_split_outputs_and_loop_rows():
    source = """
X = pd.read_csv('a.csv')
y = X.pop('target')
X_train, X_test, y_train, y_test = train_test_split(X.drop(columns=['id']), X['target'])
for index, row in X.iterrows():
    pass
X_test, y_test, row
"""
    kinds = [r.kind_of(e) for e in _last(source).elts]
    assert kinds == [r.DATAFRAME, r.SERIES, r.SERIES]


def test_recursive_helpers_end():
    source = "def f(x):\n    return f(x)\nf(1)"
    assert r.kind_of(_last(source)) == r.UNKNOWN


@pytest.mark.parametrize(
    ("source", "ndim"),
    [
        ("np.zeros((3, 4))", 2),
        ("np.zeros(3)", 1),
        ("np.zeros(n)", None),
        ("np.eye(3)", 2),
        ("np.random.rand(3, 4)", 2),
        ("np.arange(12).reshape(3, 4)", 2),
        ("np.arange(12).reshape(-1, 1).T", 2),
        ("np.array([[1, 2], [3, 4]])", 2),
        ("np.array([1, 2])", 1),
        ("np.array([[1, 2], 3])", None),
        ("pd.read_csv('a').to_numpy()", 2),
        ("pd.read_csv('a')['x'].to_numpy()", 1),
        ("a = np.ones((2, 2))\nb = a * 2\nb", 2),
        ("np.asarray(values)", None),
        ("torch.zeros(3, 4)", None),
    ],
)
def test_array_ndim(source, ndim):
    assert r.array_ndim(_last(source)) == ndim


def test_class_and_annotation_helpers():
    module = astroid.parse(HEADER + "class Model(keras.Model):\n    pass\n")
    assert r.class_kind(module.body[-1]) == r.KERAS_MODEL
    assert r.annotation_kind(None) == r.UNKNOWN


def test_indexers_know_their_owner():
    frame = "df = pd.read_csv('a.csv')\n"
    assert r.kind_of(_last(frame + "df.loc[3]")) == r.PANDAS
    assert r.kind_of(_last(frame + "df['a'].iloc[1]")) == r.UNKNOWN
    assert r.kind_of(_last(frame + "df['a'].iloc[1:]")) == r.SERIES
    assert r.kind_of(_last(frame + "df.loc[3].iloc[1]")) == r.UNKNOWN


def test_many_rebinding_branches_stay_fast():
    steps = "".join(f"if flag{i}:\n    df = df.dropna()\nelse:\n    df = df.fillna(0)\n" for i in range(30))
    assert r.kind_of(_last("df = pd.read_csv('a.csv')\n" + steps + "df")) == r.DATAFRAME


def test_constructed_class():
    source = """
from sklearn.preprocessing import LabelEncoder
encoder = LabelEncoder()
fitted = encoder.fit(["a", "b"])
class Holder:
    def __init__(self):
        self.scaler = StandardScaler()
    def use(self):
        return self.scaler
encoder, fitted, Holder().use(), len([])
"""
    module = astroid.parse(HEADER + source)
    encoder, fitted, _, length = module.body[-1].value.elts
    assert r.constructed_class(encoder) == "sklearn.preprocessing.LabelEncoder"
    assert r.constructed_class(fitted) == "sklearn.preprocessing.LabelEncoder"
    assert r.constructed_class(module.body[-2].body[1].body[0].value) == "sklearn.preprocessing.StandardScaler"
    assert r.constructed_class(length) is None
