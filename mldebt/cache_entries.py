"""Reading and writing mldebt's disk caches: JSON only, written atomically, checked field by field.

Both caches (training summaries, ``mldebt.summary_cache``, and ``mldebt
check`` results, ``mldebt.result_cache``) live in the user's cache folder,
but anything on disk may have been planted or corrupted: an entry is read
with these checks, and one that is not exactly what mldebt writes raises
``InvalidEntry`` and is recomputed.
"""

from __future__ import annotations

import json
import os
import tempfile
from typing import Any, Callable


class InvalidEntry(ValueError):
    """A cache entry that is not exactly what mldebt writes."""


def read(path: str) -> object:
    """The JSON document at ``path``; ``OSError`` or ``ValueError`` when it cannot be had."""
    try:
        with open(path, encoding="utf-8") as stream:
            return json.load(stream)
    except (UnicodeDecodeError, RecursionError) as error:
        raise InvalidEntry(str(error)) from None


def write(path: str, entry: object) -> None:
    """Write the entry atomically; a cache that cannot be written is simply not written.

    Parallel writers (pylint ``-j``, ``mldebt check -j``) each rename a
    complete temporary file into place, so a reader never sees half an entry.
    """
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
        pass  # a read-only cache folder: the run still works, uncached


def record(value: object, keys: set[str]) -> dict[str, object]:
    if not isinstance(value, dict) or set(value) != keys:
        raise InvalidEntry(f"expected an object with exactly the keys {sorted(keys)}")
    return value


def items(value: object, item: Callable[[object], Any]) -> tuple[Any, ...]:
    if not isinstance(value, list):
        raise InvalidEntry("expected a list")
    return tuple(item(element) for element in value)


def text(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidEntry("expected a string")
    return value


def truth(value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidEntry("expected true or false")
    return value


def optional_text(value: object) -> str | None:
    return None if value is None else text(value)


def number(value: object) -> int:
    # bool is an int subclass; a cached line number is never true or false.
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidEntry("expected a non-negative whole number")
    return value


def optional_number(value: object) -> int | None:
    return None if value is None else number(value)


def one_of(value: object, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise InvalidEntry(f"expected one of {', '.join(allowed)}")
    return text(value)
