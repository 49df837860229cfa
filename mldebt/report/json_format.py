"""One JSON array of findings with the documented keys, for tools."""

from __future__ import annotations

import json

from mldebt.report.outcome import Report


def render_json(report: Report) -> str:
    return json.dumps([finding.as_json() for finding in report.findings], indent=2) + "\n"
