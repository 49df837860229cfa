"""Source text of nodes, for rules that propose fixes.

Fixes reuse the user's own spelling of operands (``node_text``) instead of
astroid's re-rendering, so comments, quotes and spacing inside them stay as
written. Columns are Python's AST offsets (UTF-8 bytes), as in findings.
"""

from __future__ import annotations

from astroid import nodes

from mldebt.analysis.rewrites import source_lines_with_ends
from mldebt.finding import Edit

# Expressions that can take a method call or an operator without parentheses around them.
_ATOMS = (nodes.Name, nodes.Attribute, nodes.Call, nodes.Subscript, nodes.Const, nodes.List, nodes.Tuple, nodes.Dict)


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

