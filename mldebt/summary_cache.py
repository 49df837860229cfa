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

import json
import os
import sys
import tempfile
from typing import Any, Callable

from mldebt.analysis.features import Position, Step
from mldebt.summaries import SavedArtifact, TrainingSummary

ENVIRONMENT_VARIABLE = "MLDEBT_CACHE_DIR"
_FORMAT = 1
_chosen_folder: str | None = None


class InvalidEntry(ValueError):
    """A cache entry that is not exactly what mldebt writes."""


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
    """``kind``: ``summaries`` (training summaries) or ``writes`` (the file names a module writes)."""
    return os.path.join(cache_folder(), kind, fingerprint, f"{digest}.json")


def load(path: str, expected_source: str) -> tuple[bool, TrainingSummary | None]:
    """``(True, summary)`` for a valid entry about ``expected_source``; ``(False, None)`` for anything else."""
    return _load(path, expected_source, "summary", _summary_from)


def store(path: str, source: str, summary: TrainingSummary | None) -> None:
    _store(path, source, "summary", _summary_data(summary))


def load_names(path: str, expected_source: str) -> tuple[bool, frozenset[str]]:
    """``(True, names)`` for a valid ``writes`` entry about ``expected_source``; ``(False, empty)`` otherwise."""
    found, names = _load(path, expected_source, "names", lambda value: frozenset(_items(value, _text)))
    return found, names or frozenset()


def store_names(path: str, source: str, names: frozenset[str]) -> None:
    _store(path, source, "names", sorted(names))


def _load(path: str, expected_source: str, field: str, decode: Callable[[object], Any]) -> tuple[bool, Any]:
    try:
        with open(path, encoding="utf-8") as stream:
            entry = json.load(stream)
        fields = _record(entry, {"format", "source", field})
        if fields["format"] != _FORMAT or fields["source"] != expected_source:
            raise InvalidEntry("an entry of another format or about another file")
        return True, decode(fields[field])
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return False, None


def _store(path: str, source: str, field: str, data: object) -> None:
    """Write the entry atomically; a cache that cannot be written is simply not written."""
    entry = {"format": _FORMAT, "source": source, field: data}
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(entry, stream, sort_keys=True)
            os.replace(temporary, path)
        except OSError:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # a read-only cache folder: the in-memory cache still works


def _summary_data(summary: TrainingSummary | None) -> dict[str, Any] | None:
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
        "position": [position.line, position.column, position.end_line, position.end_column],
        "sources": list(step.sources),
        "expression": step.expression,
    }


def _summary_from(value: object) -> TrainingSummary | None:
    if value is None:
        return None
    summary = _record(value, {"path", "steps", "feature_order", "order_line", "target", "artifacts"})
    return TrainingSummary(
        path=_text(summary["path"]),
        steps=_items(summary["steps"], _step),
        feature_order=_items(summary["feature_order"], _text),
        order_line=_number(summary["order_line"]),
        target=_optional_text(summary["target"]),
        artifacts=_items(summary["artifacts"], _artifact),
    )


def _step(value: object) -> Step:
    step = _record(value, {"feature", "kind", "detail", "position", "sources", "expression"})
    position = _items(step["position"], _number)
    if len(position) != 4:
        raise InvalidEntry("a position has four numbers")
    return Step(
        feature=_text(step["feature"]),
        kind=_text(step["kind"]),
        detail=_text(step["detail"]),
        position=Position(*position),
        sources=_items(step["sources"], _text),
        expression=_text(step["expression"]),
    )


def _artifact(value: object) -> SavedArtifact:
    artifact = _record(value, {"name", "holds"})
    return SavedArtifact(_optional_text(artifact["name"]), _items(artifact["holds"], _text))


def _record(value: object, keys: set[str]) -> dict[str, object]:
    if not isinstance(value, dict) or set(value) != keys:
        raise InvalidEntry(f"expected an object with exactly the keys {sorted(keys)}")
    return value


def _items(value: object, item: Callable[[object], Any]) -> tuple[Any, ...]:
    if not isinstance(value, list):
        raise InvalidEntry("expected a list")
    return tuple(item(element) for element in value)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidEntry("expected a string")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _number(value: object) -> int:
    # bool is an int subclass; a cached line number is never true or false.
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidEntry("expected a non-negative whole number")
    return value
