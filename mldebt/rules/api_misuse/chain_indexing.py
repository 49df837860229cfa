from astroid import nodes
from astroid.const import Context

from mldebt.analysis.receivers import DATAFRAME, INDEXER, kind_of
from mldebt.rule import Option, Rule


class ChainIndexing(Rule):
    """## What it does
    Flags assignments through a DataFrame indexed twice in a row:
    `df["a"][0] = ...`, `df[mask]["a"] = ...`, `df.loc[rows]["a"] = ...`,
    `df.iloc[i][j] += ...`. With `include-reads`, reads such as
    `df["a"][0]` and `df.loc[i][7:]` are flagged too. The first subscript
    must be on a value known to be a pandas DataFrame (from a reader, a
    constructor, an annotation...); unknown values are not flagged.

    Reads are opt-in: they return the right values and only cost an
    intermediate object, and on real code (the primer) none of them was
    worth a warning.

    ## Why is this bad
    Zhang et al. 2022 (smell 3, "Chain indexing"): the first step returns a
    copy or a view depending on the data's layout, so an assignment through
    the chain (`df[mask]["a"] = 0`) may or may not change `df` (pandas warns
    with `SettingWithCopyWarning`, and under Copy-on-Write, the default in
    pandas 3, it never does). Reads pay for an intermediate object each time.

    ## Example
    ```python
    frame[frame["age"] > 60]["risk"] = "high"
    first = frame["price"][0]
    ```

    ## Use instead
    One indexing call with both selections:
    ```python
    frame.loc[frame["age"] > 60, "risk"] = "high"
    first = frame.loc[0, "price"]  # or frame["price"].iloc[0] by position
    ```

    ## Options
    - `include-reads` (bool, default `false`): also flag chained indexing
      that only reads.
    """

    code = "MLD801"
    symbol = "chain-indexing"
    summary = "Assignment through a DataFrame indexed twice in a row (`df[a][b] = ...`)"
    node_types = (nodes.Subscript,)
    options = (Option("include-reads", "bool", False, "Also flag chained indexing that only reads."),)

    def visit(self, node: nodes.Subscript) -> None:
        inner = node.value
        if not isinstance(inner, nodes.Subscript):
            return
        assigning = node.ctx == Context.Store or isinstance(node.parent, nodes.AugAssign) and node.parent.target is node
        if not assigning and not self.settings["include-reads"]:
            return
        if kind_of(inner.value) == DATAFRAME:
            frame = inner.value
        elif (
            kind_of(inner.value) == INDEXER
            and isinstance(inner.value, nodes.Attribute)
            and kind_of(inner.value.expr) == DATAFRAME
        ):
            frame = inner.value.expr
        else:
            return
        if assigning:
            message = "assignment through a chained index may not reach the frame: use one `.loc[rows, column]`"
        else:
            message = "chained indexing builds an intermediate object: select with one `.loc[...]`/`.iloc[...]`"
        self.report(node, f"`{frame.as_string()}` {message}")
