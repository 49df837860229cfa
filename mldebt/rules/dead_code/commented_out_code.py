import ast
import re
import textwrap
import warnings

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


class CommentedOutCode(Rule):
    """## What it does
    Flags blocks of comments that are Python code: assignments, calls,
    imports, loops. A block of consecutive comment lines is reported once,
    from its first line of code; blocks of code parted by single blank
    lines (a commented-out function with its blank lines) are one finding.

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

    ## Options
    None.
    """

    code = "MLD702"
    symbol = "commented-out-code"
    summary = "Comment block that is commented-out code"
    ml_modules_only = False

    def finish(self) -> None:
        lines = self.module.lines
        for run in _code_runs(_comment_blocks(self.module.own_line_comments), lines):
            first, last = run[0], run[-1]
            self.report_range(
                first.line,
                first.column,
                last.line,
                last.column + len(last.text),
                f"{_lines(len(run))} of commented-out code; delete it "
                "(version control keeps it) or make the alternative a configuration option",
            )


def _code_runs(blocks: list[list[Comment]], lines: list[str]) -> list[list[Comment]]:
    """The commented-out code of each block; a block of code right after another, parted by one blank line, joins it.

    A commented-out function or loop often keeps its blank lines; it is one
    piece of dead code and one finding, not one per paragraph. A block that
    opens with prose, or two blank lines, starts a new piece.
    """
    runs: list[list[Comment]] = []
    previous_end = None
    for block in blocks:
        first_code = _first_code_line(block)
        if first_code is None:
            previous_end = None
            continue
        code = block[first_code:]
        if first_code == 0 and previous_end == block[0].line - 2 and not lines[previous_end].strip():
            runs[-1].extend(code)
        else:
            runs.append(code)
        previous_end = block[-1].line
    return runs


def _is_dotted_name(node: ast.expr) -> bool:
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def _lines(count: int) -> str:
    return "1 line" if count == 1 else f"{count} lines"


def _comment_blocks(comments: tuple[Comment, ...]) -> list[list[Comment]]:
    """Runs of comments that stand alone on consecutive lines."""
    blocks: list[list[Comment]] = []
    for comment in comments:
        if not comment.own_line:
            continue
        if blocks and blocks[-1][-1].line == comment.line - 1:
            blocks[-1].append(comment)
        else:
            blocks.append([comment])
    return blocks


def _first_code_line(block: list[Comment]) -> int | None:
    """Index of the first comment in the block that starts a run of code, if any.

    A line is code when the rest of the block, the line with the indented
    lines under it (``for x in y:`` and its body), or the line alone parses
    as code; three parses per line keep long comment blocks cheap.
    """
    texts = [_uncomment(comment.text) for comment in block]
    for start, text in enumerate(texts):
        if not text.strip() or _PRAGMA.match(text):
            continue
        candidates = {len(texts), _indented_end(texts, start), start + 1}
        if any(_is_code("\n".join(texts[start:end])) for end in sorted(candidates, reverse=True)):
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


def _is_code(text: str) -> bool:
    source = textwrap.dedent(text)
    if not source.strip() or source.lstrip().startswith(("#", "@")):
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(source)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False
    statements = tree.body
    return bool(statements) and any(_is_code_statement(statement) for statement in statements)


def _is_code_statement(statement: ast.stmt) -> bool:
    if isinstance(statement, ast.Expr):
        # A call or subscript is code; a lone word, constant or dotted name
        # (``# config.py``, ``# see utils.metrics``) is prose.
        return isinstance(statement.value, (ast.Call, ast.Subscript, ast.Await)) or (
            isinstance(statement.value, ast.Attribute) and not _is_dotted_name(statement.value)
        )
    return not isinstance(statement, _PROSE_LIKE)
