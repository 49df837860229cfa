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

    @property
    def applicability(self) -> str:
        """``safe`` or ``unsafe``, the words ``--format json`` and the text mark use."""
        return "safe" if self.safe else "unsafe"

    def as_json(self) -> dict[str, object]:
        return {
            "applicability": self.applicability,
            "edits": [dataclasses.asdict(edit) for edit in self.edits],
        }


@dataclasses.dataclass(frozen=True, order=True)
class Finding:
    """A rule's verdict on one range of one file.

    Lines are 1-based and columns 0-based, as in Python's own AST; ``end_line``
    and ``end_column`` close the range an IDE underlines. ``cell`` is the
    notebook cell's 1-based position (every cell counts, markdown too) when
    the finding is in a notebook; its lines then count within that cell.
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
        """The public JSON shape: the keys documented for ``--format json``, ``cell`` in a notebook,
        and ``fix`` (its applicability and edits) when the finding has one."""
        shape: dict[str, object] = {
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
        if self.cell is not None:
            shape["cell"] = self.cell
        if self.fixable:
            shape["fix"] = self.fix.as_json()
        return shape

    @property
    def fixable(self) -> bool:
        """Does the finding carry a fix that ``--fix`` (perhaps with ``--unsafe-fixes``) can apply?"""
        return self.fix is not None and bool(self.fix.edits)

    @property
    def safely_fixable(self) -> bool:
        """Does ``--fix`` alone apply the finding's fix? The text output marks these ``[*]``."""
        return self.fixable and self.fix.safe

    @property
    def cell_location(self) -> str:
        """``cell 3:4:8`` (cell, line within it, 1-based column) for a notebook finding, else ``""``."""
        return f"cell {self.cell}:{self.line}:{self.column + 1}" if self.cell is not None else ""

    @property
    def location(self) -> str:
        """``path:line:col`` as editors link to it, ``path:cell N:line:col`` in a notebook (column 1-based)."""
        cell = f"cell {self.cell}:" if self.cell is not None else ""
        return f"{self.path}:{cell}{self.line}:{self.column + 1}"
