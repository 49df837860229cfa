"""The example project: all three doors report the findings its EXPECTED.md documents."""

import collections
import json
import os
import re
import subprocess
import sys

from functional_harness import REPO, flake8_findings, pylint_findings

EXAMPLE = REPO / "examples" / "house_prices"
_ROW = re.compile(r"^\| (?P<file>[\w/]+\.py) \| (?P<line>\d+) \| (?P<code>MLD\d{3}) \|", re.MULTILINE)


def _documented() -> collections.Counter:
    text = (EXAMPLE / "EXPECTED.md").read_text(encoding="utf-8")
    return collections.Counter(
        (os.path.join("examples", "house_prices", match["file"]), int(match["line"]), match["code"])
        for match in _ROW.finditer(text)
    )


def _cli() -> collections.Counter:
    result = subprocess.run(
        [sys.executable, "-m", "mldebt", "check", "--format", "json", os.path.join("examples", "house_prices")],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1, result.stderr
    return collections.Counter((f["path"], f["line"], f["code"]) for f in json.loads(result.stdout))


def test_cli_reports_what_expected_md_documents():
    documented = _documented()
    assert sum(documented.values()) == 27
    assert _cli() == documented


def test_pylint_and_flake8_agree_with_the_cli():
    files = sorted(EXAMPLE.rglob("*.py"))
    via_pylint = collections.Counter(
        (path, line, code) for path, found in pylint_findings(files).items() for line, _, _, _, code in found
    )
    via_flake8 = collections.Counter(
        (path, line, code) for path, found in flake8_findings(files).items() for line, _, code in found
    )
    assert via_pylint == via_flake8 == _cli()
