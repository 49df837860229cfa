"""The project index's disk cache: module summaries as validated JSON, outside the linted tree.

A cache inside the repository is input an attacker controls: a pull request
can plant entries at paths anyone can compute. So entries are data only
(JSON, never pickle), every field is checked on load and anything unexpected
is discarded and recomputed, and by default the cache lives in the user's
cache folder, not in the project:

1. ``--cache-dir`` on the command line (``mldebt check``), else
2. the ``MLDEBT_CACHE_DIR`` environment variable, else
3. the platform's user cache folder: ``$XDG_CACHE_HOME/mldebt`` or
   ``~/.cache/mldebt`` (Linux), ``~/Library/Caches/mldebt`` (macOS),
   ``%LOCALAPPDATA%\\mldebt`` (Windows).

Entries sit under a folder named by the analysis fingerprint (mldebt's
version and the code of the installed analysis), so two installs of
different versions, an editor's and pre-commit's, keep separate entries and
never delete each other's. Writes go to a temporary file that is renamed into
place, so parallel workers can share the folder; where nothing can be
written, the in-memory cache still answers.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable

from mldebt.analysis.features import Position, Step
from mldebt.analysis.storage import READ, WRITE, FileUse
from mldebt.cache_entries import InvalidEntry, items, number, one_of, optional_text, read, record, text, write
from mldebt.summaries import SavedArtifact, TrainingSummary

ENVIRONMENT_VARIABLE = "MLDEBT_CACHE_DIR"
_FORMAT = 1
_chosen_folder: str | None = None


def use_folder(folder: str | None) -> None:
    """Keep the cache in ``folder`` for this process (``--cache-dir``); ``None`` restores the default."""
    global _chosen_folder  # pylint: disable=global-statement  # one process-wide setting, set by the CLI
    _chosen_folder = folder


def cache_folder() -> str:
    """Where summaries are cached, by the precedence in the module docstring."""
    if _chosen_folder:
        return _chosen_folder
    if os.environ.get(ENVIRONMENT_VARIABLE):
        return os.environ[ENVIRONMENT_VARIABLE]
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(base, "mldebt")


def entry_path(fingerprint: str, digest: str, kind: str = "summaries") -> str:
    """``kind``: ``summaries`` (training summaries) or ``files`` (the files a module writes and reads)."""
    return os.path.join(cache_folder(), kind, fingerprint, f"{digest}.json")


def load(path: str, expected_source: str) -> tuple[bool, TrainingSummary | None]:
    """``(True, summary)`` for a valid entry about ``expected_source``; ``(False, None)`` for anything else."""
    return _load(path, expected_source, "summary", _summary_from)


def store(path: str, source: str, summary: TrainingSummary | None) -> None:
    write(path, {"format": _FORMAT, "source": source, "summary": summary_data(summary)})


def load_uses(path: str, expected_source: str) -> tuple[bool, tuple[FileUse, ...]]:
    """``(True, uses)`` for a valid ``files`` entry about ``expected_source``; ``(False, ())`` otherwise."""
    found, uses = _load(path, expected_source, "uses", lambda value: items(value, _file_use))
    return found, uses or ()


def store_uses(path: str, source: str, uses: tuple[FileUse, ...]) -> None:
    data = [
        {
            "name": use.name, "folder": use.folder, "mode": use.mode, "data": use.data,
            "position": _position_data(use.position), "template": use.template,
        }
        for use in uses
    ]
    write(path, {"format": _FORMAT, "source": source, "uses": data})


def _file_use(value: object) -> FileUse:
    use = record(value, {"name", "folder", "mode", "data", "position", "template"})
    if not isinstance(use["data"], bool):
        raise InvalidEntry("expected true or false")
    return FileUse(
        text(use["name"]), optional_text(use["folder"]), one_of(use["mode"], (WRITE, READ)), use["data"],
        _position(use["position"]), optional_text(use["template"]),
    )


def _load(path: str, expected_source: str, field: str, decode: Callable[[object], Any]) -> tuple[bool, Any]:
    try:
        fields = record(read(path), {"format", "source", field})
        if fields["format"] != _FORMAT or fields["source"] != expected_source:
            raise InvalidEntry("an entry of another format or about another file")
        return True, decode(fields[field])
    except (OSError, ValueError, RecursionError):
        return False, None


def summary_data(summary: TrainingSummary | None) -> dict[str, Any] | None:
    if summary is None:
        return None
    return {
        "path": summary.path,
        "steps": [_step_data(step) for step in summary.steps],
        "feature_order": list(summary.feature_order),
        "order_line": summary.order_line,
        "target": summary.target,
        "artifacts": [{"name": artifact.name, "holds": list(artifact.holds)} for artifact in summary.artifacts],
    }


def _step_data(step: Step) -> dict[str, Any]:
    position = step.position
    return {
        "feature": step.feature,
        "kind": step.kind,
        "detail": step.detail,
        "position": _position_data(position),
        "sources": list(step.sources),
        "expression": step.expression,
    }


def _summary_from(value: object) -> TrainingSummary | None:
    if value is None:
        return None
    summary = record(value, {"path", "steps", "feature_order", "order_line", "target", "artifacts"})
    return TrainingSummary(
        path=text(summary["path"]),
        steps=items(summary["steps"], _step),
        feature_order=items(summary["feature_order"], text),
        order_line=number(summary["order_line"]),
        target=optional_text(summary["target"]),
        artifacts=items(summary["artifacts"], _artifact),
    )


def _step(value: object) -> Step:
    step = record(value, {"feature", "kind", "detail", "position", "sources", "expression"})
    return Step(
        feature=text(step["feature"]),
        kind=text(step["kind"]),
        detail=text(step["detail"]),
        position=_position(step["position"]),
        sources=items(step["sources"], text),
        expression=text(step["expression"]),
    )


def _position_data(position: Position) -> list[int]:
    return [position.line, position.column, position.end_line, position.end_column]


def _position(value: object) -> Position:
    numbers = items(value, number)
    if len(numbers) != 4:
        raise InvalidEntry("a position has four numbers")
    return Position(*numbers)


def _artifact(value: object) -> SavedArtifact:
    artifact = record(value, {"name", "holds"})
    return SavedArtifact(optional_text(artifact["name"]), items(artifact["holds"], text))
