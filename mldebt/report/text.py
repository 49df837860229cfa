"""``path:line:col: severity CODE symbol: message``, the form editors and CI logs link to.

The listing ends with a summary line (counts by severity, and how many
findings the baseline hid) and a pointer to ``mldebt explain``.
"""

from __future__ import annotations

from collections import Counter

from mldebt.report.outcome import SEVERITIES, Report


def render_text(report: Report) -> str:
    findings = report.findings
    lines = [
        f"{finding.path}:{finding.line}:{finding.column + 1}: {finding.severity} "
        f"{finding.code} {finding.symbol}: {finding.message}"
        for finding in findings
    ]
    files = "file" if report.files_checked == 1 else "files"
    known = f"; {report.baselined} known from the baseline not shown" if report.baselined else ""
    if findings:
        affected = len({finding.path for finding in findings})
        noun = "finding" if len(findings) == 1 else "findings"
        counts = Counter(finding.severity for finding in findings)
        by_severity = ", ".join(
            _count(counts[severity], severity) for severity in reversed(SEVERITIES) if counts[severity]
        )
        lines.append(
            f"Found {len(findings)} {noun} ({by_severity}) in {affected} of {report.files_checked} {files}{known}."
        )
        lines.append(f"Run `mldebt explain {findings[0].code}` (or any code) for what a rule looks for and why.")
    else:
        lines.append(f"No findings in {report.files_checked} {files}{known}.")
    return "\n".join(lines) + "\n"


def _count(number: int, severity: str) -> str:
    plural = "" if number == 1 or severity == "info" else "s"
    return f"{number} {severity}{plural}"
