"""PyTorch's training-step calls and gradient modes, as the module's own code spells them.

A training step is ``loss.backward()`` (or ``accelerator.backward(loss)``,
``scaler.scale(loss).backward()``) followed by an optimizer step; gradients
are cleared by ``zero_grad()`` on an optimizer or a module, or by hand
(``p.grad = None``, ``p.grad.zero_()``). ``gradients_disabled(node)`` says
whether ``node`` runs with autograd off in its own function: inside ``with
torch.no_grad():`` / ``torch.inference_mode()`` / ``torch.set_grad_enabled(False)``,
or in a function decorated with one of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from astroid import nodes

from mldebt.analysis.names import call_name, qualified_name
from mldebt.analysis.scopes import code_scope
from mldebt.analysis.values import called_function
from mldebt.analysis.tree_index import descendants

BACKWARD_METHODS = frozenset({"backward"})
ZERO_GRAD_METHODS = frozenset({"zero_grad", "clear_grad", "clear_gradients"})
# ``p.grad.zero_()`` / ``p.grad.data.zero_()`` / ``p.grad.detach_()``: clearing a gradient in place.
_IN_PLACE_CLEARS = frozenset({"zero_", "detach_", "fill_"})
NO_GRAD_CONTEXTS = frozenset(
    {
        "torch.no_grad",
        "torch.inference_mode",
        "torch.autograd.no_grad",
        "torch.autograd.inference_mode",
        "torch.autograd.grad_mode.no_grad",
        "torch.autograd.grad_mode.inference_mode",
    }
)
GRAD_SWITCHES = frozenset({"torch.set_grad_enabled", "torch.autograd.set_grad_enabled"})
# Calls that need the autograd graph: a function making them wants gradients on purpose.
GRADIENT_FUNCTIONS = frozenset({"torch.autograd.grad", "torch.autograd.backward", "torch.func.grad"})


def is_backward_call(call: nodes.Call) -> bool:
    """``loss.backward()``, ``scaler.scale(loss).backward()``, ``accelerator.backward(loss)``."""
    return isinstance(call.func, nodes.Attribute) and call.func.attrname in BACKWARD_METHODS


def clears_gradients(node: nodes.NodeNG) -> bool:
    """``opt.zero_grad()``, ``model.zero_grad()``, ``p.grad = None``, ``p.grad.zero_()``."""
    if isinstance(node, nodes.Call) and isinstance(node.func, nodes.Attribute):
        if node.func.attrname in ZERO_GRAD_METHODS:
            return True
        return node.func.attrname in _IN_PLACE_CLEARS and _names_grad(node.func.expr)
    if isinstance(node, nodes.AssignAttr):
        return node.attrname == "grad"
    return False


def _names_grad(expr: nodes.NodeNG) -> bool:
    while isinstance(expr, nodes.Attribute):
        if expr.attrname == "grad":
            return True
        expr = expr.expr
    return False


def disables_gradients(context: nodes.NodeNG) -> bool:
    """Is this ``with`` item or decorator ``torch.no_grad()``, ``inference_mode()`` or ``set_grad_enabled(False)``?"""
    if isinstance(context, nodes.Call):
        name = call_name(context)
        if name in GRAD_SWITCHES:
            return bool(context.args) and isinstance(context.args[0], nodes.Const) and context.args[0].value is False
        if name in NO_GRAD_CONTEXTS:
            mode = context.args[0] if context.args else next(
                (keyword.value for keyword in context.keywords or () if keyword.arg == "mode"), None
            )
            return not (isinstance(mode, nodes.Const) and mode.value is False)
        return False
    return qualified_name(context) in NO_GRAD_CONTEXTS


def gradients_disabled(node: nodes.NodeNG) -> bool:
    """Does ``node`` run with autograd off, by a context or decorator visible in its function?

    A module-level ``torch.set_grad_enabled(False)`` turns autograd off for
    the whole script and counts too. A caller that wraps the call in
    ``no_grad`` is not visible here.
    """
    child, parent = node, node.parent
    in_function = False
    while parent is not None:
        if isinstance(parent, nodes.With) and child in parent.body and not in_function:
            if any(disables_gradients(context) for context, _ in parent.items):
                return True
        if isinstance(parent, nodes.FunctionDef) and not in_function:
            if parent.decorators is not None and any(disables_gradients(d) for d in parent.decorators.nodes):
                return True
            # A ``with`` around the definition does not hold when the function is called.
            in_function = True
        if isinstance(parent, nodes.Module):
            # As a statement only ``set_grad_enabled(False)`` switches autograd off; a bare ``no_grad()`` does nothing.
            return any(
                isinstance(statement, nodes.Expr)
                and isinstance(statement.value, nodes.Call)
                and call_name(statement.value) in GRAD_SWITCHES
                and disables_gradients(statement.value)
                for statement in parent.body
                if statement.lineno < node.lineno or in_function
            )
        child, parent = parent, parent.parent
    return False


def wants_gradients(function: nodes.FunctionDef | nodes.Module) -> bool:
    """Does the code call ``backward()`` or ``torch.autograd.grad``: it needs the graph on purpose."""
    for call in descendants(function, nodes.Call, skip=(nodes.FunctionDef, nodes.ClassDef)):
        if is_backward_call(call) or call_name(call) in GRADIENT_FUNCTIONS:
            return True
        if isinstance(call.func, nodes.Attribute) and call.func.attrname == "requires_grad_":
            return True
    return False


def code_clears_gradients(nodes_run: Iterable[nodes.NodeNG]) -> bool:
    """Do these nodes clear gradients, themselves or in a helper of the module they call (one level)?"""
    for node in nodes_run:
        if clears_gradients(node):
            return True
        if isinstance(node, nodes.Call):
            helper = own_callee(node)
            if helper is not None and any(
                clears_gradients(inner) for inner in descendants(helper, (nodes.Call, nodes.AssignAttr))
            ):
                return True
    return False


def own_callee(call: nodes.Call) -> nodes.FunctionDef | None:
    """The module's own function or method (``helper(...)``, ``self.helper(...)``) a call runs."""
    if isinstance(call.func, nodes.Attribute) and isinstance(call.func.expr, nodes.Name):
        if call.func.expr.name != "self":
            return None
        method = code_scope(call)
        klass = method.parent if isinstance(method, nodes.FunctionDef) else None
        if not isinstance(klass, nodes.ClassDef):
            return None
        methods = [m for m in klass.mymethods() if m.name == call.func.attrname]
        return methods[0] if len(methods) == 1 else None
    return called_function(call)
