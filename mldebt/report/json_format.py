"""One JSON array of findings with the documented keys, for tools."""

from __future__ import annotations

import json
from collections.abc import Sequence

from mldebt.finding import Finding


def render_json(findings: Sequence[Finding], files_checked: int) -> str:
    del files_checked  # the array is the whole contract
    return json.dumps([finding.as_json() for finding in findings], indent=2) + "\n"
