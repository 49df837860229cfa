"""API facts about tensor operations: logs, clipping, tiling, growing concatenation, Keras sessions.

The qualified names here are what ``names.qualified_name`` gives for the
module's own imports (``import tensorflow as tf`` makes ``tf.concat`` mean
``tensorflow.concat``). ``probability_origin(expr)`` traces a value back to
the call that produced a probability (a sigmoid or softmax, a
``predict_proba``) through names, indexing, ``1 - p`` and operations that
keep the value; clipping, adding an epsilon or any unknown call stops it.
"""

from __future__ import annotations

from collections.abc import Iterable

from astroid import nodes

from mldebt.analysis.apis import ACTIVATION_FUNCTIONS, ACTIVATION_METHODS
from mldebt.analysis.names import call_name, qualified_name
from mldebt.analysis.values import trace

LOG_FUNCTIONS = frozenset(
    {
        "torch.log", "torch.log2", "torch.log10",
        "tensorflow.log", "tensorflow.math.log", "tensorflow.keras.backend.log", "keras.backend.log",
        "keras.ops.log", "numpy.log", "numpy.log2", "numpy.log10", "jax.numpy.log", "math.log",
    }
)
LOG_METHODS = frozenset({"log", "log2", "log10"})
PROBABILITY_METHODS = ACTIVATION_METHODS | {"predict_proba"}

# Operations that keep a probability a probability (and so keep its zeros).
_KEEPING_METHODS = frozenset(
    {"squeeze", "unsqueeze", "flatten", "ravel", "reshape", "view", "to", "float", "double", "cpu",
     "detach", "numpy", "contiguous", "transpose", "permute", "t"}
)
_KEEPING_FUNCTIONS = frozenset(
    {"numpy.asarray", "numpy.array", "numpy.squeeze", "torch.squeeze", "tensorflow.squeeze",
     "tensorflow.reshape", "tensorflow.cast", "tensorflow.convert_to_tensor", "torch.as_tensor"}
)

TILE_FUNCTIONS = frozenset({"tensorflow.tile", "numpy.tile", "torch.tile", "jax.numpy.tile"})
# Element-wise arithmetic that broadcasts its operands.
ELEMENTWISE_OPERATORS = frozenset({"+", "-", "*", "/", "//", "%", "**"})
ELEMENTWISE_FUNCTIONS = frozenset(
    {
        "tensorflow.add", "tensorflow.subtract", "tensorflow.multiply", "tensorflow.divide",
        "tensorflow.math.add", "tensorflow.math.subtract", "tensorflow.math.multiply",
        "tensorflow.math.divide", "tensorflow.maximum", "tensorflow.minimum",
        "numpy.add", "numpy.subtract", "numpy.multiply", "numpy.divide", "numpy.maximum", "numpy.minimum",
        "torch.add", "torch.sub", "torch.mul", "torch.div", "torch.maximum", "torch.minimum",
    }
)

# TensorFlow concatenations that copy their inputs into a new tensor.
TF_CONCATS = frozenset(
    {"tensorflow.concat", "tensorflow.keras.backend.concatenate", "tensorflow.experimental.numpy.concatenate"}
)

KERAS_SESSION_RESETS = frozenset(
    {
        "tensorflow.keras.backend.clear_session", "keras.backend.clear_session", "keras.utils.clear_session",
        "tensorflow.compat.v1.reset_default_graph", "tensorflow.reset_default_graph",
        "tensorflow.compat.v1.keras.backend.clear_session",
    }
)


def is_log_call(call: nodes.Call) -> nodes.NodeNG | None:
    """The argument of a ``log`` call (``torch.log(p)``, ``np.log(p)``, ``p.log()``), else ``None``."""
    name = call_name(call)
    if name in LOG_FUNCTIONS:
        return call.args[0] if call.args else None
    if name is None and isinstance(call.func, nodes.Attribute) and call.func.attrname in LOG_METHODS:
        return None if call.args or call.keywords else call.func.expr
    return None


def is_log_function(call: nodes.Call) -> bool:
    """``torch.log(p)`` rather than ``p.log()``."""
    return call_name(call) in LOG_FUNCTIONS


def probability_origin(expr: nodes.NodeNG) -> nodes.Call | None:
    """The sigmoid/softmax/``predict_proba`` call whose output ``expr`` still is, unclipped."""
    for node in trace(expr, _keeps_probability):
        if isinstance(node, nodes.Call) and _makes_probability(node):
            return node
    return None


def _makes_probability(call: nodes.Call) -> bool:
    name = call_name(call)
    if name is not None:
        return name in ACTIVATION_FUNCTIONS
    return isinstance(call.func, nodes.Attribute) and call.func.attrname in PROBABILITY_METHODS


def _keeps_probability(node: nodes.NodeNG) -> Iterable[nodes.NodeNG]:
    if isinstance(node, nodes.Subscript):
        return (node.value,)
    if isinstance(node, nodes.BinOp) and node.op == "-" and _is_one(node.left):
        return (node.right,)
    if isinstance(node, nodes.Call):
        name = qualified_name(node.func)
        if name is not None:
            return node.args[:1] if name in _KEEPING_FUNCTIONS else ()
        if isinstance(node.func, nodes.Attribute) and node.func.attrname in _KEEPING_METHODS:
            return (node.func.expr,)
    return ()


def _is_one(node: nodes.NodeNG) -> bool:
    return isinstance(node, nodes.Const) and node.value in (1, 1.0) and not isinstance(node.value, bool)
