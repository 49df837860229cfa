from astroid import nodes
from astroid.const import Context

from mldebt.analysis.receivers import DATAFRAME, INDEXER, kind_of
from mldebt.analysis.scopes import code_scope
from mldebt.rule import Rule
from mldebt.analysis.tree_index import descendants

_PLACEHOLDERS = (0, 0.0, "")


class EmptyColumnInitialization(Rule):
    """## What it does
    Flags a DataFrame column created with `0` or `""` as a placeholder
    (`df["score"] = 0`) that the same function (or module) then fills in part
    by part: `df.loc[rows, "score"] = ...`, `df.at[i, "score"] = ...`,
    `df["score"].iloc[i] = ...`. A column set to a constant and left so is a
    real value and is not flagged.

    ## Why is this bad
    Zhang et al. 2022 (smell 5, "Empty column misinitialization"): rows the
    filling code misses keep a `0` or an empty string that looks like data, so
    `isna()`, `dropna()` and `fillna()` cannot find them and a model trains
    on the placeholder. `np.nan` marks them as missing.

    ## Example
    ```python
    frame["discount"] = 0
    frame.loc[frame["member"], "discount"] = 0.1
    ```

    ## Use instead
    ```python
    frame["discount"] = np.nan
    frame.loc[frame["member"], "discount"] = 0.1
    ```

    ## Options
    None.
    """

    code = "MLD807"
    symbol = "empty-column-initialization"
    summary = "New column initialised with 0 or an empty string, then filled in part"
    node_types = (nodes.Assign,)

    def visit(self, node: nodes.Assign) -> None:
        value = node.value
        if not (isinstance(value, nodes.Const) and type(value.value) in (int, float, str) and value.value in _PLACEHOLDERS):
            return
        for target in node.targets:
            column = _column_key(target)
            if column is not None and kind_of(target.value) == DATAFRAME and _filled_later(node, target.value, column):
                self.report(
                    node,
                    f"column {column!r} starts as {value.value!r}, which rows left unfilled keep as if it were data: "
                    "initialise it with `np.nan`",
                )


def _column_key(target: nodes.NodeNG) -> str | None:
    if isinstance(target, nodes.Subscript) and isinstance(target.slice, nodes.Const):
        key = target.slice.value
        return key if isinstance(key, str) else None
    return None


def _filled_later(assignment: nodes.Assign, frame: nodes.NodeNG, column: str) -> bool:
    """Does the scope later assign to some rows of ``frame[column]``?"""
    scope = code_scope(assignment)
    frame_text = frame.as_string()
    for later in descendants(scope, nodes.Subscript):
        if later.lineno > assignment.lineno and later.ctx == Context.Store and _fills(later, frame_text, column):
            return True
    return False


def _fills(target: nodes.Subscript, frame_text: str, column: str) -> bool:
    holder = target.value
    index = target.slice
    # frame.loc[rows, "c"] / frame.at[i, "c"]
    if (
        isinstance(holder, nodes.Attribute)
        and holder.attrname in ("loc", "at")
        and holder.expr.as_string() == frame_text
        and isinstance(index, nodes.Tuple)
        and len(index.elts) == 2
        and isinstance(index.elts[1], nodes.Const)
        and index.elts[1].value == column
    ):
        return kind_of(holder) == INDEXER or holder.attrname == "at"
    # frame["c"][i] / frame["c"].iloc[i] / frame["c"].loc[i]
    if isinstance(holder, nodes.Attribute) and holder.attrname in ("iloc", "loc", "at", "iat"):
        holder = holder.expr
    return (
        isinstance(holder, nodes.Subscript)
        and holder.value.as_string() == frame_text
        and isinstance(holder.slice, nodes.Const)
        and holder.slice.value == column
    )
