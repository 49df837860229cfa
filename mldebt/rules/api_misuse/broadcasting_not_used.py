from astroid import nodes

from mldebt.analysis.names import call_name
from mldebt.analysis.receivers import NDARRAY, TENSOR, kind_of
from mldebt.analysis.tensor_ops import ELEMENTWISE_FUNCTIONS, ELEMENTWISE_OPERATORS, TILE_FUNCTIONS
from mldebt.rule import Rule
from mldebt.analysis.tree_index import descendants

_ARRAYS = frozenset({NDARRAY, TENSOR})


class BroadcastingNotUsed(Rule):
    """## What it does
    Flags `tf.tile`, `np.tile` or `torch.tile` whose result is only used as
    an operand of element-wise arithmetic (`+`, `-`, `*`, `/`, `tf.add`,
    `np.multiply`, ...), directly or through a variable that is used for
    nothing else.

    ## Why is this bad
    Zhang et al. 2022 (Z#16, broadcasting feature not used): tiling
    materialises the repeated tensor in memory only to match the other
    operand's shape, which broadcasting does for free. On large batches the
    copy costs memory and time, and the explicit multiples hard-code shapes
    that broadcasting would follow.

    ## Example
    ```python
    tiled_mean = tf.tile(mean[tf.newaxis, :], [tf.shape(batch)[0], 1])
    standardised = (batch - tiled_mean) / std
    ```

    ## Use instead
    Give the smaller operand size-1 axes and let broadcasting repeat it:
    ```python
    standardised = (batch - mean[tf.newaxis, :]) / std
    ```
    A tiled tensor that is concatenated, returned, stored or passed to any
    other call is a copy the code needs and is not flagged. Nor is arithmetic
    with a scalar or with a value not known to be an array or a tensor: there
    the tile may be what gives the result its shape (`np.tile(kernel, ...) *
    scale`); on the primer corpus that was the one false positive.

    ## Options
    None.
    """

    code = "MLD812"
    symbol = "broadcasting-not-used"
    summary = "tile used only to match shapes for an element-wise operation"
    node_types = (nodes.Call,)

    def visit(self, node: nodes.Call) -> None:
        if call_name(node) not in TILE_FUNCTIONS:
            return
        if _elementwise_operand(node) or _only_elementwise_uses(node):
            self.report(
                node,
                f"`{node.func.as_string()}` copies the tensor only to match shapes for element-wise arithmetic; "
                "add size-1 axes (`x[None, :]`, `expand_dims`) and let broadcasting repeat it",
            )


def _elementwise_operand(expr: nodes.NodeNG) -> bool:
    """Is ``expr`` an operand of element-wise arithmetic with an array or tensor?

    The other operand must be known to be an array or a tensor: against a
    scalar (``kernel * scale``) or an unknown value, the tile may be what
    gives the result its shape.
    """
    parent = expr.parent
    if isinstance(parent, nodes.BinOp) and parent.op in ELEMENTWISE_OPERATORS:
        others = [parent.right if expr is parent.left else parent.left]
    elif isinstance(parent, nodes.Call) and expr in parent.args and call_name(parent) in ELEMENTWISE_FUNCTIONS:
        others = [argument for argument in parent.args if argument is not expr]
    else:
        return False
    return any(kind_of(other) in _ARRAYS for other in others)


def _only_elementwise_uses(call: nodes.Call) -> bool:
    """Is the call assigned to one name that is read only as an element-wise operand?"""
    assign = call.parent
    if not isinstance(assign, nodes.Assign) or assign.value is not call or len(assign.targets) != 1:
        return False
    target = assign.targets[0]
    if not isinstance(target, nodes.AssignName):
        return False
    scope = target.scope()
    uses = [
        name
        for name in descendants(scope, nodes.Name)
        if name.name == target.name and target in name.lookup(name.name)[1]
    ]
    return bool(uses) and all(_elementwise_operand(use) for use in uses)
