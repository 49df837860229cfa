"""The primer's stored-run format and diff, on synthetic findings (no snapshots, no network)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "primer" / "run.py"
_spec = importlib.util.spec_from_file_location("primer_run", SCRIPT)
primer = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = primer  # dataclasses look their module up there
_spec.loader.exec_module(primer)

REPOSITORY = primer.Repository("owner/name", "0" * 40)


def finding(path, line, symbol="commented-out-code", code="MLD702", message="m", column=0):
    return {"path": path, "line": line, "column": column, "end_line": line, "end_column": 9,
            "code": code, "symbol": symbol, "message": message}


def test_normalise_makes_paths_relative_and_sorts():
    raw = [dict(finding("./b.py", 1), severity="warning"), dict(finding("./a/x.py", 7), severity="info")]
    assert [(item["path"], item["line"]) for item in primer.normalise(raw)] == [("a/x.py", 7), ("b.py", 1)]
    assert "severity" not in primer.normalise(raw)[0]


def test_stored_run_round_trips_one_finding_per_line(tmp_path):
    findings = [finding("b.py", 3), finding("a.py", 10, "column-dtype-unset", "MLD303")]
    text = primer.dump_expected(REPOSITORY, findings)
    stored = json.loads(text)
    assert stored["counts"] == {"column-dtype-unset": 1, "commented-out-code": 1}
    assert [line for line in text.splitlines() if '"path"' in line][0].lstrip().startswith('{"path": "a.py"')
    path = tmp_path / "owner__name.json"
    path.write_text(text, encoding="utf-8")
    assert primer.load_expected(path) == sorted(findings, key=primer.sort_key)


def test_stored_run_without_findings_is_valid_json():
    assert json.loads(primer.dump_expected(REPOSITORY, []))["findings"] == []


def test_diff_reports_added_and_removed_per_rule():
    old = [finding("a.py", 1), finding("a.py", 5), finding("c.py", 2, "column-dtype-unset", "MLD303")]
    new = [finding("a.py", 1), finding("b.py", 9), finding("b.py", 9)]
    changes = {change.symbol: change for change in primer.diff(old, new)}
    assert [(item["path"], item["line"]) for item in changes["commented-out-code"].added] == [("b.py", 9)] * 2
    assert [(item["path"], item["line"]) for item in changes["commented-out-code"].removed] == [("a.py", 5)]
    assert changes["column-dtype-unset"].added == []
    assert len(changes["column-dtype-unset"].removed) == 1


def test_diff_of_identical_runs_is_empty():
    findings = [finding("a.py", 1), finding("a.py", 1)]
    assert primer.diff(findings, list(reversed(findings))) == []


def test_changed_message_is_one_removed_and_one_added():
    changes = primer.diff([finding("a.py", 1, message="old")], [finding("a.py", 1, message="new")])
    assert [(len(change.added), len(change.removed)) for change in changes] == [(1, 1)]


def test_described_changes_show_a_few_examples():
    new = [finding("a.py", line) for line in range(1, 6)]
    lines = primer.describe_changes(REPOSITORY, primer.diff([], new), examples=2)
    assert lines[0] == "  owner/name: commented-out-code: +5 -0"
    assert lines[1].strip().startswith("+ a.py:1:0")
    assert lines[-1].strip() == "+ ... 3 more"


def test_repositories_are_read_by_header(tmp_path):
    tsv = tmp_path / "REPOS.tsv"
    tsv.write_text("repo\tcommit\tnotes\nowner/name\tabc\tx\n\nother/repo\tdef\ty\n", encoding="utf-8")
    assert primer.read_repositories(tsv) == [primer.Repository("owner/name", "abc"),
                                             primer.Repository("other/repo", "def")]
    assert primer.read_repositories(tsv)[0].slug == "owner__name"
