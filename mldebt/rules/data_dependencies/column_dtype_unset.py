from astroid import nodes

import functools

from mldebt.analysis.context import uses_models
from mldebt.analysis.locations import artifact_name
from mldebt.analysis.names import call_name, may_be_one_of
from mldebt.analysis.storage import WRITE, file_uses
from mldebt.project import FILE_USES, ProjectIndex
from mldebt.rule import Rule

_TYPE_GUESSING_READERS = frozenset({"pandas.read_csv", "pandas.read_table", "pandas.read_excel", "pandas.read_fwf"})
_READER_NAMES = frozenset(name.rsplit(".", 1)[-1] for name in _TYPE_GUESSING_READERS)
_SCHEMA_KEYWORDS = frozenset({"dtype", "converters"})


class ColumnDtypeUnset(Rule):
    """## What it does
    Flags `pandas.read_csv`, `read_table`, `read_excel` and `read_fwf`
    calls that declare no column types: neither `dtype=` nor `converters=`,
    and no schema applied to the result right away
    (`pd.read_csv(path).astype(SCHEMA)`, `schema.validate(pd.read_csv(path))`).
    Calls that pass `**options` are not flagged, since the options may hold
    the types.

    Only reads of raw external inputs that feed a model are flagged: the
    module trains, applies or serves a model, or is a pipeline stage that
    writes data for the next one. Exploratory modules that only read and
    look, tests, and re-reads of a file the project itself writes (by file
    name, anywhere in the project: its types were settled when it was
    written) are not flagged.

    ## Why is this bad
    Zhang et al. 2022 (Z#4, columns and data types not explicitly set) and
    Sculley et al. (§3.1, unstable data dependencies): pandas guesses each
    column's type from the values in this particular file. An ID with a
    leading zero becomes an integer, a column with one missing value becomes
    float, a new category code turns a number column into text. The model's
    input changes type when the data changes, without any code change, and
    training and serving can disagree.

    ## Example
    ```python
    orders = pd.read_csv("data/orders.csv")
    ```

    ## Use instead
    Declare the types the model expects, once, next to the feature
    definitions:
    ```python
    ORDER_DTYPES = {"order_id": "string", "zip_code": "string", "amount": "float64", "channel": "category"}
    orders = pd.read_csv("data/orders.csv", dtype=ORDER_DTYPES, parse_dates=["ordered_at"])
    ```

    ## Options
    None.
    """

    code = "MLD303"
    symbol = "column-dtype-unset"
    summary = "Tabular data read without declared column types"
    node_types = (nodes.Call,)
    project_facts = frozenset({FILE_USES})

    def visit(self, node: nodes.Call) -> None:
        if not may_be_one_of(node, _READER_NAMES):
            return
        reader = call_name(node)
        if reader not in _TYPE_GUESSING_READERS or _declares_types(node) or _given_schema(node):
            return
        if not self._feeds_a_model or self._reads_own_output(node):
            return
        self.report(
            node,
            f"`{node.func.as_string()}(...)` reads columns without declared types, so pandas guesses them from "
            "this file's values; pass `dtype=` (or apply a schema) with the types the model expects",
        )


    @functools.cached_property
    def _feeds_a_model(self) -> bool:
        module = self.module
        if module.is_test_file:
            return False
        writes_data = any(use.mode == WRITE for use in file_uses(module.tree))
        return uses_models(module.tree) or module.serving is not None or writes_data

    def _reads_own_output(self, call: nodes.Call) -> bool:
        location = call.args[0] if call.args else None
        name = artifact_name(location) if location is not None else None
        return name is not None and name in ProjectIndex.for_file(self.module.path, self.module.settings).written_files


def _declares_types(call: nodes.Call) -> bool:
    for keyword in call.keywords or ():
        if keyword.arg is None:
            return True  # **options may carry dtype=
        is_none = isinstance(keyword.value, nodes.Const) and keyword.value.value is None
        if keyword.arg in _SCHEMA_KEYWORDS and not is_none:
            return True
    return False


def _given_schema(call: nodes.Call) -> bool:
    """``read_csv(...).astype(SCHEMA)`` or ``schema.validate(read_csv(...))``."""
    parent = call.parent
    if isinstance(parent, nodes.Attribute) and parent.attrname == "astype":
        caller = parent.parent
        return isinstance(caller, nodes.Call) and caller.func is parent and bool(caller.args or caller.keywords)
    return (
        isinstance(parent, nodes.Call)
        and bool(parent.args)
        and parent.args[0] is call
        and isinstance(parent.func, nodes.Attribute)
        and parent.func.attrname == "validate"
    )
