"""A module under analysis: its text, its astroid tree and facts computed once.

Rules read shared facts from here (``own_line_comments``, ``is_test_file``, ...) instead
of recomputing them, and each is computed on first use only.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import io
import os
import tokenize
import warnings
from dataclasses import dataclass
from pathlib import PurePath
from collections.abc import Callable
from typing import TYPE_CHECKING

import astroid
from astroid import nodes

from mldebt.analysis.context import is_ui_app, may_serve
from mldebt.analysis.dataflow import Provenance, provenance
from mldebt.analysis.imports import does_ml
from mldebt.analysis.randomness import Randomness, randomness
from mldebt.analysis.serving import ServingView, serving_view
from mldebt.analysis.tree_index import descendants

if TYPE_CHECKING:
    from mldebt.config import Settings
    from mldebt.notebook import NotebookCode


class UnreadableSource(Exception):
    """The file could not be decoded or parsed; the message says where and why."""

    def __init__(self, message: str, line: int = 1, column: int = 0) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass(frozen=True)
class Comment:
    """A comment token: where it starts and whether code precedes it on its line."""

    line: int
    column: int
    text: str
    own_line: bool


def decode_source(data: bytes) -> str:
    """Decode Python source bytes as the interpreter would (BOM, PEP 263 cookie, UTF-8)."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        raise UnreadableSource(f"cannot decode the file: {error}") from None


def read_source(path: str, decode: Callable[[bytes], str] | None = None) -> str:
    """Read a file and decode it (as Python source unless ``decode`` says otherwise)."""
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as error:
        raise UnreadableSource(f"cannot read the file: {error.strerror or error}") from None
    return (decode or decode_source)(data)


def check_syntax(source: str, path: str) -> None:
    """Raise ``UnreadableSource`` for a syntax error, at a tenth of the cost of ``build_tree``."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarnings are the interpreter's business, not ours
            ast.parse(source, path or "<unknown>")
    except SyntaxError as error:
        line = error.lineno or 1
        raise UnreadableSource(f"syntax error: {error.msg}", line, max((error.offset or 1) - 1, 0)) from None
    except (RecursionError, MemoryError, ValueError) as error:
        raise UnreadableSource(f"cannot parse the file: {type(error).__name__}") from None


def build_tree(source: str, path: str) -> nodes.Module:
    """Parse source text into an astroid module, without touching the import system."""
    modname = PurePath(path).stem if path else "<unknown>"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # No transforms: they prepare astroid's inference, which mldebt never uses (a third of the cost).
            builder = astroid.builder.AstroidBuilder(astroid.MANAGER, apply_transforms=False)
            return builder.string_build(source, modname, path)
    except astroid.AstroidSyntaxError as error:
        cause = error.error if isinstance(error.error, SyntaxError) else None
        line = (cause.lineno if cause and cause.lineno else 1) or 1
        column = max((cause.offset or 1) - 1, 0) if cause else 0
        detail = cause.msg if cause else str(error)
        raise UnreadableSource(f"syntax error: {detail}", line, column) from None
    except (RecursionError, MemoryError, ValueError) as error:
        raise UnreadableSource(f"cannot parse the file: {type(error).__name__}") from None


class SourceModule:
    """One file, as every rule sees it.

    For a notebook, ``text`` is its code cells joined and ``notebook`` maps
    the lines back to cells (see ``mldebt.notebook``).
    """

    def __init__(
        self, path: str, text: str, tree: nodes.Module, settings: Settings, notebook: NotebookCode | None = None
    ) -> None:
        self.path = path
        self.text = text
        self.tree = tree
        self.settings = settings
        self.notebook = notebook

    @functools.cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @functools.cached_property
    def does_ml(self) -> bool:
        """Handles frames, arrays or models (see ``analysis.imports``): the ML rules look at it."""
        return does_ml(self.text)

    @functools.cached_property
    def provenance(self) -> Provenance:
        """Where the module's data comes from and what is done to it (see ``analysis.dataflow``)."""
        return provenance(self.tree)

    @functools.cached_property
    def randomness(self) -> Randomness:
        """The random number generators the module draws from and seeds (see ``analysis.randomness``)."""
        return randomness(self.tree)

    @functools.cached_property
    def serving(self) -> ServingView | None:
        """The module's serving code, if it has any (see ``analysis.serving``)."""
        whole_module = self.settings.is_serving_module(self.path)
        if not whole_module and not may_serve(self.text):
            return None
        return serving_view(self.tree, whole_module=whole_module or is_ui_app(self.tree))

    @functools.cached_property
    def is_test_file(self) -> bool:
        """Test code by the usual conventions: ``tests/`` folders, ``test_*.py``, ``conftest.py`` (see ``is_test_path``)."""
        return is_test_path(self.path, self.settings)

    @functools.cached_property
    def own_line_comments(self) -> tuple[Comment, ...]:
        """Comments alone on their line, found without tokenising (a tenth of the cost).

        Lines inside multi-line strings are told apart with the tree's string
        literals, so a docstring line starting with ``#`` is not a comment.
        """
        inside_strings: set[int] = set()
        literals = []
        for node in descendants(self.tree, (nodes.Const, nodes.JoinedStr, nodes.ClassDef, nodes.FunctionDef)):
            if isinstance(node, (nodes.ClassDef, nodes.FunctionDef)):
                # Docstrings hang off their class or function as ``doc_node``, outside the child walk.
                literals.append(node.doc_node)
            else:
                literals.append(node)
        literals.append(self.tree.doc_node)
        for literal in filter(None, literals):
            if literal.end_lineno and literal.lineno and literal.end_lineno > literal.lineno:
                if isinstance(literal, nodes.JoinedStr) or isinstance(literal.value, (str, bytes)):
                    inside_strings.update(range(literal.lineno + 1, literal.end_lineno + 1))
        found = []
        for number, line in enumerate(self.lines, start=1):
            text = line.lstrip()
            if text.startswith("#") and number not in inside_strings:
                found.append(Comment(number, len(line) - len(text), text.rstrip(), True))
        return tuple(found)


def is_test_path(path: str, settings: Settings) -> bool:
    """Is the file at ``path`` test code: in a ``tests/`` folder, ``test_*.py``, ``*_test.py``, ``conftest.py``?

    Folders count from the project root (the folder of the governing
    ``pyproject.toml``), so a project kept inside another one's ``tests/``
    (a fixture project) is judged as a project of its own.
    """
    parts = PurePath(path.replace(os.sep, "/")).parts
    if os.path.isabs(settings.source):
        root = os.path.dirname(settings.source)
        with contextlib.suppress(ValueError):
            parts = PurePath(os.path.abspath(path)).relative_to(root).parts
    name = parts[-1] if parts else ""
    return (
        name.startswith("test_")
        or name.endswith("_test.py")
        or name == "conftest.py"
        or any(part in ("tests", "test") for part in parts[:-1])
    )
