import re

from astroid import nodes

from mldebt.analysis.context import MODEL_ROLES
from mldebt.analysis.features import fitted_feature_order
from mldebt.analysis.names import qualified_name
from mldebt.analysis.values import bound_values
from mldebt.rule import Rule
from mldebt.analysis.tree_index import descendants

# Calls that remove columns: naming a column there is not a use of it.
_REMOVALS = frozenset({"drop"})
# Calls whose string argument is an expression over column names.
_EXPRESSIONS = frozenset({"query", "eval"})
_EXPRESSION_WORDS = re.compile(r"[A-Za-z_]\w*")
_MAPPING_TYPES = frozenset(
    {"builtins.dict", "collections.defaultdict", "collections.OrderedDict", "collections.Counter"}
)
# Writing a frame out hands every column to code elsewhere.
_WRITES = frozenset({"to_csv", "to_parquet", "to_feather", "to_pickle", "to_sql", "to_json", "to_excel", "to_hdf"})


class UnusedFeature(Rule):
    """## What it does
    In a module that trains a model, flags a DataFrame column that is
    created or transformed (`df["f"] = ...`, `df.loc[:, "f"] = ...`,
    `df.assign(f=...)`, `rename(columns={...: "f"})`) but never reaches the
    model: it is absent from the explicit feature list passed to `fit`, or
    dropped before a fit on all remaining columns, and no other code reads
    it. One finding per column, at its creation.

    Columns are followed by name through the whole module: any other
    mention of the name (a read, a list, a groupby key, a `query` string)
    counts as a use, and one fit on a whole frame lets every undropped
    column of the module reach a model, so the rule stays quiet when in
    doubt.

    ## Why is this bad
    Sculley et al. (§3.2, underutilized data dependencies): every computed
    feature is code to maintain and an upstream dependency that can break
    or drift, for no benefit when the model never sees it. Such columns
    pile up as experiments end without cleanup.

    ## Example
    ```python
    df["rooms_per_sqft"] = df["rooms"] / df["sqft"]
    model.fit(df[["sqft", "bedrooms", "age"]], df["price"])
    ```

    ## Use instead
    Delete the computation, or add the column to the feature list if the
    model should use it. Columns read by later code, written out with the
    frame, the target, and columns of frames passed to `fit` whole (all
    remaining columns) are not flagged.

    ## Options
    None.
    """

    code = "MLD301"
    symbol = "unused-feature"
    summary = "Engineered column that never reaches the model"

    def finish(self) -> None:
        events = self.module.provenance
        fits = [fit for fit in events.fits if fit.estimator.role in MODEL_ROLES and fit.node.args]
        tree = self.module.tree
        if not fits or _writes_frames(tree):
            return  # no model here, or the frame goes on to code elsewhere
        orders = [fitted_feature_order(fit.node.args[0]) for fit in fits]
        fitted = {column for order in orders for column in order}
        # A model fitted on a whole frame gets every column that was not dropped.
        takes_remaining_columns = any(not order for order in orders)
        dropped = _dropped_columns(tree)
        uses = _column_uses(tree)
        first_fit = min(fits, key=lambda fit: fit.node.lineno)
        last_fit = max(fit.node.lineno for fit in fits)
        for column, creation in _creations(tree):
            reaches_model = column in fitted or (takes_remaining_columns and column not in dropped)
            # Columns made after the model is fitted hold its outputs, not features.
            if creation.lineno >= last_fit or reaches_model or uses.get(column, 0) > 0:
                continue
            why = "it is dropped before the fit" if column in dropped else "it is not in the features passed to `fit`"
            self.report(
                creation,
                f"column `{column}` is created here but never reaches the model: {why} (line "
                f"{first_fit.node.lineno}) and nothing else reads it; drop the computation or add the column to "
                "the features",
            )


def _dropped_columns(tree: nodes.Module) -> set[str]:
    return {
        constant.value
        for constant in descendants(tree, nodes.Const)
        if isinstance(constant.value, str) and _inside_removal(constant)
    }


def _creations(tree: nodes.Module) -> list[tuple[str, nodes.NodeNG]]:
    """(column, node) for every column the module creates or overwrites, first creation only."""
    found: dict[str, nodes.NodeNG] = {}
    for node in descendants(tree, (nodes.Assign, nodes.Call)):
        if isinstance(node, nodes.Assign):
            for target in node.targets:
                column = _assigned_column(target)
                if column is not None:
                    found.setdefault(column, target)
        elif isinstance(node.func, nodes.Attribute) and node.func.attrname == "assign":
            for keyword in node.keywords or ():
                if keyword.arg:
                    found.setdefault(keyword.arg, keyword)
        elif isinstance(node.func, nodes.Attribute) and node.func.attrname == "rename":
            for keyword in node.keywords or ():
                if keyword.arg == "columns" and isinstance(keyword.value, nodes.Dict):
                    for _, new in keyword.value.items:
                        if isinstance(new, nodes.Const) and isinstance(new.value, str):
                            found.setdefault(new.value, new)
    return sorted(found.items(), key=lambda item: (item[1].lineno, item[1].col_offset))


def _assigned_column(target: nodes.NodeNG) -> str | None:
    """``df["f"] = ...`` and ``df.loc[:, "f"] = ...`` assign column ``f`` of a frame."""
    if not isinstance(target, nodes.Subscript):
        return None
    index, container = target.slice, target.value
    if isinstance(container, nodes.Attribute) and container.attrname in ("loc", "iloc"):
        if not (isinstance(index, nodes.Tuple) and len(index.elts) == 2):
            return None
        index, container = index.elts[1], container.expr
    if not isinstance(index, nodes.Const) or not isinstance(index.value, str) or _is_mapping(container):
        return None
    return index.value


def _is_mapping(container: nodes.NodeNG) -> bool:
    """``report["auc"] = ...`` fills a dict and ``os.environ[...]`` the environment, not a frame."""
    if not isinstance(container, nodes.Name):
        return True
    return any(
        isinstance(value, (nodes.Dict, nodes.DictComp))
        or isinstance(value, nodes.Call) and qualified_name(value.func) in _MAPPING_TYPES
        for value in bound_values(container)
    )


def _column_uses(tree: nodes.Module) -> dict[str, int]:
    """How often each column name is used: read, listed, grouped by... but not created or dropped."""
    uses: dict[str, int] = {}
    for constant in descendants(tree, nodes.Const):
        if not isinstance(constant.value, str) or _is_creation_target(constant) or _inside_removal(constant):
            continue
        if _rewrites_itself(constant):
            continue
        words = _EXPRESSION_WORDS.findall(constant.value) if _inside_expression(constant) else [constant.value]
        for word in words:
            uses[word] = uses.get(word, 0) + 1
    for attribute in descendants(tree, nodes.Attribute):
        uses[attribute.attrname] = uses.get(attribute.attrname, 0) + 1
    for call in descendants(tree, nodes.Call):
        for keyword in call.keywords or ():
            if keyword.arg and not (isinstance(call.func, nodes.Attribute) and call.func.attrname == "assign"):
                uses[keyword.arg] = uses.get(keyword.arg, 0) + 1
    return uses


def _is_creation_target(constant: nodes.Const) -> bool:
    subscript = constant.parent
    return (
        isinstance(subscript, nodes.Subscript)
        and subscript.slice is constant
        and isinstance(subscript.parent, nodes.Assign)
        and subscript in subscript.parent.targets
    )


def _rewrites_itself(constant: nodes.Const) -> bool:
    """``df["c"] = np.log1p(df["c"])``: reading ``c`` to overwrite it is not a use."""
    statement = constant.statement()
    return isinstance(statement, nodes.Assign) and any(
        isinstance(target, nodes.Subscript)
        and isinstance(target.slice, nodes.Const)
        and target.slice.value == constant.value
        for target in statement.targets
    )


def _inside_expression(constant: nodes.Const) -> bool:
    """The string of ``df.query("age > 30")`` names columns inside it."""
    call = constant.parent
    is_method = isinstance(call, nodes.Call) and isinstance(call.func, nodes.Attribute)
    return is_method and call.func.attrname in _EXPRESSIONS


def _inside_removal(constant: nodes.Const) -> bool:
    node = constant.parent
    while node is not None and not isinstance(node, nodes.Call):
        if isinstance(node, (nodes.Assign, nodes.Expr, nodes.FunctionDef, nodes.Module)):
            return False
        node = node.parent
    return node is not None and isinstance(node.func, nodes.Attribute) and node.func.attrname in _REMOVALS


def _writes_frames(tree: nodes.Module) -> bool:
    return any(
        isinstance(call.func, nodes.Attribute) and call.func.attrname in _WRITES
        for call in descendants(tree, nodes.Call)
    )
