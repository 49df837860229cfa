"""Ad-hoc data preparation on data frames: which calls are preparation steps, which values are frames.

A pipeline jungle (Sculley et al. §5.2) grows one step at a time: a merge
here, a fillna there, a groupby and a re-sort. ``preparation_step(call)``
names the step a call performs on a frame, or ``None``:

    frame.merge(...) / frame.join(...) / pd.concat([...]) / pd.merge(...)     a join
    frame.dropna() / .fillna() / .groupby() / .apply() / .rename() / .query() / ...  a step

Methods count only when their receiver is a frame (``is_frame``), so
``", ".join(names)`` or ``text.replace(...)`` are not steps. A value is a
frame when it comes, through local assignments, indexing and frame methods,
from a pandas or polars reader or constructor, from a parameter annotated as
a DataFrame, or from a variable named like one (``df``, ``sales_df``,
``frame``).

``reassigns_frame(assign)`` recognises the other kind of step: a frame
variable rebuilt from itself by code that is not one of the methods above
(``df = df[df.price > 0]``, ``df = add_features(df)``).

scikit-learn ``Pipeline``/``ColumnTransformer`` steps are not frame
methods, so preparation declared in a pipeline is never counted.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from astroid import nodes

from mldebt.analysis.apis import DATA_READER_PREFIXES
from mldebt.analysis.names import may_be_one_of, qualified_name
from mldebt.analysis.values import trace
from mldebt.analysis.tree_index import descendants

JOIN, STEP = "join", "step"

PREPARATION_METHODS = frozenset(
    {
        "groupby", "apply", "applymap", "dropna", "fillna", "filter", "rename", "sort_values", "sample",
        "pivot", "pivot_table", "melt", "query", "drop", "assign", "astype", "drop_duplicates", "explode",
        "with_columns", "unique",
    }
)
JOIN_METHODS = frozenset({"merge", "join", "merge_asof"})
PREPARATION_FUNCTIONS = frozenset({"pandas.melt", "pandas.pivot", "pandas.pivot_table", "pandas.get_dummies"})
JOIN_FUNCTIONS = frozenset(
    {"pandas.concat", "pandas.merge", "pandas.merge_asof", "pandas.merge_ordered", "polars.concat"}
)
_STEP_NAMES = PREPARATION_METHODS | JOIN_METHODS | {
    name.rsplit(".", 1)[-1] for name in PREPARATION_FUNCTIONS | JOIN_FUNCTIONS
}
# Methods whose result is (still) a frame, through which a receiver is traced back.
_FRAME_METHODS = PREPARATION_METHODS | JOIN_METHODS | frozenset(
    {
        "copy", "reset_index", "set_index", "agg", "aggregate", "head", "tail", "pipe", "transform",
        "sort_index", "reindex", "replace", "rolling", "resample", "nlargest", "nsmallest", "select",
        "where", "mask", "clip", "round", "fill_null", "drop_nulls", "sum", "mean", "median", "min", "max",
        "count", "size", "nunique", "value_counts", "cumsum", "shift", "diff", "rank",
    }
)
_FRAME_ATTRIBUTES = frozenset({"loc", "iloc", "at", "iat", "T"})
_FRAME_CLASSES = frozenset({"pandas.DataFrame", "polars.DataFrame", "polars.LazyFrame", "dask.dataframe.DataFrame"})
_FRAME_NAME = re.compile(r"^(df|frame|dataframe)$|^df_|_df$|_frame$", re.IGNORECASE)


def preparation_step(call: nodes.Call) -> str | None:
    """``JOIN`` or ``STEP`` when the call is a data-preparation step on frames, else ``None``."""
    if not may_be_one_of(call, _STEP_NAMES):
        return None
    name = qualified_name(call.func)
    if name in JOIN_FUNCTIONS:
        return JOIN
    if name in PREPARATION_FUNCTIONS:
        return STEP
    if name is not None or not isinstance(call.func, nodes.Attribute):
        return None
    method = call.func.attrname
    if method not in JOIN_METHODS and method not in PREPARATION_METHODS:
        return None
    if not is_frame(call.func.expr):
        return None
    return JOIN if method in JOIN_METHODS else STEP


def is_frame(expr: nodes.NodeNG) -> bool:
    """Does ``expr`` hold a data frame, as far as the module's own code shows?"""
    return any(_is_frame_origin(node) for node in trace(expr, _frame_origins))


def _frame_origins(node: nodes.NodeNG) -> Iterable[nodes.NodeNG]:
    if isinstance(node, nodes.Subscript):
        return (node.value,)
    if isinstance(node, nodes.Attribute) and node.attrname in _FRAME_ATTRIBUTES:
        return (node.expr,)
    if isinstance(node, nodes.Call) and isinstance(node.func, nodes.Attribute) and node.func.attrname in _FRAME_METHODS:
        return (node.func.expr,)
    return ()


def _is_frame_origin(node: nodes.NodeNG) -> bool:
    if isinstance(node, nodes.Call):
        name = qualified_name(node.func)
        return name is not None and (
            name in _FRAME_CLASSES or name in JOIN_FUNCTIONS or name in PREPARATION_FUNCTIONS
            or name.startswith(DATA_READER_PREFIXES)
        )
    if isinstance(node, nodes.Name):
        return bool(_FRAME_NAME.search(node.name)) or _annotated_as_frame(node)
    return False


def _annotated_as_frame(name: nodes.Name) -> bool:
    """A parameter annotated ``pd.DataFrame`` (or ``"pd.DataFrame"``) holds a frame."""
    _, bindings = name.lookup(name.name)
    for binding in bindings:
        arguments = binding.parent
        if isinstance(binding, nodes.AssignName) and isinstance(arguments, nodes.Arguments):
            annotated = itertools.chain(
                zip(arguments.posonlyargs, arguments.posonlyargs_annotations),
                zip(arguments.args or (), arguments.annotations),
                zip(arguments.kwonlyargs, arguments.kwonlyargs_annotations),
            )
            if any(argument is binding and _names_frame_class(annotation) for argument, annotation in annotated):
                return True
    return False


def _names_frame_class(annotation: nodes.NodeNG | None) -> bool:
    if annotation is None:
        return False
    if isinstance(annotation, nodes.Const) and isinstance(annotation.value, str):
        return annotation.value.rsplit(".", 1)[-1] == "DataFrame"
    return qualified_name(annotation) in _FRAME_CLASSES


def reassigns_frame(assign: nodes.Assign) -> bool:
    """``df = <expression using df>`` for a frame variable ``df``."""
    if len(assign.targets) != 1 or not isinstance(assign.targets[0], nodes.AssignName):
        return False
    target = assign.targets[0].name
    used = [name for name in descendants(assign.value, nodes.Name) if name.name == target]
    return bool(used) and is_frame(used[0])
