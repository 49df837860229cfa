"""Fingerprints that name a finding without its line number, for baselines and SARIF.

A fingerprint hashes the rule code, the file's path relative to the folder
mldebt runs from, the qualified name of the enclosing functions and classes,
and the statement's source text with whitespace collapsed; findings equal in
all four are numbered in order. Inserting lines above a finding, or renaming
a variable in another statement, keeps its fingerprint; editing the
statement itself, or moving it to another function, makes it a new finding.

The statement is the innermost one containing the finding's start; for a
compound statement (``if``, ``def``, ``with``...) only its header counts, so
editing the body does not change the fingerprint of a finding on the header.
"""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import os
import warnings
from collections.abc import Sequence

from mldebt.finding import Finding

FINGERPRINT_VERSION = "mldebt/v1"
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


@dataclasses.dataclass(frozen=True)
class Anchor:
    """What a finding is pinned to, in the words a reviewer reads in a baseline file."""

    code: str
    path: str
    scope: str
    statement: str


def relative_path(path: str, root: str | None = None) -> str:
    """``path`` relative to ``root`` (default: the current folder), with ``/`` separators."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, os.path.abspath(root or os.curdir))
    except ValueError:  # another drive, on Windows: no relative path exists
        relative = absolute
    return relative.replace(os.sep, "/")


@dataclasses.dataclass(frozen=True)
class Fingerprint:
    anchor: Anchor
    digest: str


def fingerprints(findings: Sequence[Finding], source: str) -> list[Fingerprint]:
    """One fingerprint per finding of one file, in the order given."""
    tree = _parse(source) if findings else None
    seen: dict[Anchor, int] = {}
    result = []
    for finding in findings:
        pinned = anchor(finding, source, tree)
        occurrence = seen.get(pinned, 0)
        seen[pinned] = occurrence + 1
        key = "\0".join(
            (FINGERPRINT_VERSION, pinned.code, pinned.path, pinned.scope, pinned.statement, str(occurrence))
        )
        result.append(Fingerprint(pinned, hashlib.sha256(key.encode()).hexdigest()[:32]))
    return result


def anchor(finding: Finding, source: str, tree: ast.Module | None) -> Anchor:
    """The scope and statement of ``finding``; ``tree`` is ``source`` parsed, or ``None`` if it does not parse."""
    scope, statement = _enclosing(tree, finding.line, finding.column) if tree is not None else ([], None)
    if statement is None:
        text = "\n".join(source.splitlines()[max(finding.line - 1, 0):finding.end_line])
    else:
        text = _statement_text(source, statement)
    return Anchor(finding.code, relative_path(finding.path), ".".join(scope), " ".join(text.split()))


def _parse(source: str) -> ast.Module | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _enclosing(tree: ast.Module, line: int, column: int) -> tuple[list[str], ast.stmt | None]:
    """The scope names around the innermost statement that contains ``(line, column)``."""
    scope: list[str] = []
    statement: ast.stmt | None = None
    body: list[ast.stmt] = tree.body
    while True:
        inner = next((node for node in body if _contains(node, line, column)), None)
        if inner is None:
            return scope, statement
        if isinstance(statement, _SCOPES):
            scope.append(statement.name)
        statement = inner
        body = list(_nested_statements(inner))


def _nested_statements(statement: ast.stmt):
    for field in ("body", "orelse", "finalbody"):
        yield from getattr(statement, field, ())
    for handler in getattr(statement, "handlers", ()):
        yield from handler.body
    for case in getattr(statement, "cases", ()):
        yield from case.body


def _contains(node: ast.stmt, line: int, column: int) -> bool:
    first = _first_line(node)
    start = (first, node.col_offset if first == node.lineno else 0)
    end = (node.end_lineno or node.lineno, node.end_col_offset or 0)
    return start <= (line, column) <= end


def _first_line(node: ast.stmt) -> int:
    return min([node.lineno, *(decorator.lineno for decorator in getattr(node, "decorator_list", ()))])


def _statement_text(source: str, statement: ast.stmt) -> str:
    """The statement's source; for a compound statement, its header up to the first nested one.

    Columns in ``ast`` count UTF-8 bytes, so lines are cut as bytes.
    """
    nested = next(iter(_nested_statements(statement)), None)
    if nested is None:
        end = (statement.end_lineno or statement.lineno, statement.end_col_offset)
    elif nested.lineno == statement.lineno:  # `if ready: go()` on one line
        end = (nested.lineno, nested.col_offset)
    else:
        end = (nested.lineno - 1, None)
    lines = [line.encode() for line in source.splitlines()[statement.lineno - 1:end[0]]]
    if not lines:
        return ""
    lines[-1] = lines[-1][:end[1]]
    lines[0] = lines[0][statement.col_offset:]
    return b"\n".join(lines).decode(errors="replace").rstrip().rstrip(":")
