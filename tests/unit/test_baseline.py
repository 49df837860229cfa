"""`--write-baseline` / `--baseline`: known findings stay hidden across edits that do not touch them."""

import json
import textwrap

import pytest

from mldebt.cli import main
from mldebt.finding import Finding
from mldebt.report.fingerprints import fingerprints

SCORING = textwrap.dedent(
    """\
    import numpy as np


    def approve(model, rows):
        proba = model.predict_proba(rows)[:, 1]
        return proba > 0.93


    def flag(model, rows):
        scores = model.predict_proba(rows)[:, 1]
        return scores > 0.8
    """
)


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.mldebt]\n")
    (tmp_path / "scoring.py").write_text(SCORING)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _reported(capsys, *arguments):
    main(["check", "--format", "json", "--baseline", "baseline.json", *arguments, "scoring.py"])
    return [(finding["code"], finding["line"]) for finding in json.loads(capsys.readouterr().out)]


def test_baseline_hides_known_findings_across_inserted_lines_and_renames_elsewhere(project, capsys):
    assert main(["check", "--write-baseline", "baseline.json", "scoring.py"]) == 0
    assert _reported(capsys) == []
    edited = SCORING.replace("import numpy as np\n", "import numpy as np\nimport pandas as pd\n\nLIMIT = 3\n")
    edited = edited.replace("scores", "risk")  # renamed in flag(), nothing changes in approve()
    (project / "scoring.py").write_text(edited)
    # flag()'s statement changed, so its finding is new; approve()'s moved down three lines and stays known.
    assert _reported(capsys) == [("MLD401", 14)]
    assert main(["check", "--baseline", "baseline.json", "scoring.py"]) == 1
    assert "1 known from the baseline not shown" in capsys.readouterr().out


def test_a_new_finding_is_reported_and_fails(project, capsys):
    assert main(["check", "--write-baseline", "baseline.json", "scoring.py"]) == 0
    with open("scoring.py", "a") as stream:
        stream.write("\n\ndef strict(model, rows):\n    return model.predict_proba(rows)[:, 1] > 0.99\n")
    assert main(["check", "--baseline", "baseline.json", "scoring.py"]) == 1
    assert "Found 1 finding" in capsys.readouterr().out
    assert _reported(capsys) == [("MLD401", 15)]


def test_rewriting_the_baseline_drops_fixed_findings_and_is_stable(project, capsys):
    assert main(["check", "--write-baseline", "baseline.json", "scoring.py"]) == 0
    first = (project / "baseline.json").read_text()
    document = json.loads(first)
    assert [entry["scope"] for entry in document["findings"]] == ["approve", "flag"]
    assert document["findings"][0] == {
        "code": "MLD401",
        "fingerprint": document["findings"][0]["fingerprint"],
        "path": "scoring.py",
        "scope": "approve",
        "statement": "return proba > 0.93",
    }
    assert "\"line\"" not in first
    assert main(["check", "--write-baseline", "baseline.json", "scoring.py"]) == 0
    assert (project / "baseline.json").read_text() == first
    (project / "scoring.py").write_text(SCORING.replace("scores > 0.8", "scores > model.threshold"))
    assert main(["check", "--write-baseline", "baseline.json", "scoring.py"]) == 0
    assert [entry["scope"] for entry in json.loads((project / "baseline.json").read_text())["findings"]] == ["approve"]


def test_a_broken_baseline_is_a_usage_error(project, capsys):
    (project / "baseline.json").write_text('{"findings": []}')
    assert main(["check", "--baseline", "baseline.json", "scoring.py"]) == 2
    assert "not an mldebt baseline" in capsys.readouterr().err
    assert main(["check", "--baseline", "missing.json", "scoring.py"]) == 2


def test_duplicate_statements_in_one_scope_get_distinct_fingerprints():
    source = "def f(p):\n    a = p > 0.9\n    a = p > 0.9\n"
    found = [Finding("m.py", line, 8, line, 15, "MLD401", "hardcoded-threshold", "m") for line in (2, 3)]
    first, second = fingerprints(found, source)
    assert first.anchor == second.anchor and first.digest != second.digest


def test_fingerprint_of_a_compound_statement_is_its_header():
    source = "def f(p):\n    if p > 0.9:\n        return 1\n"
    finding = Finding("m.py", 2, 7, 2, 14, "MLD401", "hardcoded-threshold", "m")
    body_edited = source.replace("return 1", "return 2")
    assert fingerprints([finding], source)[0].anchor.statement == "if p > 0.9"
    assert fingerprints([finding], source) == fingerprints([finding], body_edited)
