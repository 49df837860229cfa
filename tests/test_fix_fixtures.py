"""Every fix fixture: ``tests/fixes/<family>/<name>.py`` fixed gives its sibling ``<name>.py.fixed``.

Each pair is copied with ``tests/fixes/pyproject.toml`` into a temporary
project and fixed there (unsafe fixes included: each fixture shows its rule's
fix, whatever its safety). The result must equal the ``.fixed`` file byte for
byte, parse, no longer carry the fixed findings where they were, and leave a
second run nothing to fix. New pairs are picked up without code changes.
"""

import ast
import shutil

import pytest

from functional_harness import REPO
from mldebt.config import settings_for
from mldebt.engine import analyze
from mldebt.fixes import allowed, fix_file

FIXES = REPO / "tests" / "fixes"
PAIRS = sorted(path.with_suffix("") for path in FIXES.rglob("*.py.fixed"))


def test_every_expected_file_has_its_fixture():
    assert PAIRS, "no fix fixtures under tests/fixes"
    assert [pair for pair in PAIRS if not pair.exists()] == []


@pytest.mark.parametrize("fixture", PAIRS, ids=[str(pair.relative_to(FIXES)) for pair in PAIRS])
def test_fix_gives_the_expected_file(fixture, tmp_path, monkeypatch):
    shutil.copy(FIXES / "pyproject.toml", tmp_path / "pyproject.toml")
    relative = fixture.relative_to(FIXES)
    (tmp_path / relative.parent).mkdir(parents=True)
    shutil.copy(fixture, tmp_path / relative)
    monkeypatch.chdir(tmp_path)
    path = str(relative)
    settings = settings_for(path)

    first = fix_file(path, settings, unsafe=True)
    assert first.problem is None
    assert first.applied > 0, "the fixture has nothing to fix"
    first.write()
    result = (tmp_path / relative).read_bytes()
    assert result == fixture.with_name(fixture.name + ".fixed").read_bytes()
    ast.parse(result)

    before = analyze(path, fixture.read_text(encoding="utf-8"), settings)
    fixed_places = {(finding.code, finding.line) for finding in before if allowed(finding.fix, unsafe=True)}
    assert not fixed_places & {(finding.code, finding.line) for finding in first.findings}

    second = fix_file(path, settings, unsafe=True)
    assert second.applied == 0
    assert not second.changed
