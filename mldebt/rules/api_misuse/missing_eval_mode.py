from astroid import nodes

from mldebt.analysis.autograd import NO_GRAD_CONTEXTS, gradients_disabled, is_backward_call, own_callee, wants_gradients
from mldebt.analysis.loops import Loop, innermost_loop, loop_nodes
from mldebt.analysis.names import call_name
from mldebt.analysis.receivers import TORCH_MODULE, kind_of
from mldebt.analysis.scopes import code_scope
from mldebt.rule import Option, Rule
from mldebt.analysis.tree_index import descendants


class MissingEvalMode(Rule):
    """## What it does
    Flags two misuses of PyTorch's evaluation mode:

    - `model.eval()` inside a training loop (one that calls `backward()`)
      that is never undone by `model.train()` in the loop, while the same
      model is still called with gradients on: after the first validation,
      training carries on with dropout off and batch-norm statistics frozen.
    - inference after `model.eval()` outside `torch.no_grad()` /
      `torch.inference_mode()`, in a function that never needs gradients:
      autograd records the whole graph of every prediction.
    - `torch.no_grad()` or `torch.inference_mode()` called as a statement of
      its own: it builds a context manager and throws it away, so gradients
      stay on.

    ## Why is this bad
    Zhang et al. 2022 (Z#18, train/eval mode improper toggling): dropout and
    batch normalisation behave differently in the two modes, and the mode is
    state on the module that stays until someone switches it. Training in
    eval mode silently changes the model; predicting with autograd on wastes
    memory, often enough to run out of it on large batches.

    ## Example
    ```python
    for epoch in range(epochs):
        for x, y in train_loader:
            ...
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            validate(model)
    ```

    ## Use instead
    ```python
    for epoch in range(epochs):
        model.train()
        for x, y in train_loader:
            ...
        model.eval()
        with torch.no_grad():
            validate(model)
    ```
    A frozen model that stays in eval mode while another one trains (a
    teacher called under `no_grad`), functions decorated with
    `@torch.no_grad()`, functions that call `backward()` or
    `torch.autograd.grad` (saliency, adversarial examples) and functions
    called from a `no_grad` block of the same module are not flagged.

    ## Options
    - `require-no-grad` (bool, default `true`): also flag inference after
      `eval()` that runs with autograd on.
    """

    code = "MLD822"
    symbol = "missing-eval-mode"
    summary = "Evaluation mode not toggled back, or inference with autograd on"
    node_types = (nodes.Call,)
    options = (
        Option("require-no-grad", "bool", True, "Also flag inference after eval() with autograd on."),
    )

    def visit(self, node: nodes.Call) -> None:
        if isinstance(node.parent, nodes.Expr) and call_name(node) in NO_GRAD_CONTEXTS:
            self.report(
                node,
                f"`{node.as_string()}` on its own line does nothing: gradients stay on for the code after it; "
                f"use it as a context manager (`with {node.as_string()}:`) or a decorator",
            )
            return
        model = _switched_to_eval(node)
        if model is None:
            return
        loop = _training_loop(node)
        if loop is not None:
            if _stays_in_eval(loop, model.as_string()):
                self.report(
                    node,
                    f"`{model.as_string()}.eval()` in the training loop is never undone: the next iterations "
                    f"train in eval mode; call `{model.as_string()}.train()` at the start of each epoch",
                )
            return
        if self.settings["require-no-grad"]:
            self._check_inference(node, model.as_string())

    def _check_inference(self, switch: nodes.Call, model: str) -> None:
        scope = code_scope(switch)
        if isinstance(scope, nodes.ClassDef) or wants_gradients(scope):
            return
        if isinstance(scope, nodes.FunctionDef) and _called_without_gradients(scope):
            return
        for call in descendants(scope, nodes.Call, skip=(nodes.FunctionDef, nodes.ClassDef)):
            if call.lineno > switch.lineno and call.func.as_string() == model and not gradients_disabled(call):
                self.report(
                    call,
                    f"`{model}` predicts after `{model}.eval()` with autograd on, which records the graph of every "
                    "prediction; run inference under `with torch.no_grad():` (or `torch.inference_mode()`)",
                )
                return


def _switched_to_eval(call: nodes.Call) -> nodes.NodeNG | None:
    """The module ``m.eval()`` (or ``m.train(False)``) switches to evaluation mode."""
    function = call.func
    if not isinstance(function, nodes.Attribute) or call.keywords:
        return None
    if function.attrname == "eval" and not call.args:
        pass
    elif not (function.attrname == "train" and len(call.args) == 1 and _is_false(call.args[0])):
        return None
    return function.expr if kind_of(function.expr) == TORCH_MODULE else None


def _is_false(node: nodes.NodeNG) -> bool:
    return isinstance(node, nodes.Const) and node.value is False


def _training_loop(node: nodes.NodeNG) -> Loop | None:
    """The outermost loop around ``node`` (in its function) whose iterations call ``backward()``."""
    found = None
    loop = innermost_loop(node)
    while loop is not None:
        if any(isinstance(inner, nodes.Call) and is_backward_call(inner) for inner in loop_nodes(loop)):
            found = loop
        loop = innermost_loop(loop)
    return found


def _stays_in_eval(loop: Loop, model: str) -> bool:
    """No ``train()`` in the loop, and ``model`` is called there with autograd on (it is the one trained).

    Any ``x.train()`` in the loop, or in a helper of the module it calls,
    counts as switching back: wrappers (``model.module``) and helpers that
    take the model under another name spell it differently.
    """
    trained_with_gradients = False
    for inner in loop_nodes(loop):
        if not isinstance(inner, nodes.Call):
            continue
        if _switches_to_train(inner):
            return False
        helper = own_callee(inner)
        if helper is not None and any(_switches_to_train(call) for call in descendants(helper, nodes.Call)):
            return False
        if inner.func.as_string() == model and not gradients_disabled(inner):
            trained_with_gradients = True
    return trained_with_gradients


def _switches_to_train(call: nodes.Call) -> bool:
    function = call.func
    if not isinstance(function, nodes.Attribute) or function.attrname != "train":
        return False
    return not (call.args and _is_false(call.args[0]))


def _called_without_gradients(function: nodes.FunctionDef) -> bool:
    """Is the function called somewhere in its module inside a ``no_grad`` block or function?"""
    for call in descendants(function.root(), nodes.Call):
        if own_callee(call) is function and gradients_disabled(call):
            return True
    return False
