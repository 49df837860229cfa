from astroid import nodes

from mldebt.analysis.api_kinds import NAN_CONSTANTS
from mldebt.analysis.edits import node_text, operand_text, replace_node
from mldebt.analysis.names import qualified_name
from mldebt.analysis.receivers import NDARRAY, NUMBER, PANDAS_KINDS, kind_of
from mldebt.finding import Fix
from mldebt.rule import Rule


class NanEquality(Rule):
    """## What it does
    Flags `==` and `!=` comparisons with NaN: `np.nan` / `numpy.nan`,
    `math.nan`, `float("nan")`, `pd.NA`, whatever is compared with it.

    ## Why is this bad
    Zhang et al. 2022 (smell 2, "NaN equivalence comparison misused"): NaN is
    unequal to everything, itself included, so `x == np.nan` is always
    `False` (and `pd.NA` comparisons give `NA`). The check never finds the
    missing values it was written for, and nothing fails.

    ## Example
    ```python
    missing = frame["age"] == np.nan
    ```

    ## Use instead
    ```python
    missing = frame["age"].isna()
    ```
    or `np.isnan(x)` for arrays and numbers. The fix uses `.isna()` /
    `.notna()` on a pandas object and `np.isnan(x)` / `~np.isnan(x)` on an
    ndarray or a number, with the module's own name for numpy; on a value of
    unknown kind it proposes nothing.

    ## Options
    None.
    """

    code = "MLD802"
    symbol = "nan-equality"
    summary = "Comparison with NaN, which is always false"
    node_types = (nodes.Compare,)

    def visit(self, node: nodes.Compare) -> None:
        left = node.left
        for operator, right in node.ops:
            if operator in ("==", "!="):
                for nan, other in ((right, left), (left, right)):
                    if _is_nan(nan):
                        self.report(
                            node,
                            f"`{operator} NaN` is always {operator == '!='}: test missing values with "
                            "`.isna()` / `np.isnan()`",
                            fix=self._fix(node, operator, nan, other),
                        )
                        return
            left = right

    def _fix(self, node: nodes.Compare, operator: str, nan: nodes.NodeNG, other: nodes.NodeNG) -> Fix | None:
        if len(node.ops) != 1:
            return None
        kind = kind_of(other)
        negate = operator == "!="
        if kind in PANDAS_KINDS:
            method = "notna" if negate else "isna"
            return Fix(edits=(replace_node(node, f"{operand_text(self.module.text, other)}.{method}()"),))
        numpy = _numpy_spelling(nan)
        if kind in (NDARRAY, NUMBER) and numpy is not None:
            test = f"{numpy}.isnan({node_text(self.module.text, other)})"
            return Fix(edits=(replace_node(node, f"~{test}" if negate else test),))
        return None


def _is_nan(node: nodes.NodeNG) -> bool:
    if isinstance(node, nodes.Attribute):
        return qualified_name(node) in NAN_CONSTANTS
    if isinstance(node, nodes.Name):
        return qualified_name(node) in NAN_CONSTANTS
    if isinstance(node, nodes.Call) and qualified_name(node.func) == "builtins.float" and len(node.args) == 1:
        argument = node.args[0]
        return isinstance(argument, nodes.Const) and isinstance(argument.value, str) and argument.value.lower() == "nan"
    return False


def _numpy_spelling(nan: nodes.NodeNG) -> str | None:
    """``np`` for ``np.nan``: the name the module itself uses for numpy."""
    if isinstance(nan, nodes.Attribute) and isinstance(nan.expr, nodes.Name):
        if qualified_name(nan.expr) == "numpy":
            return nan.expr.name
    return None
