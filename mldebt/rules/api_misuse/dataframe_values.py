from astroid import nodes

from mldebt.analysis.receivers import DATAFRAME, is_pandas, kind_of
from mldebt.finding import Edit, Fix
from mldebt.rule import Rule


class DataframeValues(Rule):
    """## What it does
    Flags `.values` read from a pandas DataFrame or Series. The receiver's
    kind comes from the module's own code (a reader such as `pd.read_csv`, a
    `pd.DataFrame(...)`, an annotation, a column selection); `.values` of a
    dict, a polars or xarray object or anything of unknown kind is not flagged.

    ## Why is this bad
    Zhang et al. 2022 (smell 8, "DataFrame conversion API misused"): `.values`
    returns an ndarray for some dtypes and an extension array (Categorical,
    nullable integers, timezone-aware datetimes) for others, so the code
    downstream gets a different type depending on the data. pandas documents
    `.to_numpy()` as the replacement: it always returns an ndarray and takes
    `dtype=` and `na_value=`.

    ## Example
    ```python
    frame = pd.read_csv("train.csv")
    features = frame[FEATURES].values
    ```

    ## Use instead
    ```python
    features = frame[FEATURES].to_numpy()
    ```
    The fix rewrites `.values` to `.to_numpy()`; it is safe for a DataFrame
    (the two return the same array) and marked unsafe for a Series, whose
    extension dtypes `.to_numpy()` converts.

    ## Options
    None.
    """

    code = "MLD805"
    symbol = "dataframe-values"
    summary = "`.values` on a pandas DataFrame or Series"
    node_types = (nodes.Attribute,)

    def visit(self, node: nodes.Attribute) -> None:
        if node.attrname != "values" or not is_pandas(node.expr):
            return
        if isinstance(node.parent, nodes.Call) and node.parent.func is node:
            return
        end_line = node.end_lineno or node.lineno
        end_column = node.end_col_offset or 0
        edit = Edit(end_line, end_column - len("values"), end_line, end_column, "to_numpy()")
        self.report(
            node,
            "`.values` gives an ndarray or an extension array depending on the dtypes: use `.to_numpy()`",
            fix=Fix(edits=(edit,), safe=kind_of(node.expr) == DATAFRAME),
        )
