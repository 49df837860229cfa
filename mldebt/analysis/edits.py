"""Building the edits of fixes from the source text, so a rewrite keeps the author's formatting.

Fixes reuse the user's own spelling of operands (``node_text``) instead of
astroid's re-rendering, so comments, quotes and spacing inside them stay as
written. Edits use the AST's coordinates (1-based lines, columns in UTF-8
bytes), as findings do; ``mldebt.fixes`` applies them.
"""

from __future__ import annotations

import io
import re
import tokenize

from astroid import nodes

from mldebt.finding import Edit

# Python's own line ends (the tokenizer's), not the extra ones ``str.splitlines`` knows.
LINE_END = re.compile(r"\r\n|\r|\n")
_LINE_WITH_END = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_SKIPPED = (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
# Expressions that can take a method call or an operator without parentheses around them.
_ATOMS = (nodes.Name, nodes.Attribute, nodes.Call, nodes.Subscript, nodes.Const, nodes.List, nodes.Tuple, nodes.Dict)


def source_lines(text: str) -> list[str]:
    """The module's lines as Python counts them, without their line ends."""
    return LINE_END.split(text)


def source_lines_with_ends(text: str) -> list[str]:
    """The module's lines as Python counts them, each with its own line end (``str.splitlines`` also
    breaks at form feeds and other characters that Python does not count, which would shift the lines)."""
    return _LINE_WITH_END.findall(text)


def node_text(text: str, node: nodes.NodeNG) -> str:
    """The source text ``node`` spans in ``text``."""
    lines = source_lines_with_ends(text)
    first, last = node.lineno - 1, (node.end_lineno or node.lineno) - 1
    encoded = [line.encode("utf-8") for line in lines[first : last + 1]]
    if not encoded:
        return node.as_string()
    end = node.end_col_offset if node.end_col_offset is not None else len(encoded[-1])
    if first == last:
        return encoded[0][node.col_offset : end].decode("utf-8")
    middle = b"".join(encoded[1:-1])
    return (encoded[0][node.col_offset :] + middle + encoded[-1][:end]).decode("utf-8")


def operand_text(text: str, node: nodes.NodeNG) -> str:
    """``node``'s text, parenthesised unless it is an atom (a name, call, subscript, literal)."""
    spelled = node_text(text, node)
    return spelled if isinstance(node, _ATOMS) else f"({spelled})"


def replace_node(node: nodes.NodeNG, replacement: str) -> Edit:
    """An edit replacing exactly the range of ``node``."""
    return Edit(
        node.lineno,
        node.col_offset,
        node.end_lineno or node.lineno,
        node.end_col_offset if node.end_col_offset is not None else node.col_offset,
        replacement,
    )


def keyword_insertion(lines: list[str], call: nodes.Call, keyword: str) -> Edit | None:
    """The edit that adds ``keyword`` (``weights_only=True``) as the last argument of ``call``.

    It goes right after the last argument (after its closing parenthesis when
    the argument is parenthesised), or after a trailing comma, so comments
    and line breaks inside the call stay where they are. ``None`` when the
    call has no argument or its text cannot be read back.
    """
    if not (call.args or call.keywords) or call.end_lineno is None or call.end_col_offset is None:
        return None
    segment = _segment(lines, call)
    if segment is None:
        return None
    try:
        tokens = [token for token in tokenize.generate_tokens(io.StringIO(segment).readline)
                  if token.type not in _SKIPPED and token.type != tokenize.ENDMARKER]
    except (tokenize.TokenError, SyntaxError):
        return None
    if len(tokens) < 2 or tokens[-1].string != ")":
        return None
    last = tokens[-2]
    text = f" {keyword}," if last.string == "," else f", {keyword}"
    row, column = last.end
    line = call.lineno + row - 1
    prefix = segment.split("\n")[row - 1][:column]
    byte_column = len(prefix.encode("utf-8")) + (call.col_offset if row == 1 else 0)
    return Edit(line, byte_column, line, byte_column, text)


def _segment(lines: list[str], node: nodes.NodeNG) -> str | None:
    """The node's source text, lines joined by ``\\n``, or ``None`` when the positions do not fit the text."""
    first, last = node.lineno, node.end_lineno
    if first is None or last is None or not 0 < first <= last <= len(lines):
        return None
    chosen = [line.encode("utf-8") for line in lines[first - 1:last]]
    chosen[-1] = chosen[-1][: node.end_col_offset]
    chosen[0] = chosen[0][node.col_offset:]
    try:
        return "\n".join(part.decode("utf-8") for part in chosen)
    except UnicodeDecodeError:
        return None
