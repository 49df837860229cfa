"""`--format sarif|github`, `--statistics` and the text summary, checked through the CLI."""

import json
import textwrap

import jsonschema
import pytest

from functional_harness import REPO
from mldebt.cli import main
from mldebt.registry import all_rules
from mldebt.report.github import escape_data, escape_property

SARIF_SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

SERVING = textwrap.dedent(
    """\
    import pandas as pd

    listings = pd.read_csv("https://example.com/listings.csv")


    class Scorer:
        def approve(self, model, rows):
            proba = model.predict_proba(rows)[:, 1]
            return proba > 0.93
    """
)


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.mldebt]\nignore = ["MLD303"]\n')
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "score it.py").write_text(SERVING)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _sarif(capsys, *arguments):
    assert main(["check", "--format", "sarif", *arguments]) == 1
    return json.loads(capsys.readouterr().out)


def test_sarif_validates_against_the_official_schema(project, capsys):
    log = _sarif(capsys, "src")
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    # The validator is strict enough to catch what a renderer could get wrong: 0-based columns.
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)


def test_sarif_rules_come_from_the_registry_with_their_docs(project, capsys):
    driver = _sarif(capsys, "src")["runs"][0]["tool"]["driver"]
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in all_rules()]
    threshold = next(rule for rule in driver["rules"] if rule["id"] == "MLD401")
    assert threshold["name"] == "hardcoded-threshold"
    assert threshold["shortDescription"]["text"] == next(r.summary for r in all_rules() if r.code == "MLD401")
    assert "## Why is this bad" in threshold["help"]["markdown"]
    assert threshold["fullDescription"]["text"] and "##" not in threshold["fullDescription"]["text"]
    assert threshold["defaultConfiguration"] == {"level": "warning", "enabled": True}


def test_sarif_results_have_full_one_based_regions_relative_uris_and_fingerprints(project, capsys):
    run = _sarif(capsys, "src")["runs"][0]
    results = {result["ruleId"]: result for result in run["results"]}
    assert set(results) == {"MLD302", "MLD401"}
    threshold = results["MLD401"]
    assert run["tool"]["driver"]["rules"][threshold["ruleIndex"]]["id"] == "MLD401"
    location = threshold["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "src/score%20it.py", "uriBaseId": "%SRCROOT%"}
    # `proba > 0.93` on line 9, columns 16-27 in 1-based SARIF terms (the end is the column after it).
    assert location["region"] == {"startLine": 9, "startColumn": 16, "endLine": 9, "endColumn": 28}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.as_uri() + "/"
    fingerprint = threshold["partialFingerprints"]["mldebt/v1"]
    # Lines inserted above do not change the fingerprint.
    (project / "src" / "score it.py").write_text("import os\n\n" + SERVING)
    moved = {r["ruleId"]: r for r in _sarif(capsys, "src")["runs"][0]["results"]}["MLD401"]
    assert moved["locations"][0]["physicalLocation"]["region"]["startLine"] == 11
    assert moved["partialFingerprints"]["mldebt/v1"] == fingerprint


def test_sarif_names_a_file_outside_the_run_folder_by_its_absolute_uri(project, capsys, monkeypatch):
    (project / "elsewhere").mkdir()
    monkeypatch.chdir(project / "elsewhere")
    log = _sarif(capsys, str(project / "src"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": (project / "src" / "score it.py").as_uri()}


def test_github_annotations(project, capsys):
    assert main(["check", "--format", "github", "src"]) == 1
    lines = capsys.readouterr().out.splitlines()
    threshold = next(line for line in lines if "MLD401" in line)
    head, message = threshold.split("::", 2)[1:]
    assert head == (
        "warning file=src/score it.py,line=9,endLine=9,col=16,endColumn=28,title=MLD401 hardcoded-threshold"
    )
    assert "0.93" in message


def test_github_escaping():
    assert escape_data("50% of rows\nnext") == "50%25 of rows%0Anext"
    assert escape_property("a,b:c%\r") == "a%2Cb%3Ac%25%0D"


def test_statistics_count_per_rule(project, capsys):
    (project / "src" / "more.py").write_text(
        "import numpy as np\n\n\ndef keep(model, rows):\n    return model.predict_proba(rows)[:, 1] > 0.75\n"
    )
    assert main(["check", "--statistics", "src"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "2\tMLD401\thardcoded-threshold",
        "1\tMLD302\tunstable-data-dependency",
    ]
    assert main(["check", "--statistics", "--format", "json", "src"]) == 1
    assert json.loads(capsys.readouterr().out)[0] == {"code": "MLD401", "symbol": "hardcoded-threshold", "count": 2}
    assert main(["check", "--statistics", "--format", "sarif", "src"]) == 2


def test_text_shows_severity_and_ends_with_summary_and_explain_hint(project, capsys):
    assert main(["check", "src"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("src/score it.py:3:12: warning MLD302 unstable-data-dependency: ")
    assert lines[-2] == "Found 2 findings (2 warnings) in 1 of 1 file."
    assert "mldebt explain MLD302" in lines[-1]
