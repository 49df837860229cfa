"""`mldebt check`'s result cache: warm runs skip analysis, and every input it depends on invalidates it."""

import json
import os
import shutil
from pathlib import Path

import pytest

from mldebt import cli, config, project, result_cache, summary_cache
from mldebt.cli import main

SKEW_PROJECT = Path(__file__).resolve().parent.parent / "functional" / "skew" / "log_transform_missing"
SMELLY = (
    "import pandas as pd\nfrom sklearn.linear_model import Ridge\n\n"
    'listings = pd.read_csv("https://example.com/listings.csv")\n'
    'model = Ridge().fit(listings[["sqft"]], listings["price"])\n'
)
THRESHOLD = "import numpy as np\n\n\ndef approve(model, rows):\n    return model.predict_proba(rows)[:, 1] > 0.93\n"


@pytest.fixture(autouse=True)
def _fresh_process_state():
    """Each `mldebt check` is a new process in real use; forget what an earlier run in this one learnt."""

    def forget():
        config.clear_cache()
        project.clear_caches()

    forget()
    yield forget
    forget()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "user-cache"
    monkeypatch.setenv(summary_cache.ENVIRONMENT_VARIABLE, str(folder))
    return folder


@pytest.fixture
def checked(tmp_path, monkeypatch, cache):
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text("[tool.mldebt]\n")
    (root / "load.py").write_text(SMELLY)
    (root / "score.py").write_text(THRESHOLD)
    monkeypatch.chdir(root)
    return root


def _codes(capsys, *arguments):
    main(["check", "--format", "json", *arguments])
    return sorted((finding["path"], finding["code"]) for finding in json.loads(capsys.readouterr().out))


def _no_analysis(*args, **kwargs):
    raise AssertionError("a file was analysed although its result was cached")


def test_a_warm_run_reuses_every_result(checked, capsys, monkeypatch):
    cold = _codes(capsys, ".")
    assert cold == [("./load.py", "MLD302"), ("./score.py", "MLD401")]
    monkeypatch.setattr(cli, "analyze", _no_analysis)
    assert _codes(capsys, ".") == cold
    with pytest.raises(AssertionError, match="analysed although"):
        main(["check", "--no-cache", "."])


def test_an_edited_file_is_analysed_again(checked, capsys):
    assert ("./score.py", "MLD401") in _codes(capsys, ".")
    (checked / "score.py").write_text(THRESHOLD.replace("> 0.93", "> model.threshold"))
    assert ("./score.py", "MLD401") not in _codes(capsys, ".")


def test_a_configuration_change_or_a_command_line_override_invalidates(checked, capsys, _fresh_process_state):
    assert ("./score.py", "MLD401") in _codes(capsys, ".")
    (checked / "pyproject.toml").write_text("[tool.mldebt.rules.hardcoded-threshold]\nallow = [0.93]\n")
    _fresh_process_state()
    assert ("./score.py", "MLD401") not in _codes(capsys, ".")
    assert _codes(capsys, "--ignore", "MLD3", ".") == []


def test_a_training_module_change_invalidates_the_serving_file(
    tmp_path, monkeypatch, cache, capsys, _fresh_process_state
):
    root = tmp_path / "skew"
    shutil.copytree(SKEW_PROJECT, root)
    (root / "pyproject.toml").write_text("[tool.mldebt]\n")
    monkeypatch.chdir(root)
    assert _codes(capsys, "--select", "MLD501", "serve.py") == [("serve.py", "MLD501")]
    train = root / "train.py"
    train.write_text(train.read_text().replace('np.log1p(sales["lot_size"])', 'sales["lot_size"]'))
    _fresh_process_state()
    assert _codes(capsys, "--select", "MLD501", "serve.py") == []


def test_a_stage_that_starts_writing_a_file_invalidates_its_readers(checked, capsys, _fresh_process_state):
    (checked / "train.py").write_text(
        "import joblib\n\nencoders = joblib.load('artifacts/encoders.joblib')\nencoders.fit([[0]])\n"
    )
    assert ("./train.py", "MLD903") in _codes(capsys, "--select", "MLD903", ".")
    (checked / "prepare.py").write_text("import joblib\n\njoblib.dump({}, 'artifacts/encoders.joblib')\n")
    _fresh_process_state()
    assert _codes(capsys, "--select", "MLD903", ".") == []


def test_a_flag_reassigned_in_another_file_invalidates_its_dead_branch(checked, capsys, _fresh_process_state):
    (checked / "train.py").write_text("USE_GPU = False\n\nif USE_GPU:\n    device = 'cuda'\n")
    assert ("./train.py", "MLD701") in _codes(capsys, "--select", "MLD701", ".")
    (checked / "launch.py").write_text("import train\n\ntrain.USE_GPU = True\n")
    _fresh_process_state()
    assert _codes(capsys, "--select", "MLD701", ".") == []


def test_entries_live_in_the_user_cache_folder_not_the_project(checked, capsys, cache):
    before = sorted(path for path in checked.rglob("*"))
    _codes(capsys, ".")
    assert sorted(path for path in checked.rglob("*")) == before
    assert list((cache / "results").rglob("*.json"))


def _planted_entry(fix: object) -> str:
    """An entry reporting `./load.py` clean but for one made-up finding, well formed except perhaps its fix."""
    finding = {
        "code": "MLD401", "symbol": "hardcoded-threshold", "message": "m", "path": "./load.py",
        "line": 1, "column": 0, "end_line": 1, "end_column": 1, "severity": "warning",
        "confidence": "high", "cell": None, "fix": fix,
    }
    mark = {"digest": "0" * 16, "code": "MLD401", "path": "./load.py", "scope": "", "statement": "x"}
    return json.dumps({"format": 2, "path": "./load.py", "findings": [finding], "fingerprints": [mark]})


def test_a_well_formed_planted_entry_is_what_the_mutations_below_break(checked, capsys):
    entry = result_cache.entry_path("./load.py", SMELLY, config.settings_for("./load.py"))
    os.makedirs(os.path.dirname(entry), exist_ok=True)
    Path(entry).write_text(_planted_entry({"safe": True, "edits": []}))
    assert [code for path, code in _codes(capsys, ".") if path == "./load.py"] == ["MLD401"]


@pytest.mark.parametrize(
    "planted",
    [
        "not json",
        json.dumps({"format": 1, "path": "./load.py", "findings": [], "fingerprints": []}),
        json.dumps({"format": 2, "path": "./load.py", "findings": [], "fingerprints": [], "extra": 1}),
        json.dumps({"format": 2, "path": "./other.py", "findings": [], "fingerprints": []}),
        json.dumps({"format": 2, "path": "./load.py", "findings": [{"line": True}], "fingerprints": [{}]}),
        _planted_entry({"safe": "yes", "edits": []}),
        _planted_entry({"safe": True, "edits": [{"line": 1, "column": 0, "end_line": 1, "end_column": "1"}]}),
    ],
)
def test_a_malformed_entry_is_recomputed(checked, capsys, planted):
    entry = result_cache.entry_path("./load.py", SMELLY, config.settings_for("./load.py"))
    os.makedirs(os.path.dirname(entry), exist_ok=True)
    Path(entry).write_text(planted)
    assert ("./load.py", "MLD302") in _codes(capsys, ".")
