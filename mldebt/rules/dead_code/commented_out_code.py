import ast
import re
import textwrap
import warnings

from astroid import nodes

from mldebt.rule import Rule
from mldebt.source import Comment

# Comments addressed to tools, not to readers; they may parse as annotations.
_PRAGMA = re.compile(
    r"^\s*(noqa|type:|pylint:|flake8[:\s]|fmt:|isort:|pragma|mypy:|pyright:|ruff:|nosec|"
    r"coding[:=]|-\*-|mldebt:|In\s*\[|>>>|\.\.\.|!)",
    re.IGNORECASE,
)
# Statements that on their own are prose more often than code: a bare word
# (``# Preprocessing``), a constant, an ellipsis, ``Note: something``,
# ``# global settings`` (a heading that parses as a ``global`` statement).
_PROSE_LIKE = (ast.Expr, ast.AnnAssign, ast.Pass, ast.Global, ast.Nonlocal)
_WHEN_TO_ENABLE = r"\buncomment\b|\balso add\b|\bto enable\b|\bif you (want|need|would like)\b"
# A prose line ending in a colon that announces an example: the code after it
# is documentation (``# to read the files back, e.g. with numpy:``).
_EXAMPLE_INTRO = re.compile(
    r"(\be\.g\.|\bfor example\b|\bexample\b|\busage\b|\bsuch as\b).*:\s*$"
    # ... or tells the reader when to switch the lines under it on: a documented option of a template or config file.
    rf"|{_WHEN_TO_ENABLE}",
    re.IGNORECASE,
)
# The same advice as the line's own trailing comment: ``# im = rotate(im)  # for use if autorotation is off``.
_DOCUMENTED_OPTION = re.compile(rf"#.*({_WHEN_TO_ENABLE}|\bfor use (if|when)\b)", re.IGNORECASE)
# Calls that only show a value while debugging: a commented-out one is a
# silenced trace, not an alternative code path.
_DEBUG_OUTPUT_FUNCTIONS = frozenset({"print", "pprint", "display"})
# Calls that only draw or show a result (``plt.plot``, ``shap.summary_plot``, ``show_samples``,
# torchinfo's ``summary``): a commented-out one is a silenced display, as a print is a silenced trace.
_DISPLAY_CALL = re.compile(r"plot|^show|^imshow$|^summary$", re.IGNORECASE)
_LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "log"})
# What a commented-out dict entry holds (``# 'max_depth': [3, 5],``); a comparison or a boolean
# (``# 'mode': default is train``) reads as prose.
_ENTRY_VALUES = (
    ast.Constant, ast.List, ast.Tuple, ast.Set, ast.Dict, ast.Name, ast.Attribute, ast.Call, ast.Subscript,
    ast.UnaryOp, ast.BinOp,
)


class CommentedOutCode(Rule):
    """## What it does
    Flags blocks of comments that are Python code: assignments, calls,
    imports, loops, and, between a dict's braces, entries of that dict
    keyed by strings (`# 'max_features': ['sqrt', 'log2'],`). A block of consecutive comment lines is reported once,
    from its first line of code; blocks of code parted by single blank
    lines (a commented-out function with its blank lines) are one finding.
    In a notebook, a block ends with its cell, and a prose line right under
    the code (the heading of what follows) is not part of it.

    ## Why is this bad
    Sculley et al. (§5.3, dead experimental codepaths): commented-out
    experiments are dead code that nobody dares to delete. They go stale
    against the code around them, hide which variant really ran, and make
    every reader wonder whether they should be switched back on.

    ## Example
    ```python
    # model = XGBRegressor(n_estimators=800, learning_rate=0.03)
    model = GradientBoostingRegressor(**params)
    ```

    ## Use instead
    Delete it; version control keeps the history. If the alternative
    matters, make it a configurable option.

    Prose, `# noqa`/`# type:`/`# pylint:` pragmas, `# In[3]:` markers,
    license headers, doctest examples and comments that only name a file
    or module (`# config.py`, `# see utils.metrics`) are not flagged.
    Neither are silenced traces (a block that only prints, logs or shows a
    result: `# print(batch.shape)`, `# display.Image(filename=path)`,
    `# plt.plot(losses)`, `# shap.summary_plot(values, X)`), a
    heading that reads as an import right above the imports it names (`# import blueprints`), nor an example introduced
    as one (`# to read it back, e.g. with numpy:` and the code under it) or
    an option whose prose says when to switch it on (`# uncomment for GPU
    training`, `# on a laptop also add`, or the line's own trailing
    `# for use if autorotation is off`).

    ## Options
    None.
    """

    code = "MLD702"
    symbol = "commented-out-code"
    summary = "Comment block that is commented-out code"
    node_types = (nodes.Dict,)
    ml_modules_only = False

    def __init__(self, module, settings) -> None:
        super().__init__(module, settings)
        self._dict_lines: set[int] = set()

    def visit(self, node: nodes.Dict) -> None:
        # Comments between a dict's braces may be entries of it (``# 'splitter': ['best', 'random'],``).
        if node.tolineno > node.fromlineno:
            self._dict_lines.update(range(node.fromlineno + 1, node.tolineno))

    def finish(self) -> None:
        lines = self.module.lines
        notebook = self.module.notebook
        cell_starts = frozenset(cell.first_line for cell in notebook.python_cells) if notebook else frozenset()
        blocks = _comment_blocks(self.module.own_line_comments, cell_starts)
        for run in _code_runs(blocks, lines, frozenset(self._dict_lines)):
            first, last = run[0], run[-1]
            if _only_debug_output(run) or _import_heading(run, lines) or _documented_option(run):
                continue
            self.report_range(
                first.line,
                first.column,
                last.line,
                last.column + len(last.text),
                f"{_lines(len(run))} of commented-out code; delete it "
                "(version control keeps it) or make the alternative a configuration option",
            )


def _code_runs(blocks: list[list[Comment]], lines: list[str], dict_lines: frozenset[int]) -> list[list[Comment]]:
    """The commented-out code of each block; a block of code right after another, parted by one blank line, joins it.

    A commented-out function or loop often keeps its blank lines; it is one
    piece of dead code and one finding, not one per paragraph. A block that
    opens with prose, or two blank lines, starts a new piece. A block inside
    a dict display may also be entries of that dict (``dict_lines``).
    """
    runs: list[list[Comment]] = []
    previous_end = None
    for block in blocks:
        first_code = _first_code_line(block, block[0].line in dict_lines)
        if first_code is None:
            previous_end = None
            continue
        if first_code > 0 and _EXAMPLE_INTRO.search(_uncomment(block[first_code - 1].text)):
            previous_end = None
            continue
        code = _without_trailing_prose(block[first_code:])
        if first_code == 0 and previous_end == block[0].line - 2 and not lines[previous_end].strip():
            runs[-1].extend(code)
        else:
            runs.append(code)
        previous_end = block[-1].line
    return runs


def _without_trailing_prose(run: list[Comment]) -> list[Comment]:
    """The run without the prose under its code (``# print(x)`` then ``# Add it to the list``).

    A trailing line goes only when the run does not parse with it and does
    without it, so the closing line of a statement (``# )``) stays.
    """
    while len(run) > 1 and _parsed(run) is None and _parsed(run[:-1]) is not None:
        run = run[:-1]
    return run


def _parsed(run: list[Comment]) -> list[ast.stmt] | None:
    return _statements(textwrap.dedent("\n".join(_uncomment(comment.text) for comment in run)))


def _documented_option(run: list[Comment]) -> bool:
    """One commented-out line whose own trailing comment says when to use it."""
    return len(run) == 1 and bool(_DOCUMENTED_OPTION.search(_uncomment(run[0].text)))


def _only_debug_output(run: list[Comment]) -> bool:
    """``# print(batch.shape)``, ``# logger.debug(...)``: every statement only prints or logs."""
    statements = _parsed(run)
    return bool(statements) and all(
        isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) and _is_output_call(statement.value)
        for statement in statements
    )


def _is_output_call(call: ast.Call) -> bool:
    function = call.func
    if isinstance(function, ast.Name):
        return function.id in _DEBUG_OUTPUT_FUNCTIONS or bool(_DISPLAY_CALL.search(function.id))
    if not isinstance(function, ast.Attribute) or not _is_dotted_name(function):
        return False
    if _DISPLAY_CALL.search(function.attr):
        return True
    # ``display.Image(...)``, ``display.HTML(...)``: IPython's display objects only show a result.
    return function.attr in _LOG_METHODS or _root_name(function) in _DEBUG_OUTPUT_FUNCTIONS


def _root_name(node: ast.expr) -> str:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _import_heading(run: list[Comment], lines: list[str]) -> bool:
    """``# import blueprints`` right above an import: a heading that names what follows, not a disabled import."""
    if len(run) != 1:
        return False
    statements = _parsed(run)
    if not statements or len(statements) != 1 or not isinstance(statements[0], ast.Import):
        return False
    names = statements[0].names
    if len(names) != 1 or names[0].asname or "." in names[0].name:
        return False
    following = lines[run[0].line] if run[0].line < len(lines) else ""
    return following.lstrip().startswith(("import ", "from "))


def _is_dotted_name(node: ast.expr) -> bool:
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def _lines(count: int) -> str:
    return "1 line" if count == 1 else f"{count} lines"


def _comment_blocks(comments: tuple[Comment, ...], cell_starts: frozenset[int]) -> list[list[Comment]]:
    """Runs of comments that stand alone on consecutive lines, within one notebook cell."""
    blocks: list[list[Comment]] = []
    for comment in comments:
        if not comment.own_line:
            continue
        if blocks and blocks[-1][-1].line == comment.line - 1 and comment.line not in cell_starts:
            blocks[-1].append(comment)
        else:
            blocks.append([comment])
    return blocks


def _first_code_line(block: list[Comment], in_dict: bool = False) -> int | None:
    """Index of the first comment in the block that starts a run of code, if any.

    A line is code when the rest of the block, the line with the indented
    lines under it (``for x in y:`` and its body), or the line alone parses
    as code (or, ``in_dict``, as entries of a dict with string keys); three
    parses per line keep long comment blocks cheap.
    """
    texts = [_uncomment(comment.text) for comment in block]
    for start, text in enumerate(texts):
        if not text.strip() or _PRAGMA.match(text):
            continue
        candidates = {len(texts), _indented_end(texts, start), start + 1}
        if any(_is_code("\n".join(texts[start:end]), in_dict) for end in sorted(candidates, reverse=True)):
            return start
    return None


def _indented_end(texts: list[str], start: int) -> int:
    indent = len(texts[start]) - len(texts[start].lstrip())
    end = start + 1
    while end < len(texts) and (
        not texts[end].strip() or len(texts[end]) - len(texts[end].lstrip()) > indent
    ):
        end += 1
    return end


def _uncomment(text: str) -> str:
    body = text[1:]
    return body[1:] if body.startswith(" ") else body


def _is_code(text: str, in_dict: bool = False) -> bool:
    source = textwrap.dedent(text)
    if not source.strip() or source.lstrip().startswith(("#", "@")):
        return False
    statements = _statements(source)
    if statements is None:
        return in_dict and _are_dict_entries(source)
    return bool(statements) and any(_is_code_statement(statement) for statement in statements)


def _statements(source: str) -> list[ast.stmt] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(source).body
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None


def _are_dict_entries(source: str) -> bool:
    """``'max_depth': [3, 5],`` and the like: entries of a dict, keyed by strings, holding values."""
    statements = _statements("{\n" + source + "\n}")
    if not statements or len(statements) != 1 or not isinstance(statements[0], ast.Expr):
        return False
    entries = statements[0].value
    return (
        isinstance(entries, ast.Dict)
        and bool(entries.keys)
        and all(isinstance(key, ast.Constant) and isinstance(key.value, str) for key in entries.keys)
        and all(isinstance(value, _ENTRY_VALUES) for value in entries.values)
    )


def _is_code_statement(statement: ast.stmt) -> bool:
    if isinstance(statement, ast.Expr):
        # A call or subscript is code; a lone word, constant or dotted name
        # (``# config.py``, ``# see utils.metrics``) is prose.
        return isinstance(statement.value, (ast.Call, ast.Subscript, ast.Await)) or (
            isinstance(statement.value, ast.Attribute) and not _is_dotted_name(statement.value)
        )
    return not isinstance(statement, _PROSE_LIKE)
