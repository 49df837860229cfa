from astroid import nodes

from mldebt.analysis.names import qualified_name
from mldebt.analysis.receivers import DATAFRAME, PANDAS, kind_of
from mldebt.rule import Option, Rule

_KEY_PARAMETERS = frozenset({"on", "left_on", "right_on", "left_index", "right_index"})
_MERGE_FUNCTIONS = frozenset({"pandas.merge"})


class MergeParameterUnset(Rule):
    """## What it does
    Flags a pandas `merge` (`df.merge(other)`, `pd.merge(left, right)`) that
    does not say which columns it joins on (`on=`, `left_on=`/`right_on=`,
    `left_index=`/`right_index=`, or by position). With `require-validate`, a
    merge without `validate=` is flagged too. Only receivers known to be
    pandas DataFrames count: polars and Spark joins and unknown objects are
    not flagged. `df.join(other)` is not flagged: it joins on the index by
    definition, and on real code (the primer) that was what its authors
    meant every time.

    ## Why is this bad
    Zhang et al. 2022 (smell 6, "Merge API parameter not explicitly set"):
    without `on=`, pandas joins on every column the two frames happen to
    share; a column added upstream silently changes the join keys and the
    rows that come out. `validate=` ("one_to_one", "many_to_one"...) turns
    an unexpected duplicate key, which multiplies rows, into an error.

    ## Example
    ```python
    enriched = orders.merge(customers)
    ```

    ## Use instead
    ```python
    enriched = orders.merge(customers, on="customer_id", how="left", validate="many_to_one")
    ```

    ## Options
    - `require-validate` (bool, default `false`): also flag merges that do not
      pass `validate=`.
    """

    code = "MLD803"
    symbol = "merge-parameter-unset"
    summary = "pandas merge without explicit join keys"
    node_types = (nodes.Call,)
    options = (Option("require-validate", "bool", False, "Also require validate= on every merge."),)

    def visit(self, node: nodes.Call) -> None:
        function = node.func
        given = {keyword.arg for keyword in node.keywords or []}
        if None in given:
            return  # **options may carry any of them
        is_merge = (
            isinstance(function, nodes.Attribute)
            and function.attrname == "merge"
            and kind_of(function.expr) in (DATAFRAME, PANDAS)
        ) or (isinstance(function, (nodes.Name, nodes.Attribute)) and qualified_name(function) in _MERGE_FUNCTIONS)
        if not is_merge:
            return
        # merge(left, right, how, on) / left.merge(right, how, on): the keys may come by position.
        keys_position = 3 if isinstance(function, nodes.Attribute) and qualified_name(function) is None else 4
        missing = []
        if not given & _KEY_PARAMETERS and len(node.args) < keys_position:
            missing.append("`on=` (it joins on every shared column otherwise)")
        if self.settings["require-validate"] and "validate" not in given:
            missing.append("`validate=`")
        if missing:
            self.report(node, f"pass {' and '.join(missing)} to `merge`")
