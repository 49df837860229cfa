"""``path:line:col: severity CODE symbol: message``, the form editors and CI logs link to.

A finding in a notebook reads ``nb.ipynb:cell 3:4:8: ...``: line 4, column 8 of the notebook's third cell.
As in ruff, ``[*]`` after the code marks a finding that ``mldebt check --fix``
fixes (a safe fix; notebooks are never fixed, so their findings carry none).
The listing ends with a summary line (counts by severity, and how many
findings the baseline hid), how many findings ``--fix`` (and
``--unsafe-fixes``) would fix, and a pointer to ``mldebt explain``.
"""

from __future__ import annotations

from collections import Counter

from mldebt.report.outcome import SEVERITIES, Report


def render_text(report: Report) -> str:
    findings = report.findings
    lines = [
        f"{finding.location}: {finding.severity} {finding.code}{' [*]' if finding.safely_fixable else ''} "
        f"{finding.symbol}: {finding.message}"
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
        fixable = _fixable(findings)
        if fixable:
            lines.append(fixable)
        lines.append(f"Run `mldebt explain {findings[0].code}` (or any code) for what a rule looks for and why.")
    else:
        lines.append(f"No findings in {report.files_checked} {files}{known}.")
    return "\n".join(lines) + "\n"


def _fixable(findings) -> str:
    """``[*] 2 fixable with `mldebt check --fix` (1 more with `--fix --unsafe-fixes`).``, or ``""``."""
    safe = sum(1 for finding in findings if finding.safely_fixable)
    unsafe = sum(1 for finding in findings if finding.fixable and not finding.fix.safe)
    more = f"{unsafe} more with `--fix --unsafe-fixes`"
    if safe and unsafe:
        return f"[*] {safe} fixable with `mldebt check --fix` ({more})."
    if safe:
        return f"[*] {safe} fixable with `mldebt check --fix`."
    return f"{unsafe} fixable with `mldebt check --fix --unsafe-fixes`." if unsafe else ""


def _count(number: int, severity: str) -> str:
    plural = "" if number == 1 or severity == "info" else "s"
    return f"{number} {severity}{plural}"
