"""No front door reports one finding twice: every fixture, the example project and a generated
project (the benchmark's generator), every rule enabled."""

from __future__ import annotations

import collections
import os
import subprocess
import sys

import pytest

from functional_harness import REPO, fixture_files
from mldebt.config import HostOverrides, settings_for
from mldebt.engine import analyze
from mldebt.source import read_source

EVERY_RULE = HostOverrides(extend_select=("MLD",))
FILES = fixture_files() + sorted((REPO / "examples").rglob("*.py"))


def _repeated(path: str) -> list[tuple]:
    findings = analyze(path, read_source(path), settings_for(path).with_overrides(EVERY_RULE))
    # What a user sees (flake8 shows no end): two findings alike in these are one reported twice,
    # even when their ranges end differently.
    counts = collections.Counter((f.code, f.line, f.column, f.message) for f in findings)
    return [finding for finding, count in counts.items() if count > 1]


@pytest.mark.parametrize("path", FILES, ids=[os.path.relpath(path, REPO) for path in FILES])
def test_no_two_findings_are_identical(path):
    assert _repeated(os.path.relpath(path, REPO)) == []


def test_no_two_findings_are_identical_in_a_generated_project(tmp_path):
    project = tmp_path / "project"
    generator = REPO / "bench" / "generate.py"
    subprocess.run(
        [sys.executable, str(generator), "--seed", "1", "--lines", "8000", "--out", str(project)],
        check=True, capture_output=True,
    )
    files = sorted(project.rglob("*.py"))
    assert len(files) > 40
    assert {str(path): _repeated(str(path)) for path in files} == {str(path): [] for path in files}
