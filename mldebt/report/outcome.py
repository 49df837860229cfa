"""What one ``mldebt check`` run found, handed to every renderer."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from mldebt.finding import Finding

# Lowest first: `--fail-on warning` fails on warnings and errors.
SEVERITIES = ("info", "warning", "error")


@dataclasses.dataclass(frozen=True)
class Report:
    """Findings with their fingerprints (see ``fingerprints``), in output order."""

    findings: Sequence[Finding]
    fingerprints: Sequence[str]
    files_checked: int
    # Findings the baseline already knew, left out of ``findings``.
    baselined: int = 0
