"""Run fixtures through the three front doors and read the expectations marked in them.

A fixture marks each expected finding at the end of its line:

    if proba[0] > 0.73:  # [hardcoded-threshold]

Several findings on one line: ``# [hardcoded-hyperparameter, hardcoded-hyperparameter]``.

Notebook fixtures (``.ipynb``) carry the same markers at the end of lines in
their code cells; their expectations are ``(cell, line, code)``, the cell
counted among all cells from 1 and the line within it.
"""

from __future__ import annotations

import collections
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from mldebt.config import settings_for
from mldebt.engine import analyze, analyze_notebook
from mldebt.registry import find_rule
from mldebt.source import read_source

REPO = Path(__file__).resolve().parent.parent
FUNCTIONAL = REPO / "tests" / "functional"
_MARKER = re.compile(r"#\s*\[(?P<symbols>[a-z0-9\-]+(?:\s*,\s*[a-z0-9\-]+)*)\]\s*$")

# (line, code) with multiplicity: two findings on one line count twice.
Expectation = collections.Counter


def fixture_files() -> list[Path]:
    return sorted(FUNCTIONAL.rglob("*.py"))


def expected_findings(path: Path) -> Expectation:
    expected: Expectation = collections.Counter()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _MARKER.search(line)
        if match:
            for symbol in match.group("symbols").split(","):
                rule = find_rule(symbol.strip())
                assert rule is not None, f"{path}:{number}: unknown rule {symbol!r} in marker"
                expected[(number, rule.code)] += 1
    return expected


def notebook_fixtures() -> list[Path]:
    return sorted(FUNCTIONAL.rglob("*.ipynb"))


def expected_notebook_findings(path: Path) -> Expectation:
    """(cell, line, code) for each marker in the notebook's code cells."""
    expected: Expectation = collections.Counter()
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for index, cell in enumerate(cells, start=1):
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        if cell["cell_type"] != "code":
            continue
        for number, line in enumerate(source.splitlines(), start=1):
            match = _MARKER.search(line)
            if match:
                for symbol in match.group("symbols").split(","):
                    rule = find_rule(symbol.strip())
                    assert rule is not None, f"{path}: cell {index}:{number}: unknown rule {symbol!r} in marker"
                    expected[(index, number, rule.code)] += 1
    return expected


def core_notebook_findings(path: Path) -> list[tuple[int, int, int, str]]:
    """(cell, line, column, code) from the engine, as `mldebt check` runs it on a notebook."""
    relative = os.path.relpath(path, REPO)
    findings = analyze_notebook(relative, path.read_text(encoding="utf-8"), settings_for(str(path)))
    return [(f.cell, f.line, f.column, f.code) for f in findings]


# A host reports a notebook's finding at the file's start, the cell in its message: "cell 3:4:8: ...".
_CELL_PREFIX = re.compile(r"cell (?P<cell>\d+):(?P<line>\d+):(?P<column>\d+): ")


def host_notebook_findings(paths: Iterable[Path]) -> dict[str, dict[str, list[tuple]]]:
    """(cell, line, column, code) per host and relative path, read from pylint's and flake8's messages."""
    relative = [os.path.relpath(path, REPO) for path in paths]
    pylint = _run(
        [
            sys.executable, "-m", "pylint", "--load-plugins=pylint_mldebt", "--disable=all", "--enable=mldebt",
            "--output-format=json2", "--persistent=n", "--score=n", *relative,
        ]
    )
    flake8 = _run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=MLD", "--format=%(path)s|%(code)s|%(text)s", *relative]
    )
    assert "Traceback" not in pylint.stderr + flake8.stderr, pylint.stderr + flake8.stderr
    found: dict[str, dict[str, list[tuple]]] = {host: collections.defaultdict(list) for host in ("pylint", "flake8")}
    for message in json.loads(pylint.stdout)["messages"]:
        where = _CELL_PREFIX.match(message["message"])
        code = find_rule(message["symbol"]).code
        found["pylint"][os.path.normpath(message["path"])].append(
            (int(where["cell"]), int(where["line"]), int(where["column"]) - 1, code)
        )
    for row in flake8.stdout.splitlines():
        path, code, text = row.split("|", 2)
        where = _CELL_PREFIX.match(text.split(": ", 1)[1])
        found["flake8"][os.path.normpath(path)].append(
            (int(where["cell"]), int(where["line"]), int(where["column"]) - 1, code)
        )
    return found


def core_findings(path: Path) -> list[tuple[int, int, int, int, str]]:
    """(line, column, end_line, end_column, code) from the engine, as `mldebt check` runs it."""
    relative = os.path.relpath(path, REPO)
    findings = analyze(relative, read_source(str(path)), settings_for(str(path)))
    return [(f.line, f.column, f.end_line, f.end_column, f.code) for f in findings]


def _run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)


def pylint_findings(paths: Iterable[Path], jobs: int = 1) -> dict[str, list[tuple]]:
    """Findings per relative path: (line, column, end_line, end_column, code)."""
    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as rcfile:
        rcfile.write("")
    try:
        result = _run(
            [
                sys.executable, "-m", "pylint", f"--rcfile={rcfile.name}", "--load-plugins=pylint_mldebt",
                "--disable=all", "--enable=mldebt", "--output-format=json2", f"--jobs={jobs}",
                "--persistent=n", "--score=n",
                *[os.path.relpath(path, REPO) for path in paths],
            ]
        )
    finally:
        os.unlink(rcfile.name)
    assert result.returncode & 32 == 0 and "Traceback" not in result.stderr, result.stderr
    by_path: dict[str, list[tuple]] = collections.defaultdict(list)
    for message in json.loads(result.stdout)["messages"]:
        rule = find_rule(message["symbol"])
        assert rule is not None, message
        by_path[os.path.normpath(message["path"])].append(
            (message["line"], message["column"], message["endLine"], message["endColumn"], rule.code)
        )
    return by_path


def flake8_findings(paths: Iterable[Path], jobs: int = 1) -> dict[str, list[tuple[int, int, str]]]:
    """Findings per relative path: (line, 0-based column, code)."""
    result = _run(
        [
            sys.executable, "-m", "flake8", "--isolated", "--select=MLD", f"--jobs={jobs}",
            "--format=%(path)s|%(row)d|%(col)d|%(code)s",
            *[os.path.relpath(path, REPO) for path in paths],
        ]
    )
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
    by_path: dict[str, list[tuple[int, int, str]]] = collections.defaultdict(list)
    for row in result.stdout.splitlines():
        path, line, column, code = row.rsplit("|", 3)
        by_path[os.path.normpath(path)].append((int(line), int(column) - 1, code))
    return by_path
