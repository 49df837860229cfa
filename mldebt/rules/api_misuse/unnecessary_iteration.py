from astroid import nodes
from astroid.const import Context

from mldebt.analysis.names import qualified_name
from mldebt.analysis.receivers import DATAFRAME, kind_of
from mldebt.rule import Rule
from mldebt.analysis.tree_index import descendants

_ROW_ITERATORS = frozenset({"iterrows", "itertuples"})
# Calls a row-by-row loop can make and still be one vectorised expression.
_ELEMENTWISE_FUNCTIONS = frozenset(
    {"builtins.float", "builtins.int", "builtins.abs", "builtins.round", "builtins.min", "builtins.max", "builtins.bool"}
)
_ELEMENTWISE_PREFIXES = ("math.", "numpy.")
_SIMPLE_STATEMENTS = (nodes.Assign, nodes.AugAssign, nodes.AnnAssign, nodes.Expr, nodes.If, nodes.Pass, nodes.Continue)


class UnnecessaryIteration(Rule):
    """## What it does
    Flags a loop over a DataFrame's rows (`for i, row in df.iterrows()`,
    `df.itertuples()`, `for i in range(len(df))` reading `df.loc[i]` /
    `df.iloc[i]`) when its body only does arithmetic, comparisons and
    assignments on the row's fields (a vectorised expression over whole
    columns does the same), or when the body writes into the frame it
    iterates over. Loops that call other functions per row (a request, a
    plot, a model) are not flagged.

    ## Why is this bad
    Zhang et al. 2022 (smell 1, "Unnecessary iteration"): row loops run in
    the interpreter, one boxed Series per row, typically 100-1000x slower than
    the column operation; `iterrows` also loses dtypes (every row is one
    Series of a common dtype). Writing into the frame while iterating over it
    is unsupported by pandas: the rows yielded may be copies, so writes through
    them are lost.

    ## Example
    ```python
    for index, row in frame.iterrows():
        frame.loc[index, "total"] = row["price"] * row["quantity"]
    ```

    ## Use instead
    ```python
    frame["total"] = frame["price"] * frame["quantity"]
    ```
    Conditions become `np.where(...)`, `Series.where(...)` or `.loc[mask, c]`.

    ## Options
    None.
    """

    code = "MLD806"
    symbol = "unnecessary-iteration"
    summary = "Row-by-row loop over a DataFrame where a column operation exists"
    node_types = (nodes.For,)

    def visit(self, node: nodes.For) -> None:
        frame = _iterated_frame(node)
        if frame is None:
            return
        frame_text = frame.as_string()
        if any(_writes_into(target, frame_text) for target in _stores(node)):
            self.report(
                node.iter,
                f"the loop writes into `{frame_text}` while iterating over its rows: "
                "compute the column with one vectorised expression",
            )
        elif _vectorisable(node.body):
            self.report(
                node.iter,
                f"this row-by-row loop over `{frame_text}` only computes with its fields: use a column expression",
            )


def _iterated_frame(loop: nodes.For) -> nodes.NodeNG | None:
    iterable = loop.iter
    if not isinstance(iterable, nodes.Call):
        return None
    function = iterable.func
    if isinstance(function, nodes.Attribute) and function.attrname in _ROW_ITERATORS:
        return function.expr if kind_of(function.expr) == DATAFRAME else None
    if qualified_name(function) == "builtins.range" and len(iterable.args) == 1:
        length = iterable.args[0]
        if (
            isinstance(length, nodes.Call)
            and qualified_name(length.func) == "builtins.len"
            and len(length.args) == 1
            and kind_of(length.args[0]) == DATAFRAME
            and isinstance(loop.target, nodes.AssignName)
            and _indexes_rows(loop, length.args[0].as_string(), loop.target.name)
        ):
            return length.args[0]
    return None


def _indexes_rows(loop: nodes.For, frame_text: str, index: str) -> bool:
    for subscript in _body_nodes(loop, nodes.Subscript):
        holder = subscript.value
        if isinstance(holder, nodes.Attribute) and holder.attrname in ("loc", "iloc", "at", "iat"):
            if holder.expr.as_string() == frame_text and index in subscript.slice.as_string():
                return True
    return False


def _body_nodes(loop: nodes.For, kind: type[nodes.NodeNG]) -> list[nodes.NodeNG]:
    return [node for statement in loop.body for node in descendants(statement, kind)]


def _stores(loop: nodes.For) -> list[nodes.Subscript]:
    return [node for node in _body_nodes(loop, nodes.Subscript) if node.ctx == Context.Store]


def _writes_into(target: nodes.Subscript, frame_text: str) -> bool:
    holder = target.value
    if isinstance(holder, nodes.Attribute) and holder.attrname in ("loc", "iloc", "at", "iat"):
        holder = holder.expr
    elif isinstance(holder, nodes.Subscript):
        holder = holder.value
    return holder.as_string() == frame_text


def _vectorisable(body: list[nodes.NodeNG]) -> bool:
    for statement in body:
        if not isinstance(statement, _SIMPLE_STATEMENTS):
            return False
        if isinstance(statement, nodes.If) and not (_vectorisable(statement.body) and _vectorisable(statement.orelse)):
            return False
        for call in descendants(statement, nodes.Call):
            if isinstance(call.func, nodes.Attribute) and call.func.attrname == "append" and isinstance(
                statement, nodes.Expr
            ):
                continue
            name = qualified_name(call.func)
            if name is None or not (name in _ELEMENTWISE_FUNCTIONS or name.startswith(_ELEMENTWISE_PREFIXES)):
                return False
        if isinstance(statement, nodes.Expr) and not isinstance(statement.value, nodes.Call):
            return False
    return True
