"""The one thing every rule produces and every front door consumes."""

from __future__ import annotations

import dataclasses
from typing import Literal

Severity = Literal["error", "warning", "info"]
Confidence = Literal["high", "medium", "low"]


@dataclasses.dataclass(frozen=True, order=True)
class Edit:
    """Replace one range of the file (same coordinates as a finding) with new text."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str


@dataclasses.dataclass(frozen=True)
class Fix:
    """The rewrite a rule proposes for its finding.

    ``safe`` fixes keep behaviour and are applied by ``--fix``; unsafe ones
    (behaviour may change, e.g. ``weights_only=True`` rejects some pickles)
    need ``--unsafe-fixes`` as well. Edits never overlap and stay inside the
    statement the finding reports.
    """

    edits: tuple[Edit, ...]
    safe: bool = True


@dataclasses.dataclass(frozen=True, order=True)
class Finding:
    """A rule's verdict on one range of one file.

    Lines are 1-based and columns 0-based, as in Python's own AST; ``end_line``
    and ``end_column`` close the range an IDE underlines. ``cell`` is the
    notebook cell index when the source came from a notebook.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    symbol: str
    message: str
    severity: Severity = "warning"
    confidence: Confidence = "high"
    cell: int | None = None
    fix: Fix | None = dataclasses.field(default=None, compare=False)

    def as_json(self) -> dict[str, object]:
        """The public JSON shape: the keys documented for ``--format json``."""
        return {
            "code": self.code,
            "symbol": self.symbol,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "severity": self.severity,
        }
