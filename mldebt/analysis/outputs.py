"""Which values are model outputs: predictions, scores, probabilities.

``model_output_origin(expr)`` traces ``expr`` back through local assignments
(see ``values.trace``) and value-preserving operations (subscripts,
arithmetic, ``.item()``, ``float()``, ``np.max()``...) and returns the call
that produced a model output, or ``None``. Model outputs are:

- ``.predict(...)``, ``.predict_proba(...)``, ``.predict_log_proba(...)``,
  ``.decision_function(...)``, ``.score_samples(...)`` on any object;
- ``sigmoid``/``softmax`` from torch, TensorFlow, Keras, SciPy and JAX;
- a call of a model object: a name such as ``model``/``net``/``clf``, or a
  variable holding a loaded model, a model built by a library
  (``YOLO(...)``, ``torchvision.models.resnet18()``, a scikit-learn
  estimator), or an instance of this module's ``nn.Module``/``keras.Model``
  subclasses.

Operations that turn an output into something else stop the trace:
``len()``, ``.shape``, ``.argmax()``, ``.sum()`` and any call not known to
pass the value on.
"""

from __future__ import annotations

from collections.abc import Iterable

from astroid import nodes

from mldebt.analysis.apis import (
    METADATA_ATTRIBUTES,
    MODEL_LOADERS,
    builds_model,
    is_model_class,
    is_prediction_call,
    looks_like_model_name,
)
from mldebt.analysis.names import call_name, qualified_name
from mldebt.analysis.values import bound_values, caller_arguments, own_callee, returned_values, trace

# How many parameters a trace follows back to their callers' arguments.
_MAX_PARAMETERS_FOLLOWED = 4
VALUE_PRESERVING_METHODS = frozenset(
    {
        "item", "max", "min", "amax", "amin", "mean", "median", "squeeze", "unsqueeze", "flatten", "ravel",
        "numpy", "cpu", "detach", "tolist", "to_numpy", "astype", "round", "clip", "clamp",
        "reshape", "view", "to", "float", "double", "copy", "exp", "quantile", "nlargest",
    }
)
VALUE_PRESERVING_FUNCTIONS = frozenset(
    {
        "builtins.float", "builtins.round", "builtins.abs", "builtins.max", "builtins.min",
        "builtins.list", "builtins.sorted", "math.exp", "numpy.max", "numpy.min", "numpy.amax",
        "numpy.amin", "numpy.mean", "numpy.median", "numpy.round", "numpy.clip", "numpy.exp",
        "numpy.squeeze", "numpy.asarray", "numpy.array", "numpy.ravel", "numpy.quantile",
        "numpy.percentile", "torch.clamp", "torch.exp", "torch.squeeze",
    }
)


def model_output_origin(expr: nodes.NodeNG) -> nodes.Call | None:
    """The prediction call ``expr``'s value comes from, if it is a model output.

    A parameter is followed to what the module's own calls of its function
    pass for it (``self.postprocess(self.model.predict_proba(x)[0])``), a
    few functions deep.
    """
    pending, followed = [expr], 0
    while pending:
        for node in trace(pending.pop(), _passes_value_on):
            if isinstance(node, nodes.Call) and (
                is_prediction_call(node) or is_model_object(node.func) or _runs_model_forward(node)
            ):
                return node
            if isinstance(node, nodes.Name) and followed < _MAX_PARAMETERS_FOLLOWED:
                passed = caller_arguments(node)
                followed += bool(passed)
                pending.extend(passed)
    return None


def _runs_model_forward(call: nodes.Call) -> bool:
    """``net.forward()``: a network object's forward pass (OpenCV's ``dnn``, a PyTorch module called directly)."""
    function = call.func
    return isinstance(function, nodes.Attribute) and function.attrname == "forward" and is_model_object(function.expr)


def is_model_object(expr: nodes.NodeNG) -> bool:
    """Does ``expr`` hold a model (so that calling it makes a prediction)?"""
    if isinstance(expr, nodes.Attribute):
        return looks_like_model_name(expr.attrname)
    if not isinstance(expr, nodes.Name):
        return False
    if looks_like_model_name(expr.name):
        return True
    return any(_creates_model(value) for value in bound_values(expr))


def _creates_model(value: nodes.NodeNG) -> bool:
    if not isinstance(value, nodes.Call):
        return False
    name = call_name(value)
    if name in MODEL_LOADERS or builds_model(name):
        return True
    if isinstance(value.func, nodes.Name):
        _, definitions = value.func.lookup(value.func.name)
        return any(isinstance(d, nodes.ClassDef) and is_model_class(d) for d in definitions)
    return False


def _passes_value_on(node: nodes.NodeNG) -> Iterable[nodes.NodeNG]:
    if isinstance(node, nodes.Subscript):
        return (node.value,)
    if isinstance(node, nodes.Attribute):
        return () if node.attrname in METADATA_ATTRIBUTES else (node.expr,)
    if isinstance(node, nodes.Call):
        function = qualified_name(node.func)
        if function is not None:
            return node.args if function in VALUE_PRESERVING_FUNCTIONS else ()
        if isinstance(node.func, nodes.Attribute) and node.func.attrname in VALUE_PRESERVING_METHODS:
            return (node.func.expr,)
        # The project's own helper passes on what it returns (``self.probability(row)``).
        callee = own_callee(node)
        return returned_values(callee) if callee is not None else ()
    if isinstance(node, nodes.BinOp):
        return (node.left, node.right)
    if isinstance(node, nodes.UnaryOp):
        return (node.operand,)
    if isinstance(node, nodes.IfExp):
        return (node.body, node.orelse)
    if isinstance(node, nodes.BoolOp):
        return node.values
    if isinstance(node, (nodes.NamedExpr, nodes.Starred, nodes.Await)):
        return (node.value,)
    return ()
