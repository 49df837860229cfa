"""``mldebt check``'s result cache: one file's findings, keyed by everything they depend on.

The key hashes the analysis fingerprint (mldebt's version and code) and
astroid's version, the path as named and the folder mldebt runs in (findings
and fingerprints carry both), the file's text, the effective configuration
for the file (after command-line overrides), and the state of the project
index that the file's enabled cross-file rules read: a digest of the
training summaries (for a file that may serve predictions) and of the files
the project writes (``mldebt.project.index_state``). So editing a
configuration value, a training module, a stage that writes a file, or
mldebt itself recomputes exactly the results it can change.

Entries live in the user's cache folder (``summary_cache.cache_folder``,
which honours ``--cache-dir`` and ``MLDEBT_CACHE_DIR``), never in the linted
repository: there a pull request could plant an entry, at a path anyone can
compute, that reports its file clean. They are JSON, checked field by field
on load (``mldebt.cache_entries``); anything unexpected is recomputed.

An entry keeps each finding's fix (applicability and edits), so a cached
run marks fixable findings and prints ``--format json``'s ``fix`` exactly as
a fresh one. ``--fix`` and ``--diff`` never read entries: each round of
fixing analyses the text it is about to edit.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import typing

import astroid

from mldebt import summary_cache
from mldebt.cache_entries import (
    InvalidEntry,
    items,
    number,
    one_of,
    optional_number,
    read,
    record,
    text,
    truth,
    write,
)
from mldebt.config import Settings
from mldebt.finding import Confidence, Edit, Finding, Fix, Severity
from mldebt.project import _analysis_fingerprint, index_state
from mldebt.report.fingerprints import Anchor, Fingerprint

# 2: findings keep their fixes.
_FORMAT = 2
_SEVERITIES = typing.get_args(Severity)
_CONFIDENCES = typing.get_args(Confidence)
_FINDING_FIELDS = {field.name for field in dataclasses.fields(Finding)}
_EDIT_FIELDS = {field.name for field in dataclasses.fields(Edit)}
_INTEGER_FIELDS = {"line", "column", "end_line", "end_column"}


def entry_path(path: str, source: str, settings: Settings) -> str:
    """Where the results for ``path`` with text ``source`` under ``settings`` are cached."""
    parts = (
        _analysis_fingerprint(),
        astroid.__version__,
        path,
        os.path.abspath(path),
        os.path.abspath(os.curdir),
        repr(settings),
        index_state(path, source, settings),
        source,
    )
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()
    return os.path.join(summary_cache.cache_folder(), "results", _analysis_fingerprint(), f"{digest}.json")


def load(entry: str, path: str) -> tuple[list[Finding], list[Fingerprint]] | None:
    """The cached findings and fingerprints of ``path``, or ``None`` when there is no valid entry."""
    try:
        fields = record(read(entry), {"format", "path", "findings", "fingerprints"})
        if fields["format"] != _FORMAT or fields["path"] != path:
            raise InvalidEntry("an entry of another format or about another file")
        findings = list(items(fields["findings"], _finding))
        marks = list(items(fields["fingerprints"], _fingerprint))
        if len(findings) != len(marks) or any(finding.path != path for finding in findings):
            raise InvalidEntry("findings and fingerprints do not match")
        return findings, marks
    except (OSError, ValueError, RecursionError):
        return None


def store(entry: str, path: str, findings: list[Finding], marks: list[Fingerprint]) -> None:
    write(
        entry,
        {
            "format": _FORMAT,
            "path": path,
            "findings": [_finding_record(finding) for finding in findings],
            "fingerprints": [{"digest": mark.digest, **dataclasses.asdict(mark.anchor)} for mark in marks],
        },
    )


def _finding_record(finding: Finding) -> dict[str, object]:
    shape = {name: getattr(finding, name) for name in sorted(_FINDING_FIELDS - {"fix"})}
    fix = finding.fix
    shape["fix"] = None if fix is None else {"safe": fix.safe, "edits": [dataclasses.asdict(edit) for edit in fix.edits]}
    return shape


def _finding(value: object) -> Finding:
    fields = record(value, _FINDING_FIELDS)
    checked = {}
    for name, field in fields.items():
        if name in _INTEGER_FIELDS:
            checked[name] = number(field)
        elif name == "cell":
            checked[name] = optional_number(field)
        elif name == "severity":
            checked[name] = one_of(field, _SEVERITIES)
        elif name == "confidence":
            checked[name] = one_of(field, _CONFIDENCES)
        elif name == "fix":
            checked[name] = None if field is None else _fix(field)
        else:
            checked[name] = text(field)
    return Finding(**checked)


def _fix(value: object) -> Fix:
    fields = record(value, {"safe", "edits"})
    return Fix(items(fields["edits"], _edit), safe=truth(fields["safe"]))


def _edit(value: object) -> Edit:
    fields = record(value, _EDIT_FIELDS)
    return Edit(**{name: text(field) if name == "replacement" else number(field) for name, field in fields.items()})


def _fingerprint(value: object) -> Fingerprint:
    fields = record(value, {"digest", "code", "path", "scope", "statement"})
    anchor = Anchor(text(fields["code"]), text(fields["path"]), text(fields["scope"]), text(fields["statement"]))
    return Fingerprint(anchor, text(fields["digest"]))
