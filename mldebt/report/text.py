"""``path:line:col: CODE symbol: message``, the form editors and CI logs link to.

A finding in a notebook reads ``nb.ipynb:cell 3:4:8: ...``: line 4, column 8 of the notebook's third cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from mldebt.finding import Finding


def render_text(findings: Sequence[Finding], files_checked: int) -> str:
    lines = [
        f"{finding.location}: {finding.code} {finding.symbol}: {finding.message}"
        for finding in findings
    ]
    files = "file" if files_checked == 1 else "files"
    if findings:
        affected = len({finding.path for finding in findings})
        noun = "finding" if len(findings) == 1 else "findings"
        lines.append(f"Found {len(findings)} {noun} in {affected} of {files_checked} {files}.")
    else:
        lines.append(f"No findings in {files_checked} {files}.")
    return "\n".join(lines) + "\n"
