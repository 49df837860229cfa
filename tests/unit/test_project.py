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


def test_of_trainers_saving_the_same_file_name_serving_gets_those_that_share_its_features(tmp_path, monkeypatch):
    _write(tmp_path, "train_price.py", TRAIN.format(name="model.joblib"))
    churn = TRAIN.format(name="model.joblib").replace("sqft", "tenure").replace("bedrooms", "plan")
    _write(tmp_path, "train_churn.py", churn)
    index = _index(tmp_path)
    summarised = []
    summarize = project.summarize_training
    monkeypatch.setattr(project, "summarize_training", lambda path, text: summarised.append(path) or summarize(path, text))
    found = index.training_for(str(tmp_path / "serve.py"), frozenset({"model.joblib"}), frozenset({"sqft", "bedrooms"}))
    assert [os.path.basename(summary.path) for summary in found] == ["train_price.py"]
    # The churn trainer names neither feature, so a first lint in the editor never reads it.
    assert [os.path.basename(path) for path in summarised] == ["train_price.py"]


def test_the_other_ends_of_a_file_are_found_through_a_shared_paths_module(tmp_path):
    _write(tmp_path, "paths.py", "INTERIM = 'data/interim/'\nCLEAN = INTERIM + 'clean.csv'\n")
    _write(tmp_path, "stage_read.py", "import pandas as pd\nfrom paths import CLEAN\nframe = pd.read_csv(CLEAN)\n")
    _write(tmp_path, "unrelated.py", "import pandas as pd\nframe = pd.read_csv('data/raw/other.csv')\n")
    index = _index(tmp_path)
    naming = index.file_uses_naming(["clean.csv"])
    assert sorted(os.path.basename(path) for path in naming) == ["stage_read.py"]
    assert not index.writes_file("clean.csv")


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


def test_a_flag_is_reassigned_elsewhere_only_where_another_module_assigns_it(tmp_path):
    _write(tmp_path, "config.py", "USE_XGB = False\nSHOW_PLOTS = False\n")
    _write(tmp_path, "train.py", "from config import USE_XGB\nif USE_XGB: booster = 'xgb'\nif not SHOW_PLOTS: n = 1\n")
    _write(tmp_path, "sweep.py", "import config\nconfig.TUNE = True\nsetattr(config, 'EARLY_STOP', True)\n")
    index = _index(tmp_path)
    config = str(tmp_path / "config.py")
    assert not index.assigned_elsewhere("USE_XGB", config)
    assert not index.assigned_elsewhere("SHOW_PLOTS", config)
    assert index.assigned_elsewhere("TUNE", config) and index.assigned_elsewhere("EARLY_STOP", config)
    assert not index.assigned_elsewhere("TUNE", str(tmp_path / "sweep.py"))


def _notebook(*cells):
    """A notebook's JSON: a markdown heading, then one code cell per text."""
    heading = {"cell_type": "markdown", "metadata": {}, "source": ["# Stage"]}
    code = [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": text} for text in cells]
    return json.dumps({"cells": [heading, *code], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


PREPARE = _notebook("import pandas as pd", "raw = pd.read_csv('data/raw/loans.csv')\nraw.to_csv('data/interim/clean.csv')")


def test_notebooks_are_project_files_named_by_cell(tmp_path):
    _write(tmp_path, "prepare.ipynb", PREPARE)
    _write(tmp_path, "train.ipynb", _notebook(TRAIN.format(name="price.joblib")))
    index = _index(tmp_path)
    [(path, uses)] = index.file_uses_naming(["clean.csv"]).items()
    write = next(use for use in uses if use.name == "clean.csv")
    assert index.place(path, write.position.line) == "prepare.ipynb:cell 3:2"
    assert index.writes_file("clean.csv") and index.writes_file("price.joblib")
    [summary] = index.training_for(str(tmp_path / "serve.py"), frozenset({"price.joblib"}), frozenset())
    assert index.place(summary.path, summary.steps[0].position.line) == "train.ipynb:cell 2:9"
    assert index.place(str(tmp_path / "src" / "util.py"), 4) == os.path.join("src", "util.py") + ":4"


def test_notebooks_that_do_not_name_the_file_are_never_parsed(tmp_path, monkeypatch):
    _write(tmp_path, "prepare.ipynb", PREPARE)
    _write(tmp_path, "explore.ipynb", _notebook("import pandas as pd\npd.read_csv('data/raw/other.csv').describe()"))
    _write(tmp_path, "model.ipynb", _notebook(TRAIN.format(name="price.joblib")))
    index = _index(tmp_path)
    parsed = []
    read = project.read_notebook
    monkeypatch.setattr(project, "read_notebook", lambda text: parsed.append(text) or read(text))
    assert list(index.file_uses_naming(["clean.csv"])) == [str(tmp_path / "prepare.ipynb")]
    assert not index.assigned_elsewhere("USE_XGB", str(tmp_path / "serve.py"))
    assert parsed == [PREPARE]


def test_a_broken_notebook_adds_no_facts_and_breaks_nothing(tmp_path):
    _write(tmp_path, "broken.ipynb", '{"cells": [{"cell_type": "code", "source": 3}], "nbformat": 4, "clean.csv": 1}')
    _write(tmp_path, "truncated.ipynb", PREPARE[: len(PREPARE) // 2])
    _write(tmp_path, "prepare.ipynb", PREPARE)
    index = _index(tmp_path)
    assert list(index.file_uses_naming(["clean.csv"])) == [str(tmp_path / "prepare.ipynb")]
    assert index.training == () and index.state(project.FILE_USES)


def test_an_edited_notebook_is_read_again_and_changes_the_index_state(tmp_path, monkeypatch):
    monkeypatch.setenv(summary_cache.ENVIRONMENT_VARIABLE, str(tmp_path / "cache"))
    root = tmp_path / "project"
    notebook = _write(root, "prepare.ipynb", PREPARE)
    before = _index(root).state(project.FILE_USES)
    # Only a markdown cell more: the code is the same, the cells that messages name are not.
    data = json.loads(PREPARE)
    data["cells"].insert(0, {"cell_type": "markdown", "metadata": {}, "source": "Run me first."})
    notebook.write_text(json.dumps(data))
    project.clear_caches()
    index = _index(root)
    [(path, uses)] = index.file_uses.items()
    assert index.place(path, uses[-1].position.line) == "prepare.ipynb:cell 4:2"
    assert index.state(project.FILE_USES) != before


def test_excluded_notebooks_are_not_read(tmp_path):
    _write(tmp_path, "scratch/prepare.ipynb", PREPARE)
    (tmp_path / "pyproject.toml").write_text('[tool.mldebt]\nexclude = ["scratch"]\n')
    index = ProjectIndex.for_file(str(tmp_path / "serve.py"), settings_for(str(tmp_path / "serve.py")))
    assert index.sources == () and not index.writes_file("clean.csv")


def test_a_flag_a_notebook_reassigns_is_reassigned_elsewhere(tmp_path):
    _write(tmp_path, "config.py", "USE_XGB = False\n")
    _write(tmp_path, "sweep.ipynb", _notebook("import config", "config.USE_XGB = True"))
    assert _index(tmp_path).assigned_elsewhere("USE_XGB", str(tmp_path / "config.py"))
