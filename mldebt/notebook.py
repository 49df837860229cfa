"""A Jupyter notebook as one Python module: its code cells joined, with a map back to the cells.

The notebook is read with nbformat's plain reader: no validation (which logs
and may repair cells in memory), no conversion, no execution, and nothing is
ever written back. IPython syntax (``%matplotlib``, ``!pip install``,
``?obj``) is masked line for line, so every other line keeps its number and
columns; cells in another language (``%%bash``, ``%%sql``, a VS Code
``languageId``) are left out.

Cells are numbered as nbformat lists them, markdown included, from 1, so
"cell 3" is the third cell a reader counts in Jupyter.
"""

from __future__ import annotations

import ast
import bisect
import dataclasses
import functools
import json
import re
import warnings

from mldebt.finding import Finding
from mldebt.source import UnreadableSource, read_source

NOTEBOOK_SUFFIX = ".ipynb"

# Cell magics whose body is Python; any other cell magic (%%bash, %%sql, %%html, ...) holds another language.
PYTHON_CELL_MAGICS = frozenset(
    {"time", "timeit", "capture", "prun", "debug", "pypy", "python", "python3", "memit", "mprun", "snakeviz"}
)
# Line magics that bring names into the kernel which no cell's code defines.
NAME_DEFINING_MAGICS = frozenset({"run", "store", "load", "macro", "pylab"})

_CELL_MAGIC = re.compile(r"%%(?P<name>[A-Za-z_][\w.]*)")
_LINE_MAGIC = re.compile(r"(?P<indent>\s*)(?:%(?P<magic>[A-Za-z_][\w.]*)|!|\?{1,2}[\w.]|[\w.]+\?{1,2}\s*$)")
# ``files = !ls`` and ``elapsed = %timeit -o f()``: the assignment stays, the IPython part goes.
_ASSIGNED_MAGIC = re.compile(r"(?P<target>\s*[A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*\s*=)\s*(?:%%?|!)")
# How rule messages name another place in the module: "on line 12", "(lines 4-9)".
_LINE_REFERENCE = re.compile(r"\blines? (?P<first>\d+)(?:-(?P<last>\d+))?\b")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PYTHON_LANGUAGES = frozenset({"python", "python3", "python2", "ipython", "ipython3", "py"})


@dataclasses.dataclass(frozen=True)
class CodeCell:
    """A code cell: where it sits in the notebook and in the joined code."""

    index: int  # 1-based, counting every cell of the notebook
    execution_count: int | None
    first_line: int  # the joined code's line of the cell's first line
    line_count: int  # 0 for a cell in another language or an empty one
    defines_unknown_names: bool  # %run, %store -r, ...: names appear that no code defines
    indent: int = 0  # columns IPython strips from every line of a cell whose first line is indented

    @property
    def last_line(self) -> int:
        return self.first_line + self.line_count - 1


@dataclasses.dataclass(frozen=True)
class NotebookCode:
    """The Python code of a notebook, as one module, and the map from its lines to cells."""

    source: str
    cells: tuple[CodeCell, ...]

    @functools.cached_property
    def python_cells(self) -> tuple[CodeCell, ...]:
        return tuple(cell for cell in self.cells if cell.line_count)

    @functools.cached_property
    def _first_lines(self) -> list[int]:
        return [cell.first_line for cell in self.python_cells]

    def cell_at(self, line: int) -> CodeCell | None:
        """The cell that holds a line of the joined code."""
        cells = self.python_cells
        position = bisect.bisect_right(self._first_lines, line) - 1
        if position < 0 or line > cells[position].last_line:
            return None
        return cells[position]

    def locate(self, finding: Finding) -> Finding:
        """The finding with its cell, and its lines counted within that cell.

        A range running into a later cell (a finding on a whole scope) is cut
        at the end of the cell it starts in.
        """
        cell = self.cell_at(finding.line)
        if cell is None and self.python_cells and finding.line > self.python_cells[-1].last_line:
            cell = self.python_cells[-1]  # a syntax error at the end of the code: the last cell left it open
            finding = dataclasses.replace(finding, line=cell.last_line, end_line=cell.last_line)
        if cell is None:
            return finding
        end_line, end_column = finding.end_line, finding.end_column
        if end_line > cell.last_line:
            end_line = cell.last_line
            end_column = len(self.source_lines[end_line - 1])
        offset = cell.first_line - 1
        return dataclasses.replace(
            finding,
            cell=cell.index,
            line=finding.line - offset,
            column=finding.column + cell.indent,
            end_line=end_line - offset,
            end_column=end_column + cell.indent,
            message=self._cell_lines_in(finding.message, cell),
            # A fix's edits are in the joined code, and mldebt never writes into a notebook.
            fix=None,
        )

    def joined(self, finding: Finding) -> Finding:
        """A located finding's lines back in the joined code (what fingerprints read); the message stays."""
        cell = next((cell for cell in self.python_cells if cell.index == finding.cell), None)
        if cell is None:
            return finding
        offset = cell.first_line - 1
        return dataclasses.replace(finding, line=finding.line + offset, end_line=finding.end_line + offset)

    def _cell_lines_in(self, message: str, here: CodeCell) -> str:
        """Messages name other places as ``line 12`` of the joined code: say which cell and line that is."""

        def cell_line(line: int, *, name_cell: bool = True) -> str:
            cell = self.cell_at(line)
            if cell is None:
                return str(line)
            within = line - cell.first_line + 1
            return f"{within}" if cell is here or not name_cell else f"{within} of cell {cell.index}"

        def replace(match: re.Match) -> str:
            first, last = int(match.group("first")), match.group("last")
            if last is None:
                return f"line {cell_line(first)}"
            if self.cell_at(first) is self.cell_at(int(last)):
                return f"lines {cell_line(first, name_cell=False)}-{cell_line(int(last))}"
            return f"lines {cell_line(first)} to {cell_line(int(last))}"

        return _LINE_REFERENCE.sub(replace, message)

    @functools.cached_property
    def source_lines(self) -> list[str]:
        return self.source.split("\n")


def is_notebook_path(path: str) -> bool:
    return path.endswith(NOTEBOOK_SUFFIX)


def is_notebook_text(text: str) -> bool:
    """Is this a notebook file's JSON rather than Python?

    A host may hand over either for a ``.ipynb`` path: pylint and flake8 read
    the file itself, VS Code sends the notebook's code cells joined as Python.
    """
    if not text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
        return False
    try:
        json.loads(text.lstrip("\ufeff"))
    except (ValueError, RecursionError):
        return False
    return True


def at_file_start(finding: Finding) -> Finding:
    """A notebook finding for a host that can only point into the file's JSON: at its start, the cell in the message."""
    if finding.cell is None:
        return finding
    return dataclasses.replace(
        finding,
        line=1,
        column=0,
        end_line=1,
        end_column=0,
        cell=None,
        message=f"{finding.cell_location}: {finding.message}",
    )


def decode_notebook(data: bytes) -> str:
    """Notebook files are UTF-8 JSON; a byte-order mark is tolerated."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableSource(f"cannot decode the notebook as UTF-8: {error}") from None


def read_notebook_text(path: str) -> str:
    """The notebook file's JSON text."""
    return read_source(path, decode_notebook)


def cells_text(text: str) -> str:
    """Every cell's source joined, markdown included; ``""`` for what is no notebook JSON.

    What text checks read in a notebook (which names it mentions, what it
    imports or assigns), as they read a module's text with its comments:
    plain JSON decoding, without nbformat or any masking, and never an error.
    """
    try:
        raw = json.loads(text.lstrip("\ufeff"))
    except (ValueError, RecursionError):
        return ""
    cells = raw.get("cells") if isinstance(raw, dict) else None
    if not isinstance(cells, list):
        return ""
    sources = (cell.get("source") for cell in cells if isinstance(cell, dict))
    return "\n".join(
        "".join(part for part in source if isinstance(part, str)) if isinstance(source, list) else source
        for source in sources
        if isinstance(source, (str, list))
    )


def read_notebook(text: str) -> NotebookCode:
    """The notebook's Python code and cell map; ``UnreadableSource`` when it is no notebook."""
    # Imported here: nbformat brings in jsonschema and traitlets, a quarter second that a run
    # over .py files alone (and every pylint or flake8 start) need not pay.
    import nbformat.reader  # pylint: disable=import-outside-toplevel

    try:
        raw = nbformat.reader.parse_json(text)
    except nbformat.reader.NotJSONError as error:
        cause = error.__cause__
        line, column = (cause.lineno, cause.colno - 1) if hasattr(cause, "lineno") else (1, 0)
        detail = cause.msg if hasattr(cause, "msg") else "invalid JSON"
        raise UnreadableSource(f"not a notebook: the file is not valid JSON ({detail})", line, column) from None
    except RecursionError:
        raise UnreadableSource("not a notebook: the JSON is nested too deeply") from None
    _check_shape(raw)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            notebook = nbformat.versions[4].to_notebook_json(raw)
    except (AttributeError, TypeError, ValueError, RecursionError) as error:
        # nbformat's reader assumes well-formed outputs and attachments; a hand-edited file may have neither.
        raise UnreadableSource(f"not a notebook: nbformat cannot read it ({type(error).__name__}: {error})") from None
    if not _is_python_notebook(notebook.get("metadata")):
        return NotebookCode("", ())
    return _join_cells(notebook.cells)


def _check_shape(raw: object) -> None:
    """What the joining relies on, checked before nbformat's reader (which assumes it)."""
    if not isinstance(raw, dict):
        raise UnreadableSource(f"not a notebook: the JSON is {type(raw).__name__}, not an object with `cells`")
    version = raw.get("nbformat")
    if not isinstance(version, int) or isinstance(version, bool):
        raise UnreadableSource("not a notebook: the JSON has no `nbformat` version")
    if version != 4:
        raise UnreadableSource(
            f"nbformat {version} notebooks are not read, only version 4; open and save it in Jupyter to upgrade it"
        )
    cells = raw.get("cells")
    if not isinstance(cells, list):
        raise UnreadableSource("not a notebook: the JSON has no `cells` list")
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict):
            raise UnreadableSource(f"not a notebook: cell {number} is not an object")
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source")
        if not (isinstance(source, str) or isinstance(source, list) and all(isinstance(s, str) for s in source)):
            problem = "has no `source`" if source is None else "has a `source` that is neither text nor lines"
            raise UnreadableSource(f"not a notebook: code cell {number} {problem}")
        count = cell.get("execution_count")
        if count is not None and (not isinstance(count, int) or isinstance(count, bool)):
            raise UnreadableSource(f"not a notebook: code cell {number} has an `execution_count` that is no number")
        if not isinstance(cell.get("metadata", {}), dict):
            raise UnreadableSource(f"not a notebook: code cell {number} has `metadata` that is no object")


def _is_python_notebook(metadata: object) -> bool:
    """A notebook whose kernel says it runs another language (R, Julia, Scala) has no Python to check."""
    if not isinstance(metadata, dict):
        return True
    for key, field in (("language_info", "name"), ("kernelspec", "language")):
        section = metadata.get(key)
        if isinstance(section, dict) and isinstance(section.get(field), str):
            return section[field].lower() in _PYTHON_LANGUAGES
    return True


def _join_cells(cells) -> NotebookCode:
    parts: list[str] = []
    code_cells = []
    next_line = 1
    for index, cell in enumerate(cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        lines, defines_unknown_names, indent = _python_lines(cell)
        code_cells.append(
            CodeCell(index, cell.get("execution_count"), next_line, len(lines), defines_unknown_names, indent)
        )
        parts.extend(lines)
        next_line += len(lines)
    source = "\n".join(parts) + "\n" if parts else ""
    return NotebookCode(source, tuple(code_cells))


def _python_lines(cell) -> tuple[list[str], bool, int]:
    """The cell's lines as Python, IPython syntax masked, and the indent IPython strips; none for another language."""
    language = cell.get("metadata", {}).get("vscode", {})
    if isinstance(language, dict) and str(language.get("languageId", "python")).lower() not in _PYTHON_LANGUAGES:
        return [], False, 0
    text = cell.get("source", "")
    if not text.strip():
        return [], False, 0
    lines = _LINE_BREAK.split(text.rstrip("\r\n"))
    first = next(number for number, line in enumerate(lines) if line.strip())
    cell_magic = _CELL_MAGIC.match(lines[first].lstrip())
    if cell_magic:
        if cell_magic.group("name") not in PYTHON_CELL_MAGICS:
            return [], False, 0
        lines[first] = _cell_magic_replacement(cell_magic.group("name"), lines[first])
    lines, indent = _strip_leading_indent(lines, first)
    return (*_mask_line_magics(lines), indent)


def _strip_leading_indent(lines: list[str], first: int) -> tuple[list[str], int]:
    """As IPython does before running a cell: the first line's indent goes from every line that has it.

    Only for a cell that does not parse as it is (a block pasted from inside
    a function), so a cell's own Python is untouched.
    """
    indent = lines[first][: len(lines[first]) - len(lines[first].lstrip(" \t"))]
    if not indent or _parses("\n".join(lines)):
        return lines, 0
    return [line[len(indent):] if line.startswith(indent) else line for line in lines], len(indent)


def _cell_magic_replacement(name: str, line: str) -> str:
    """``%%capture output`` binds ``output``; other Python cell magics leave no trace."""
    if name == "capture":
        arguments = [word for word in line.split()[1:] if not word.startswith("-")]
        if arguments and arguments[0].isidentifier():
            return f"{arguments[0]} = ..."
    return ""


def _mask_line_magics(lines: list[str]) -> tuple[list[str], bool]:
    """Replace IPython-only lines by Python of the same line count; the cell's own Python is untouched.

    A line only counts as IPython syntax when the cell does not parse as it
    is, so a docstring line ending in ``?`` or a continued ``% b`` survives.
    """
    candidates = [number for number, line in enumerate(lines) if _LINE_MAGIC.match(line) or _ASSIGNED_MAGIC.match(line)]
    if not candidates or _parses("\n".join(lines)):
        return lines, False
    masked = list(lines)
    defines_unknown_names = False
    for number in candidates:
        line = lines[number]
        assigned = _ASSIGNED_MAGIC.match(line)
        if assigned:
            masked[number] = f"{assigned.group('target')} ..."
        else:
            magic = _LINE_MAGIC.match(line)
            defines_unknown_names = defines_unknown_names or magic.group("magic") in NAME_DEFINING_MAGICS
            masked[number] = f"{magic.group('indent')}pass"
        # IPython reads a magic or shell line ending in a backslash on into the next line.
        following = number
        while lines[following].endswith("\\") and following + 1 < len(lines):
            following += 1
            masked[following] = ""
    return masked, defines_unknown_names


def _parses(text: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True
