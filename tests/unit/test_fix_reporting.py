"""How fixes show in the output: the `[*]` mark, JSON's `fix`, cached runs, and `--fix`/`--diff` on the standard input."""

import io
import json
import sys
import textwrap

import pytest

from mldebt.cli import main

SCORING = textwrap.dedent(
    """\
    import torch
    from torch import nn


    class Scorer(nn.Module):
        def __init__(self):
            super().__init__()
            self.head = nn.Linear(8, 1)

        def forward(self, batch):
            return self.head(batch)


    scorer = Scorer()
    scores = scorer.forward(torch.zeros(2, 8))
    model = torch.load("weights.pt")
    """
)
SAFELY_FIXED = SCORING.replace("scorer.forward(", "scorer(")


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.mldebt]\n")
    (tmp_path / "score.py").write_text(SCORING)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MLDEBT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def _stdout_bytes(monkeypatch) -> io.BytesIO:
    """Capture what `--fix -` writes to the standard output's bytes."""
    captured = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(captured, write_through=True))
    return captured


def test_text_marks_safely_fixable_findings_and_counts_them(project, capsys):
    assert main(["check", "--no-cache", "score.py"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("score.py:15:10: warning MLD821 [*] forward-call: ")
    assert lines[1].startswith("score.py:16:9: warning MLD903 unsafe-model-deserialization: ")
    assert "[*] 1 fixable with `mldebt check --fix` (1 more with `--fix --unsafe-fixes`)." in lines


def test_only_unsafe_fixes_are_counted_without_a_mark(project, capsys):
    assert main(["check", "--no-cache", "--select", "MLD903", "score.py"]) == 1
    out = capsys.readouterr().out
    assert "[*]" not in out
    assert "1 fixable with `mldebt check --fix --unsafe-fixes`." in out


def test_json_carries_each_fix_and_its_applicability(project, capsys):
    main(["check", "--no-cache", "--format", "json", "score.py"])
    findings = {finding["code"]: finding for finding in json.loads(capsys.readouterr().out)}
    assert findings["MLD821"]["fix"] == {
        "applicability": "safe",
        "edits": [{"line": 15, "column": 15, "end_line": 15, "end_column": 23, "replacement": ""}],
    }
    assert findings["MLD903"]["fix"]["applicability"] == "unsafe"
    assert findings["MLD903"]["fix"]["edits"][0]["replacement"] == ", weights_only=True"


def test_a_finding_without_a_fix_has_no_fix_key(project, capsys):
    (project / "score.py").write_text("THRESHOLD = 0.5\nscores = model.predict_proba(X)[:, 1] > 0.73\n")
    main(["check", "--no-cache", "--format", "json", "score.py"])
    assert all("fix" not in finding for finding in json.loads(capsys.readouterr().out))


@pytest.mark.parametrize("output", ["text", "json"])
def test_a_cached_run_prints_the_same_fixes(project, capsys, output):
    main(["check", "--format", output, "score.py"])
    fresh = capsys.readouterr().out
    assert list((project / "cache").rglob("*.json"))
    main(["check", "--format", output, "score.py"])
    assert capsys.readouterr().out == fresh


def test_fix_on_stdin_prints_the_fixed_source_and_reports_the_rest(project, capsys, monkeypatch):
    _stdin(monkeypatch, SCORING.encode())
    captured = _stdout_bytes(monkeypatch)
    assert main(["check", "--fix", "--stdin-filename", "score.py", "-"]) == 1
    assert captured.getvalue().decode() == SAFELY_FIXED
    report = capsys.readouterr().err
    assert "MLD903" in report and "MLD821" not in report
    assert (project / "score.py").read_text() == SCORING


def test_fix_on_stdin_with_nothing_left_exits_clean(project, monkeypatch):
    _stdin(monkeypatch, SCORING.encode())
    captured = _stdout_bytes(monkeypatch)
    assert main(["check", "--fix", "--unsafe-fixes", "--stdin-filename", "score.py", "-"]) == 0
    assert captured.getvalue().decode() == SAFELY_FIXED.replace('"weights.pt")', '"weights.pt", weights_only=True)')


def test_diff_on_stdin_prints_only_the_diff(project, capsys, monkeypatch):
    _stdin(monkeypatch, SCORING.encode())
    assert main(["check", "--diff", "--stdin-filename", "score.py", "-"]) == 1
    out = capsys.readouterr().out
    assert "-scores = scorer.forward(torch.zeros(2, 8))\n+scores = scorer(torch.zeros(2, 8))\n" in out
    assert "weights_only" not in out


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("score.py", SCORING.encode() + b"def broken(:\n"),
        ("score.py", b"\xff\xfe not utf-8 \x81"),
        ("serve.ipynb", json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}).encode()),
    ],
)
def test_fix_on_stdin_echoes_what_it_cannot_fix_byte_for_byte(project, monkeypatch, name, data):
    _stdin(monkeypatch, data)
    captured = _stdout_bytes(monkeypatch)
    main(["check", "--fix", "--unsafe-fixes", "--stdin-filename", name, "-"])
    assert captured.getvalue() == data


def test_python_piped_under_a_notebook_name_offers_no_fix(project, capsys, monkeypatch):
    _stdin(monkeypatch, SCORING.encode())
    main(["check", "--format", "json", "--stdin-filename", "serve.ipynb", "-"])
    findings = json.loads(capsys.readouterr().out)
    assert findings and all("fix" not in finding for finding in findings)
