from astroid import nodes

from mldebt.analysis.api_kinds import INPLACE_CAPABLE_METHODS, RESULT_ONLY_METHODS
from mldebt.analysis.receivers import PANDAS_KINDS, kind_of
from mldebt.finding import Edit, Fix
from mldebt.rule import Rule


class InplaceMisuse(Rule):
    """## What it does
    Flags two opposite slips with pandas methods on a DataFrame or Series:
    assigning the result of a call made with `inplace=True`
    (`df = df.dropna(inplace=True)`), and calling a method that returns a new
    object (`dropna`, `fillna`, `drop`, `rename`, `sort_values`,
    `reset_index`, `astype`, `assign`...) as a statement of its own inside a
    function, without `inplace=True` and without keeping the result. At
    module level such a statement is not flagged: in scripts exported from
    notebooks it is the cell's displayed result, and on those (Kaggle
    notebooks) every module-level finding was a display.

    ## Why is this bad
    Zhang et al. 2022 (smell 7, "In-place APIs misused"): with `inplace=True`
    the method returns `None`, so the assignment replaces the frame with
    `None`; without it the method leaves the frame untouched, so a discarded
    result means the cleaning step silently never happened.

    ## Example
    ```python
    frame = frame.dropna(inplace=True)
    frame.fillna(0)
    ```

    ## Use instead
    ```python
    frame = frame.dropna()
    frame = frame.fillna(0)
    ```
    The fix for the first form removes `inplace=True`. The second has no
    automatic fix (keeping the result or passing `inplace=True` are both
    plausible intents).

    ## Options
    None.
    """

    code = "MLD804"
    symbol = "inplace-misuse"
    summary = "pandas `inplace=True` result assigned, or a returned frame discarded"
    node_types = (nodes.Assign, nodes.Expr)

    def visit(self, node: nodes.Assign | nodes.Expr) -> None:
        call = node.value
        if not (isinstance(call, nodes.Call) and isinstance(call.func, nodes.Attribute)):
            return
        method = call.func.attrname
        inplace = next((keyword for keyword in call.keywords or [] if keyword.arg == "inplace"), None)
        is_true = inplace is not None and isinstance(inplace.value, nodes.Const) and inplace.value.value is True
        # The receiver's kind is asked last: it is the costly question.
        if isinstance(node, nodes.Assign):
            if is_true and kind_of(call.func.expr) in PANDAS_KINDS:
                self.report(
                    node,
                    f"`.{method}(..., inplace=True)` returns None, which the assignment keeps: drop `inplace=True`",
                    fix=self._remove_keyword(call, inplace),
                )
            return
        # At module level a bare expression is often there to be shown (code exported from a notebook).
        in_function = isinstance(node.scope(), nodes.FunctionDef)
        if (
            in_function
            and inplace is None
            and method in INPLACE_CAPABLE_METHODS | RESULT_ONLY_METHODS
            and kind_of(call.func.expr) in PANDAS_KINDS
        ):
            self.report(
                node,
                f"`.{method}(...)` returns a new object and this one is discarded: assign the result",
            )

    def _remove_keyword(self, call: nodes.Call, keyword: nodes.Keyword) -> Fix | None:
        arguments = [*call.args, *(call.keywords or [])]
        arguments.sort(key=lambda argument: (argument.lineno, argument.col_offset))
        position = arguments.index(keyword)
        if position > 0:
            previous = arguments[position - 1]
            start = (previous.end_lineno, previous.end_col_offset)
            end = (keyword.end_lineno, keyword.end_col_offset)
        elif len(arguments) > 1:
            following = arguments[1]
            start = (keyword.lineno, keyword.col_offset)
            end = (following.lineno, following.col_offset)
        else:
            start = (keyword.lineno, keyword.col_offset)
            end = (keyword.end_lineno, keyword.end_col_offset)
        if None in (*start, *end):
            return None
        return Fix(edits=(Edit(start[0], start[1], end[0], end[1], ""),))
