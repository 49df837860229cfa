from astroid import nodes

from mldebt.analysis.loops import innermost_loop
from mldebt.analysis.names import call_name
from mldebt.analysis.tensor_ops import TF_CONCATS
from mldebt.rule import Rule


class TensorArrayNotUsed(Rule):
    """## What it does
    Flags a TensorFlow tensor grown inside a loop by concatenating it with
    the new piece and assigning the result back to it
    (`t = tf.concat([t, piece], axis)`).

    ## Why is this bad
    Zhang et al. 2022 (Z#17, TensorArray not used): every iteration copies
    everything collected so far, so the loop takes quadratic time and memory
    traffic, and inside `tf.function` a tensor whose shape changes on each
    iteration cannot be traced into a graph loop at all.

    ## Example
    ```python
    tokens = start
    for _ in range(max_length):
        next_token = step(tokens)
        tokens = tf.concat([tokens, next_token], axis=1)
    ```

    ## Use instead
    Write the pieces to a `tf.TensorArray` (in graph code) or append them to
    a Python list, and concatenate or stack once after the loop:
    ```python
    pieces = tf.TensorArray(tf.int32, size=max_length)
    for index in tf.range(max_length):
        pieces = pieces.write(index, step(...))
    tokens = pieces.stack()
    ```
    A concatenation of fixed tensors inside a loop (nothing accumulates) and
    a concatenation after the loop are not flagged.

    ## Options
    None.
    """

    code = "MLD831"
    symbol = "tensor-array-not-used"
    summary = "Tensor grown with tf.concat inside a loop"
    node_types = (nodes.Call,)

    def visit(self, node: nodes.Call) -> None:
        if call_name(node) not in TF_CONCATS or innermost_loop(node) is None:
            return
        target = _assigned_target(node)
        pieces = _concatenated(node)
        if target is None or pieces is None:
            return
        grown = target.as_string()
        if any(piece.as_string() == grown for piece in pieces):
            self.report(
                node,
                f"`{grown}` is grown by `{node.func.as_string()}` on every iteration of the loop, copying it "
                "each time; collect the pieces in a `tf.TensorArray` or a list and concatenate once after the loop",
            )


def _assigned_target(call: nodes.Call) -> nodes.NodeNG | None:
    """The single name or attribute the call's value is assigned to (through a conditional expression)."""
    value: nodes.NodeNG = call
    while isinstance(value.parent, nodes.IfExp) and value is not value.parent.test:
        value = value.parent
    assign = value.parent
    if not isinstance(assign, nodes.Assign) or assign.value is not value or len(assign.targets) != 1:
        return None
    target = assign.targets[0]
    return target if isinstance(target, (nodes.AssignName, nodes.AssignAttr)) else None


def _concatenated(call: nodes.Call) -> list[nodes.NodeNG] | None:
    values = call.args[0] if call.args else next(
        (keyword.value for keyword in call.keywords or () if keyword.arg == "values"), None
    )
    if isinstance(values, (nodes.List, nodes.Tuple)):
        return values.elts
    return None
