"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request.

``::warning file=src/serve.py,line=3,endLine=3,col=12,endColumn=59,title=MLD302 unstable-data-dependency::...``
Columns are 1-based and the end column is the one after the range, as in SARIF.
Values are escaped as ``@actions/core`` does: ``%``, CR and LF everywhere,
and ``:`` and ``,`` as well inside properties.
"""

from __future__ import annotations

from mldebt.finding import Finding
from mldebt.report.fingerprints import relative_path
from mldebt.report.outcome import Report

# GitHub knows error, warning and notice.
_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render_github(report: Report) -> str:
    return "".join(_annotation(finding) for finding in report.findings)


def _annotation(finding: Finding) -> str:
    properties = {**_location(finding), "title": f"{finding.code} {finding.symbol}"}
    fields = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties.items())
    return f"::{_COMMANDS[finding.severity]} {fields}::{escape_data(finding.message)}\n"


def _location(finding: Finding) -> dict[str, object]:
    return {
        "file": relative_path(finding.path),
        "line": finding.line,
        "endLine": finding.end_line,
        "col": finding.column + 1,
        "endColumn": finding.end_column + 1,
    }


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
