"""The project index: which training code a serving module serves, summaries and their cache."""

import json
import os
import textwrap

from mldebt import project, summary_cache
from mldebt.config import settings_for
from mldebt.project import ProjectIndex, summarize_training

TRAIN = textwrap.dedent(
    """\
    import joblib
    import numpy as np
    import pandas as pd
    from sklearn.linear_model import Ridge

    FEATURES = ["sqft", "bedrooms"]

    df = pd.read_csv("data/houses.csv")
    df["sqft"] = np.log1p(df["sqft"])
    model = Ridge().fit(df[FEATURES], df["price"])
    joblib.dump(model, "models/{name}")
    """
)




def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def _index(root):
    (root / "pyproject.toml").write_text("[tool.mldebt]\n")
    return ProjectIndex.for_file(str(root / "serve.py"), settings_for(str(root / "serve.py")))


def test_a_training_summary_lists_the_steps_before_fit_and_survives_the_json_cache(tmp_path):
    summary = summarize_training("train.py", TRAIN.format(name="price.joblib"))
    assert [(step.feature, step.kind) for step in summary.steps] == [("sqft", "log1p")]
    assert summary.feature_order == ("sqft", "bedrooms") and summary.target == "price"
    assert summary.artifact_names == ("price.joblib",)
    assert [artifact.holds for artifact in summary.artifacts] == [("model",)]
    entry = str(tmp_path / "entry.json")
    summary_cache.store(entry, "train.py", summary)
    assert summary_cache.load(entry, "train.py") == (True, summary)
    # An entry about another file is not this file's summary.
    assert summary_cache.load(entry, "other.py") == (False, None)


def test_a_summary_says_what_each_artifact_holds():
    source = (
        "from sklearn.pipeline import make_pipeline\n"
        "from sklearn.preprocessing import StandardScaler\n"
        + TRAIN.format(name="price.joblib")
        .replace("model = Ridge()", "scaler = StandardScaler().fit(df[FEATURES])\nmodel = make_pipeline(Ridge())")
        .replace('joblib.dump(model, "models/price.joblib")', 'joblib.dump({"model": model, "s": scaler}, "b.joblib")')
    )
    [artifact] = summarize_training("train.py", source).artifacts
    assert (artifact.name, artifact.holds) == ("b.joblib", ("pipeline", "transformer"))


def test_modules_that_fit_nothing_are_not_training():
    assert summarize_training("util.py", "import pandas as pd\nframe = pd.read_csv('x.csv')\n") is None


def test_serving_is_linked_to_the_training_that_saves_what_it_loads(tmp_path):
    _write(tmp_path, "train_price.py", TRAIN.format(name="price.joblib"))
    _write(tmp_path, "train_churn.py", TRAIN.format(name="churn.joblib"))
    index = _index(tmp_path)
    names = lambda found: sorted(os.path.basename(summary.path) for summary in found)  # noqa: E731
    assert names(index.training_for(str(tmp_path / "serve.py"), frozenset({"price.joblib"}), frozenset())) == [
        "train_price.py"
    ]
    # A model that no training module saves comes from elsewhere.
    assert index.training_for(str(tmp_path / "serve.py"), frozenset({"other.joblib"}), frozenset()) == ()
    # An unknown location: every module that saves a model could be the source.
    assert len(index.training_for(str(tmp_path / "serve.py"), frozenset(), frozenset())) == 2


def test_a_nested_project_is_another_project(tmp_path):
    _write(tmp_path, "train.py", TRAIN.format(name="price.joblib"))
    _write(tmp_path, "vendor/other/pyproject.toml", "[tool.mldebt]\n")
    _write(tmp_path, "vendor/other/train.py", TRAIN.format(name="other.joblib"))
    assert [os.path.basename(s.path) for s in _index(tmp_path).training] == ["train.py"]


def test_summaries_are_cached_on_disk_and_refreshed_when_the_file_changes(tmp_path, monkeypatch):
    root, cache = tmp_path / "project", tmp_path / "cache"
    monkeypatch.setenv(summary_cache.ENVIRONMENT_VARIABLE, str(cache))
    train = _write(root, "train.py", TRAIN.format(name="price.joblib"))
    assert len(_index(root).training) == 1
    # The cache lives outside the linted tree, as JSON.
    assert not [path for path in root.rglob("*") if path.suffix in {".json", ".pickle"}]
    [entry] = cache.rglob("*.json")
    assert json.loads(entry.read_text())["source"] == str(train)

    # A new process: nothing in memory, the disk cache answers without parsing.
    project.clear_caches()
    with monkeypatch.context() as patched:
        patched.setattr(project, "summarize_training", _must_not_parse)
        assert len(_index(root).training) == 1

    # An edited file is summarised again.
    project.clear_caches()
    train.write_text(TRAIN.format(name="price.joblib").replace("np.log1p", "np.sqrt"))
    [summary] = _index(root).training
    assert [step.kind for step in summary.steps] == ["sqrt"]


def test_a_read_only_project_still_works(tmp_path, monkeypatch):
    _write(tmp_path, "train.py", TRAIN.format(name="price.joblib"))
    monkeypatch.setattr(summary_cache.os, "makedirs", _read_only)
    assert len(_index(tmp_path).training) == 1


def _must_not_parse(path, text):
    raise AssertionError(f"{path} was parsed although its summary was cached")


def _read_only(*args, **kwargs):
    raise PermissionError("read-only file system")
