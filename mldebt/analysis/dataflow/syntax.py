"""What the syntax of a subscript, a keyword or a name says, before any value is known."""

from __future__ import annotations

import re

from astroid import nodes

from mldebt.analysis.dataflow.values import TEST, TRAIN, VALIDATION
from mldebt.analysis.features import column_list

PART_NAMES = (
    (re.compile(r"(^|_)(test|testing|holdout|hold_out)(_|$|\d)", re.IGNORECASE), TEST),
    (re.compile(r"(^|_)(val|valid|validation|dev)(_|$|\d)", re.IGNORECASE), VALIDATION),
    (re.compile(r"(^|_)(train|training)(_|$|\d)", re.IGNORECASE), TRAIN),
)


def keywords_node(call: nodes.Call, name: str) -> nodes.NodeNG | None:
    return next((keyword.value for keyword in call.keywords or () if keyword.arg == name), None)


def root_name(expression: nodes.NodeNG | None) -> nodes.Name | None:
    """The name an expression starts from: ``df`` in ``df.drop(c).values``, ``df["a"]`` or ``df.loc[m, c]``."""
    while expression is not None and not isinstance(expression, nodes.Name):
        if isinstance(expression, nodes.Subscript):
            expression = expression.value
        elif isinstance(expression, nodes.Attribute):
            expression = expression.expr
        elif isinstance(expression, nodes.Call) and isinstance(expression.func, nodes.Attribute):
            expression = expression.func.expr
        else:
            return None
    return expression


_PATH_WORDS = re.compile(r"[A-Za-z][a-z]*|[A-Z]+(?![a-z])")


def part_from_path(path: nodes.NodeNG) -> str | None:
    """``"../input/test.csv"`` or ``"X_Test.csv"`` names a held-out file; other paths and non-literals say nothing.

    A path built from a folder and a literal file name (``PATH + "test.csv"``, ``f"{DIR}/test.csv"``,
    ``os.path.join(DIR, "test.csv")``) is named by its last part.
    """
    path = _file_name_part(path)
    if not isinstance(path, nodes.Const) or not isinstance(path.value, str):
        return None
    stem = path.value.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = [word.lower() for word in _PATH_WORDS.findall(stem)]
    parts = {part_from_name(word) for word in words} - {None}
    # "train_test.csv" holds both: only a file named for one held-out part is one.
    return parts.pop() if len(parts) == 1 and parts <= {TEST, VALIDATION} else None


def _file_name_part(path: nodes.NodeNG) -> nodes.NodeNG:
    if isinstance(path, nodes.BinOp) and path.op == "+":
        return _file_name_part(path.right)
    if isinstance(path, nodes.JoinedStr) and path.values:
        return path.values[-1]
    if isinstance(path, nodes.Call) and isinstance(path.func, nodes.Attribute) and path.func.attrname == "join":
        return _file_name_part(path.args[-1]) if path.args else path
    return path


def row_slice(index: nodes.NodeNG) -> nodes.Slice | None:
    """The rows a positional slice takes: ``df[:n]``, ``df.iloc[n:]``, ``df.iloc[:n, :]``."""
    if isinstance(index, nodes.Slice):
        return index
    if isinstance(index, nodes.Tuple) and index.elts and isinstance(index.elts[0], nodes.Slice):
        return index.elts[0]
    return None


def names_part(name: str, part: str) -> bool:
    """Does the name carry the marker of ``part`` anywhere (``X_train_val`` names train and validation)?"""
    return any(pattern.search(name.rsplit(".", 1)[-1]) for pattern, marked in PART_NAMES if marked == part)


def part_from_name(name: str) -> str | None:
    for pattern, part in PART_NAMES:
        if pattern.search(name.rsplit(".", 1)[-1]):
            return part
    return None


def selects_rows(index: nodes.NodeNG) -> bool:
    """``df[mask]`` selects rows; ``df["col"]``, ``df[["a", "b"]]`` and ``df.loc[:, cols]`` select columns."""
    if isinstance(index, nodes.Const):
        return not isinstance(index.value, str)
    if isinstance(index, (nodes.List, nodes.Tuple)):
        if isinstance(index, nodes.Tuple) and index.elts and isinstance(index.elts[0], nodes.Slice):
            return False
        return not all(isinstance(item, nodes.Const) and isinstance(item.value, str) for item in index.elts)
    if isinstance(index, nodes.Name):
        # FEATURES-style constants hold column names; other names are usually masks.
        return not index.name.isupper()
    return True


def selected_columns(index: nodes.NodeNG) -> frozenset[str] | None:
    """The columns ``df[...]`` selects by name, or ``None`` when it selects rows or unknown columns."""
    if isinstance(index, nodes.Const) and isinstance(index.value, str):
        return frozenset({index.value})
    columns = column_list(index)
    return frozenset(columns) if columns else None


def concatenates_columns(node: nodes.Call) -> bool:
    axis = keyword_constant(node, "axis")
    if axis in (1, "columns", -1):
        return True
    return len(node.args) > 1 and isinstance(node.args[1], nodes.Const) and node.args[1].value in (1, "columns")


def keyword_constant(node: nodes.Call, name: str) -> object:
    for keyword in node.keywords or ():
        if keyword.arg == name and isinstance(keyword.value, nodes.Const):
            return keyword.value.value
    return None


def keyword_number(node: nodes.Call, name: str) -> float | None:
    value = keyword_constant(node, name)
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
