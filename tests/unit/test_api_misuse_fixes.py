"""The family-8 fixes: applied to tests/fixes/api_misuse/<name>.py they give <name>.py.fixed.

Edits are applied as ``--fix`` applies safe fixes (byte columns, last edit
first); the result parses and a second run proposes no safe fix.
"""

import ast
from pathlib import Path

import pytest

from mldebt.config import settings_for
from mldebt.engine import analyze

FIXES = Path(__file__).resolve().parent.parent / "fixes" / "api_misuse"
CASES = sorted(FIXES.glob("*.py"))


def _safe_edits(path: Path, text: str):
    findings = analyze(str(path), text, settings_for(str(path)))
    return sorted((edit for finding in findings if finding.fix and finding.fix.safe for edit in finding.fix.edits),
                  reverse=True)


def _apply(text: str, edits) -> str:
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line.encode("utf-8")))
    data = text.encode("utf-8")
    for edit in edits:
        begin = starts[edit.line - 1] + edit.column
        end = starts[edit.end_line - 1] + edit.end_column
        data = data[:begin] + edit.replacement.encode("utf-8") + data[end:]
    return data.decode("utf-8")


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_fix_gives_the_expected_file(case):
    text = case.read_text(encoding="utf-8")
    edits = _safe_edits(case, text)
    assert edits, "the input has something to fix"
    fixed = _apply(text, edits)
    ast.parse(fixed)
    assert fixed == case.with_name(case.name + ".fixed").read_text(encoding="utf-8")
    assert not _safe_edits(case, fixed)
