"""Finding a file's project and the Python files in it.

Shared by ``mldebt check`` (walking the folders it is given) and by rules
whose smell spans files (is this module-level flag reassigned anywhere in the
project?).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator

# Folders that never hold the project's own code.
SKIPPED_FOLDERS = frozenset(
    {
        ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "__pycache__", "build", "dist",
        "node_modules", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", ".mldebt_cache",
        "site-packages", ".ipynb_checkpoints",
    }
)
ROOT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", ".git")


def is_skipped_folder(path: str) -> bool:
    """Version control, virtual environments (any name), caches and build output."""
    name = os.path.basename(path)
    return (
        name in SKIPPED_FOLDERS
        or name.endswith(".egg-info")
        or os.path.isfile(os.path.join(path, "pyvenv.cfg"))
    )


def iter_python_files(folder: str, prune=None) -> Iterator[str]:
    """Python files below ``folder`` in a stable order, skipping what ``is_skipped_folder`` says.

    ``prune(path)`` may exclude more files and folders (configured excludes).
    """
    for current, folders, files in os.walk(folder):
        folders[:] = sorted(
            name
            for name in folders
            if not is_skipped_folder(os.path.join(current, name))
            and not (prune and prune(os.path.join(current, name)))
        )
        for name in sorted(files):
            path = os.path.join(current, name)
            if name.endswith(".py") and not (prune and prune(path)):
                yield path


@functools.lru_cache(maxsize=256)
def project_root(folder: str) -> str:
    """The nearest folder at or above ``folder`` with a pyproject.toml, setup.cfg, setup.py or .git.

    Without any marker, the folder being checked is the project: the working
    directory when ``folder`` lies inside it (where pylint, flake8 and
    ``mldebt check`` are started from), else ``folder`` itself. Cross-file
    rules never switch off for want of a marker.
    """
    current = os.path.abspath(folder)
    while True:
        if any(os.path.exists(os.path.join(current, marker)) for marker in ROOT_MARKERS):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return _checked_folder(os.path.abspath(folder))
        current = parent


def _checked_folder(folder: str) -> str:
    working = os.getcwd()
    inside = folder == working or folder.startswith(working.rstrip(os.sep) + os.sep)
    return working if inside and os.path.dirname(working) != working else folder


# An upper bound that keeps a mis-detected root (a home folder) from being read whole.
MAX_PROJECT_FILES = 5000


@functools.lru_cache(maxsize=8)
def project_sources(root: str) -> tuple[tuple[str, str], ...]:
    """(path, text) of the project's Python files, read once per process."""
    sources = []
    for index, path in enumerate(iter_python_files(root)):
        if index >= MAX_PROJECT_FILES:
            break
        try:
            with open(path, encoding="utf-8", errors="replace") as stream:
                sources.append((os.path.abspath(path), stream.read()))
        except OSError:
            continue
    return tuple(sources)
