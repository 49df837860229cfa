from astroid import nodes

from mldebt.analysis.autograd import code_clears_gradients, is_backward_call
from mldebt.analysis.loops import innermost_loop, loop_nodes
from mldebt.analysis.receivers import OPTIMIZER, kind_of
from mldebt.rule import Rule


class MissingZeroGrad(Rule):
    """## What it does
    Flags an optimizer step (`optimizer.step()`, `scaler.step(optimizer)`)
    in a loop that also calls `backward()` but never clears the gradients:
    no `zero_grad()` on an optimizer or a module and no `p.grad = None` in
    the loop, nor in a helper of the module the loop calls.

    ## Why is this bad
    Zhang et al. 2022 (Z#20, `zero_grad()` not used): PyTorch adds each
    `backward()` to the gradients already stored. Without clearing them,
    every step applies the sum of all gradients so far; training diverges
    or quietly learns the wrong thing, with no error.

    ## Example
    ```python
    for inputs, labels in loader:
        loss = criterion(model(inputs), labels)
        loss.backward()
        optimizer.step()
    ```

    ## Use instead
    ```python
    for inputs, labels in loader:
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(inputs), labels)
        loss.backward()
        optimizer.step()
    ```
    Gradient accumulation that zeroes every few steps, `model.zero_grad()`,
    clearing `p.grad` by hand, and closures passed to `step(closure)` are
    not flagged. The rule needs to know the stepped object is an optimizer
    (built from `torch.optim` in this module, or annotated); otherwise it
    stays quiet.

    ## Options
    None.
    """

    code = "MLD820"
    symbol = "missing-zero-grad"
    summary = "Training loop that never clears the gradients"
    node_types = (nodes.Call,)

    def visit(self, node: nodes.Call) -> None:
        optimizer = _stepped_optimizer(node)
        if optimizer is None:
            return
        loop = innermost_loop(node)
        if loop is None:
            return
        body = list(loop_nodes(loop))
        if not any(isinstance(inner, nodes.Call) and is_backward_call(inner) for inner in body):
            return
        if code_clears_gradients(body):
            return
        self.report(
            node,
            f"the loop calls `backward()` and steps `{optimizer.as_string()}` but never clears the gradients, "
            f"so they add up over iterations; call `{optimizer.as_string()}.zero_grad()` in every iteration",
        )


def _stepped_optimizer(call: nodes.Call) -> nodes.NodeNG | None:
    """The optimizer ``optimizer.step()`` or ``scaler.step(optimizer)`` steps; a closure step is left out."""
    if not isinstance(call.func, nodes.Attribute) or call.func.attrname != "step" or call.keywords:
        return None
    if not call.args and kind_of(call.func.expr) == OPTIMIZER:
        return call.func.expr
    if len(call.args) == 1 and kind_of(call.args[0]) == OPTIMIZER:
        return call.args[0]
    return None
