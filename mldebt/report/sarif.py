"""SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps, IDE viewers) read.

One run; ``tool.driver.rules`` lists every rule of the registry with its
summary, documentation and default level, so a viewer can explain a result
without mldebt installed. Paths are relative to the folder mldebt ran from
(``%SRCROOT%``); columns are 1-based and ``endColumn`` is the column after
the range, as the specification says. ``partialFingerprints`` carries the
line-independent fingerprint of ``fingerprints``, so code scanning tracks a
result across edits above it.
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import urllib.parse

from mldebt import __version__
from mldebt.docs import rule_page
from mldebt.finding import Finding
from mldebt.registry import FAMILIES, all_rules, pylint_message_id
from mldebt.report.fingerprints import FINGERPRINT_VERSION, relative_path
from mldebt.report.outcome import Report
from mldebt.rule import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(report: Report) -> str:
    rules = all_rules()
    index = {rule.code: position for position, rule in enumerate(rules)}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mldebt",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {SOURCE_ROOT: {"uri": pathlib.Path(os.path.abspath(os.curdir)).as_uri() + "/"}},
                "results": [
                    _result(finding, fingerprint, index[finding.code])
                    for finding, fingerprint in zip(report.findings, report.fingerprints)
                ],
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"


def _rule(rule: type[Rule]) -> dict[str, object]:
    return {
        "id": rule.code,
        "name": rule.symbol,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _what_it_does(rule)},
        "help": {"text": rule.documentation(), "markdown": rule_page(rule)},
        "defaultConfiguration": {"level": _LEVELS[rule.severity], "enabled": rule.enabled_by_default},
        "properties": {
            "tags": [FAMILIES[rule.family()]],
            "pylintMessageId": pylint_message_id(rule),
        },
    }


def _what_it_does(rule: type[Rule]) -> str:
    """The first section of the rule's documentation, as one paragraph of plain text."""
    found = re.search(r"## What it does\n(.*?)(?:\n## |\Z)", rule.documentation(), re.DOTALL)
    text = found.group(1) if found else rule.summary
    return " ".join(text.split())


def _result(finding: Finding, fingerprint: str, rule_index: int) -> dict[str, object]:
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding)],
        "partialFingerprints": {FINGERPRINT_VERSION: fingerprint},
    }


def _location(finding: Finding) -> dict[str, object]:
    """Where the finding is: the file relative to ``%SRCROOT%`` (absolute outside it) and the full range."""
    relative = relative_path(finding.path)
    if relative.startswith("../") or os.path.isabs(relative):
        artifact = {"uri": pathlib.Path(os.path.abspath(finding.path)).as_uri()}
    else:
        artifact = {"uri": urllib.parse.quote(relative), "uriBaseId": SOURCE_ROOT}
    region = {
        "startLine": finding.line,
        "startColumn": finding.column + 1,
        "endLine": finding.end_line,
        "endColumn": finding.end_column + 1,
    }
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}
