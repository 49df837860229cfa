"""No front door reports one finding twice: every fixture and the example project, every rule enabled."""

from __future__ import annotations

import collections
import os

import pytest

from functional_harness import REPO, fixture_files
from mldebt.config import HostOverrides, settings_for
from mldebt.engine import analyze
from mldebt.source import read_source

EVERY_RULE = HostOverrides(extend_select=("MLD",))
FILES = fixture_files() + sorted((REPO / "examples").rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=[os.path.relpath(path, REPO) for path in FILES])
def test_no_two_findings_are_identical(path):
    relative = os.path.relpath(path, REPO)
    findings = analyze(relative, read_source(str(path)), settings_for(str(path)).with_overrides(EVERY_RULE))
    # What a user sees (flake8 shows no end): two findings alike in these are one reported twice,
    # even when their ranges end differently.
    counts = collections.Counter((f.code, f.line, f.column, f.message) for f in findings)
    assert [finding for finding, count in counts.items() if count > 1] == []
