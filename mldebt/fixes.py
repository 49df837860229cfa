"""Applying the fixes rules attach to findings: ``mldebt check --fix`` and ``--diff``.

A file is analysed, the fixes of its findings that the run allows (safe ones,
unsafe ones too with ``--unsafe-fixes``) are applied in source order, and a
fix whose edits overlap one applied before it is left for the next round:
the file is analysed afresh and the loop goes on until no fix applies or
``MAX_ROUNDS`` is reached (as ruff does). Only the edited ranges change;
every other byte of the file (line endings, encoding, byte-order mark,
comments) is written back as it was read.

Files are never fixed when they do not parse, nor when they are notebooks
(their findings are reported, not fixed). A round whose result would not
parse is dropped and the file keeps the last text that did.
"""

from __future__ import annotations

import dataclasses
import difflib
import io
import tokenize
from collections.abc import Iterable

from mldebt.analysis.edits import LINE_END
from mldebt.config import Settings
from mldebt.engine import analyze
from mldebt.finding import Edit, Finding, Fix
from mldebt.rules.internal.unparsable_source import UnparsableSource
from mldebt.source import UnreadableSource, check_syntax

# Each round applies every fix that does not overlap another; a later round
# only catches fixes that overlapped or that earlier fixes made possible.
MAX_ROUNDS = 10
NOTEBOOK_SUFFIX = ".ipynb"


@dataclasses.dataclass(frozen=True)
class FixedFile:
    """The outcome of fixing one file; ``text`` is what it holds after the fixes."""

    path: str
    original: str
    text: str
    encoding: str
    findings: tuple[Finding, ...]
    applied: int
    problem: str | None = None

    @property
    def changed(self) -> bool:
        return self.text != self.original

    @property
    def unsafe_left(self) -> int:
        """Remaining findings whose fix ``--unsafe-fixes`` would apply."""
        return sum(1 for finding in self.findings if finding.fixable and not finding.fix.safe)

    def diff(self) -> str:
        """A unified diff from the file as read to the fixed text (empty when nothing changed)."""
        if not self.changed:
            return ""
        lines = difflib.unified_diff(
            _keep_ends(self.original), _keep_ends(self.text), fromfile=f"a/{self.path}", tofile=f"b/{self.path}"
        )
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
                       for line in lines)

    def write(self) -> None:
        """Write the fixed text back in the file's own encoding, newlines untranslated."""
        with open(self.path, "wb") as stream:
            stream.write(self.text.encode(self.encoding))


def allowed(fix: Fix | None, *, unsafe: bool) -> bool:
    """Does this run apply ``fix``? Safe fixes always, unsafe ones with ``--unsafe-fixes``."""
    return fix is not None and bool(fix.edits) and (fix.safe or unsafe)


def fix_file(path: str, settings: Settings, *, unsafe: bool) -> FixedFile:
    """Analyse ``path`` and apply its fixes in rounds; nothing is written (see ``FixedFile.write``)."""
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as error:
        return FixedFile(path, "", "", "utf-8", (), 0, f"cannot read the file: {error.strerror or error}")
    return fix_bytes(path, data, settings, unsafe=unsafe)


def fix_bytes(path: str, data: bytes, settings: Settings, *, unsafe: bool) -> FixedFile:
    """``fix_file`` on the bytes of a file (or of the standard input), decoded as Python would."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        original = data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        return FixedFile(path, "", "", "utf-8", (), 0, f"cannot read the file: {error}")
    return fix_text(path, original, encoding, settings, unsafe=unsafe)


def fix_text(path: str, original: str, encoding: str, settings: Settings, *, unsafe: bool) -> FixedFile:
    """``fix_file`` on text already read; ``encoding`` is the one the result must still fit."""
    text, applied, problem = original, 0, None
    findings = analyze(path, text, settings)
    if path.endswith(NOTEBOOK_SUFFIX) or any(finding.code == UnparsableSource.code for finding in findings):
        return FixedFile(path, original, original, encoding, tuple(findings), 0)
    try:
        check_syntax(text, path)
    except UnreadableSource:
        # MLD001 may be disabled; a file that does not parse is still never edited.
        return FixedFile(path, original, original, encoding, tuple(findings), 0)
    for _ in range(MAX_ROUNDS):
        fixes = [finding.fix for finding in findings if allowed(finding.fix, unsafe=unsafe)]
        if not fixes:
            break
        candidate, count = apply_fixes(text, fixes)
        problem = _unusable(candidate, path, encoding, findings)
        if count == 0 or candidate == text or problem:
            break
        text, applied = candidate, applied + count
        findings = analyze(path, text, settings)
    return FixedFile(path, original, text, encoding, tuple(findings), applied, problem)


def _unusable(candidate: str, path: str, encoding: str, findings: Iterable[Finding]) -> str | None:
    """Why a round's result cannot be kept (it does not parse or not encode), or ``None``."""
    codes = ", ".join(sorted({finding.code for finding in findings if finding.fix is not None}))
    try:
        check_syntax(candidate, path)
    except UnreadableSource as error:
        return f"the fixes of {codes} would leave a {error}; the file was not fixed further (please report this)"
    try:
        candidate.encode(encoding)
    except UnicodeEncodeError:
        return f"the fixes of {codes} need characters the file's encoding {encoding} lacks; not applied"
    return None


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """``text`` with every fix applied that overlaps no fix before it in source order; and how many were.

    A fix is all or nothing: when one of its edits overlaps an earlier fix's,
    none of its edits is applied. Edits that touch at one point (an insertion
    at the end of another edit) do not overlap.
    """
    lines = _Lines(text)
    spans = []
    for fix in fixes:
        edits = sorted((lines.offset(edit.line, edit.column), lines.offset(edit.end_line, edit.end_column), edit)
                       for edit in fix.edits)
        if edits and all(start <= end for start, end, _ in edits):
            spans.append((edits[0][0], edits[-1][1], edits))
    spans.sort(key=lambda span: (span[0], span[1]))
    chosen: list[tuple[int, int, str]] = []
    count, last_end = 0, -1
    for _, _, edits in spans:
        if any(start < last_end for start, _, _ in edits) or _self_overlapping(edits):
            continue
        chosen.extend((start, end, edit.replacement) for start, end, edit in edits)
        last_end = max(end for _, end, _ in edits)
        count += 1
    pieces, position = [], 0
    for start, end, replacement in chosen:
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), count


def _self_overlapping(edits: list[tuple[int, int, Edit]]) -> bool:
    return any(later[0] < earlier[1] for earlier, later in zip(edits, edits[1:]))


def _keep_ends(text: str) -> list[str]:
    lines, position = [], 0
    for match in LINE_END.finditer(text):
        lines.append(text[position:match.end()])
        position = match.end()
    if position < len(text):
        lines.append(text[position:])
    return lines


class _Lines:
    """Maps a finding's (line, column) to an index into the text.

    Lines are 1-based and split where Python splits them; columns are the
    AST's, counted in UTF-8 bytes, so they are converted per line to
    characters.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0] + [match.end() for match in LINE_END.finditer(text)]

    def offset(self, line: int, column: int) -> int:
        if line < 1:
            return 0
        if line > len(self._starts):
            return len(self._text)
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(self._text)
        content = self._text[start:end]
        prefix = content.encode("utf-8")[:column].decode("utf-8", errors="ignore")
        return start + min(len(prefix), len(content.rstrip("\r\n")))
