"""The one thing every rule produces and every front door consumes."""

from __future__ import annotations

import dataclasses
from typing import Literal

Severity = Literal["error", "warning", "info"]
Confidence = Literal["high", "medium", "low"]


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
