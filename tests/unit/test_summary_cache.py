"""A planted cache entry is data at worst: never run, never trusted, never a crash.

The project index caches training summaries on disk. Anyone who can write
where the cache is read (a pull request, when caches lived in the repository)
can compute the entry's path, so these tests plant hostile entries at that
exact path and lint the serving file through every door.
"""

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mldebt import project, summary_cache
from mldebt.config import settings_for
from mldebt.engine import analyze
from mldebt.source import read_source

SKEW_PROJECT = Path(__file__).resolve().parent.parent / "functional" / "skew" / "log_transform_missing"


class _CreatesAFile:
    """Unpickling this creates the file named in it: proof that a cache entry was executed."""

    def __init__(self, target):
        self.target = target

    def __reduce__(self):
        return (open, (self.target, "w"))




@pytest.fixture
def linted(tmp_path, monkeypatch):
    """A train/serve project outside the repository, with a cache folder of its own."""
    root = tmp_path / "project"
    shutil.copytree(SKEW_PROJECT, root)
    (root / "pyproject.toml").write_text("[tool.mldebt]\n")
    monkeypatch.setenv(summary_cache.ENVIRONMENT_VARIABLE, str(tmp_path / "cache"))
    return root


def _entry(root, kind="summaries"):
    train = root / "train.py"
    return Path(project.cache_entry(str(train), train.read_text(encoding="utf-8"), kind))


def _doors(root):
    """Findings of the serving file through the core, the CLI, pylint and flake8, and their stderr."""
    project.clear_caches()
    # train.py's own findings read what the project writes (MLD303, MLD202); serve.py's read its summary.
    files = ["serve.py", "train.py"]
    core = [
        (name, f.line, f.column, f.code)
        for name in files
        for f in analyze(str(root / name), read_source(str(root / name)), settings_for(str(root / name)))
    ]
    runs = {
        "cli": ["mldebt", "check", "--format", "json", "--exit-zero", "--no-cache", *files],
        "pylint": ["pylint", "--load-plugins=pylint_mldebt", "--disable=all", "--enable=mldebt",
                   "--persistent=n", "--score=n", "--output-format=json2", *files],
        "flake8": ["flake8", "--select=MLD", "--exit-zero", *files],
    }
    outputs, errors = {"core": sorted(core)}, []
    for door, command in runs.items():
        result = subprocess.run([sys.executable, "-m", *command], cwd=root, capture_output=True, text=True,
                                check=False)
        errors.append(result.stderr)
        outputs[door] = _parsed(door, result.stdout)
    return outputs, "".join(errors)


def _parsed(door, output):
    if door == "cli":
        return sorted((f["path"], f["line"], f["column"], f["code"]) for f in json.loads(output))
    if door == "pylint":
        return sorted((m["path"], m["line"], m["column"], m["symbol"]) for m in json.loads(output)["messages"])
    return sorted(output.splitlines())


def _crafted_entries(marker):
    return {
        "pickle": pickle.dumps(_CreatesAFile(str(marker))),
        "wrong types": json.dumps(
            {"format": 1, "source": "x", "summary": {"path": 3, "steps": "all", "feature_order": None,
                                                     "order_line": True, "target": [], "artifacts": {}}}
        ).encode(),
        "truncated": b'{"format": 1, "source": "/train.py", "summary": {"path": "/tr',
        "not utf-8": b"\xff\xfe\x00garbage",
    }


@pytest.mark.parametrize("kind", ["pickle", "wrong types", "truncated", "not utf-8"])
def test_a_planted_entry_is_never_run_and_changes_no_finding(linted, tmp_path, kind):
    expected, _ = _doors(linted)
    # The skew is found only through the training summary, so a wrong summary would change it.
    assert ("serve.py", 37, 28, "MLD501") in expected["core"]
    assert ("serve.py", 37, 28, "train-serve-skew") in expected["pylint"]
    assert any(code == "MLD303" for *_, code in expected["core"])
    for path in Path(os.environ[summary_cache.ENVIRONMENT_VARIABLE]).rglob("*.json"):
        path.unlink()  # every door now meets only the planted entry

    marker = tmp_path / "pwned"
    for entry in (_entry(linted), _entry(linted, "files")):  # the training summary and the files it writes
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_bytes(_crafted_entries(marker)[kind])

    found, errors = _doors(linted)
    assert not marker.exists()
    assert found == expected
    assert "Traceback" not in errors


def test_a_cache_folder_inside_the_repository_is_never_read(linted, tmp_path):
    expected, _ = _doors(linted)
    marker = tmp_path / "pwned"
    digest = _entry(linted).stem
    for planted in (linted / ".mldebt_cache" / "any-version" / f"{digest}.pickle",
                    linted / ".mldebt_cache" / f"{digest}.json"):
        planted.parent.mkdir(parents=True, exist_ok=True)
        planted.write_bytes(pickle.dumps(_CreatesAFile(str(marker))))
    shutil.rmtree(os.environ[summary_cache.ENVIRONMENT_VARIABLE])

    found, errors = _doors(linted)
    assert not marker.exists()
    assert found == expected and "Traceback" not in errors


def test_a_valid_entry_is_rewritten_when_it_was_tampered_with(linted):
    _doors(linted)
    entry = _entry(linted)
    good = entry.read_text(encoding="utf-8")
    entry.write_text(good.replace('"format": 1', '"format": 1, "extra": "field"'), encoding="utf-8")
    _doors(linted)
    assert entry.read_text(encoding="utf-8") == good


def test_the_cli_keeps_the_cache_where_it_is_told(linted, tmp_path):
    chosen = tmp_path / "chosen"
    result = subprocess.run([sys.executable, "-m", "mldebt", "check", "--cache-dir", str(chosen), "serve.py"],
                            cwd=linted, capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "train-serve-skew" in result.stdout
    assert list(chosen.rglob("*.json"))
    assert not list(Path(os.environ[summary_cache.ENVIRONMENT_VARIABLE]).rglob("*.json"))


def test_two_versions_keep_their_own_entries(tmp_path, monkeypatch):
    monkeypatch.setenv(summary_cache.ENVIRONMENT_VARIABLE, str(tmp_path))
    older = Path(summary_cache.entry_path("0.1-older", "digest"))
    summary_cache.store(str(older), "/train.py", None)
    newer = Path(summary_cache.entry_path("0.2-newer", "digest"))
    summary_cache.store(str(newer), "/train.py", None)
    assert older.exists() and newer.exists()
    assert summary_cache.load(str(older), "/train.py") == (True, None)
