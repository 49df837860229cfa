"""Conversions between data representations: json, dict, DataFrame, ndarray, tensor, list.

Glue code moves the same data between the representations of the libraries
around a model: a request's JSON becomes a dict, a DataFrame, an ndarray, a
tensor, and back. ``conversion(node)`` says whether a call (or a pandas
``.values`` attribute) is such a conversion and between which
representations:

    json.loads(body)              json -> dict
    pd.DataFrame([payload])       ? -> DataFrame      (the operand decides the source)
    frame.to_numpy()              DataFrame -> ndarray
    torch.from_numpy(features)    ndarray -> tensor
    output.numpy()                tensor -> ndarray
    prices.tolist()               ? -> list

A Series counts as a DataFrame: both are pandas frames to the glue around
them. ``representation(expr)`` follows a value back through local
assignments and same-data steps (indexing, ``.copy()``, ``.reshape()``,
``.cpu()``...) to say what it holds, and ``undone_conversion(conversion)``
finds the conversion a round trip (A -> B -> A) undoes: the one every path
of the value leads back to, with nothing (a model, arithmetic, an in-place
update) changing the data in between.

Limits: methods are known by name only (``x.tolist()`` is a conversion
whatever ``x`` is); parameters and values returned by the module's own
functions have no known representation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from astroid import nodes
from astroid.const import Context

from mldebt.analysis.names import may_be_one_of, qualified_name
from mldebt.analysis.values import bound_values, trace
from mldebt.analysis.tree_index import descendants

JSON, DICT, FRAME, ARRAY, TENSOR, LIST = "json", "dict", "DataFrame", "ndarray", "tensor", "list"

# qualified function name -> (source, target); a source of None means "whatever the argument is".
_FUNCTIONS: dict[str, tuple[str | None, str]] = {
    **{f"{module}.loads": (JSON, DICT) for module in ("json", "ujson", "orjson", "simplejson")},
    **{f"{module}.dumps": (None, JSON) for module in ("json", "ujson", "orjson", "simplejson")},
    "flask.jsonify": (None, JSON),
    "pandas.DataFrame": (None, FRAME),
    "pandas.Series": (None, FRAME),
    "pandas.json_normalize": (DICT, FRAME),
    "pandas.DataFrame.from_dict": (DICT, FRAME),
    "pandas.DataFrame.from_records": (None, FRAME),
    "numpy.array": (None, ARRAY),
    "numpy.asarray": (None, ARRAY),
    "numpy.asanyarray": (None, ARRAY),
    "torch.tensor": (None, TENSOR),
    "torch.as_tensor": (None, TENSOR),
    "torch.Tensor": (None, TENSOR),
    "torch.FloatTensor": (None, TENSOR),
    "torch.from_numpy": (ARRAY, TENSOR),
    "tensorflow.convert_to_tensor": (None, TENSOR),
    "tensorflow.constant": (None, TENSOR),
    "builtins.list": (None, LIST),
    "builtins.dict": (None, DICT),
}
# method name -> (source, target), for receivers whose type is not known statically.
_METHODS: dict[str, tuple[str | None, str]] = {
    "get_json": (JSON, DICT),
    "json": (JSON, DICT),
    "to_dict": (FRAME, DICT),
    "to_json": (FRAME, JSON),
    "to_records": (FRAME, ARRAY),
    "to_numpy": (FRAME, ARRAY),
    "to_list": (FRAME, LIST),
    "tolist": (None, LIST),
    "numpy": (TENSOR, ARRAY),
}
# Methods that build their result from an argument rather than from the receiver.
_ARGUMENT_METHODS: dict[str, tuple[str | None, str]] = {
    "from_dict": (DICT, FRAME),
    "from_records": (None, FRAME),
}
# Attributes that convert: ``frame.values`` is the frame's ndarray.
_ATTRIBUTES: dict[str, tuple[str | None, str]] = {"values": (FRAME, ARRAY)}
_CONVERTING_NAMES = frozenset(
    {name.rsplit(".", 1)[-1] for name in _FUNCTIONS} | set(_METHODS) | set(_ARGUMENT_METHODS)
)

# Steps after which a value still holds the same data in the same representation.
_SAME_DATA_METHODS = frozenset(
    {
        "copy", "astype", "reshape", "squeeze", "unsqueeze", "flatten", "ravel", "cpu", "cuda", "detach",
        "contiguous", "float", "double", "to", "view", "clone",
    }
)
_SAME_DATA_ATTRIBUTES = frozenset({"T", "loc", "iloc", "data"})
# Calls that change a container in place: after them the "same" data is no longer the same.
_IN_PLACE_METHODS = frozenset(
    {"append", "extend", "insert", "update", "pop", "remove", "sort", "fill", "fill_", "add_", "mul_", "clamp_"}
)

# ``list(...)``/``dict(...)`` of these builds a container, it does not convert data.
_METADATA_ATTRIBUTES = frozenset({"columns", "index", "shape", "dtypes", "names", "classes_", "feature_names_in_"})
_CONTAINER_VIEWS = frozenset({"keys", "items", "values", "split", "glob", "iterdir", "parameters"})
_ITERATOR_BUILTINS = frozenset(
    f"builtins.{name}" for name in ("range", "zip", "map", "enumerate", "filter", "sorted", "reversed", "set")
)

_FRAME_SOURCES = ("pandas.read_", "pandas.DataFrame", "pandas.concat", "pandas.merge")
_ARRAY_SOURCES = frozenset({"numpy.load", "numpy.loadtxt", "numpy.genfromtxt", "numpy.fromfile", "numpy.stack"})


@dataclasses.dataclass(frozen=True)
class Conversion:
    """``node`` converts ``operand`` from ``source`` (``None``: as given) to ``target``."""

    node: nodes.NodeNG
    source: str | None
    target: str
    operand: nodes.NodeNG | None


def conversion(node: nodes.NodeNG) -> Conversion | None:
    """The conversion a call or attribute performs, or ``None``."""
    if isinstance(node, nodes.Call):
        return _call_conversion(node)
    if (
        isinstance(node, nodes.Attribute)
        and node.attrname in _ATTRIBUTES
        and not (isinstance(node.parent, nodes.Call) and node.parent.func is node)
    ):
        source, target = _ATTRIBUTES[node.attrname]
        return Conversion(node, source, target, node.expr)
    return None


def _call_conversion(call: nodes.Call) -> Conversion | None:
    if not may_be_one_of(call, _CONVERTING_NAMES):
        return None
    name = qualified_name(call.func)
    if name in _FUNCTIONS:
        if name in ("builtins.list", "builtins.dict") and not _builds_from_data(call):
            return None
        source, target = _FUNCTIONS[name]
        return Conversion(call, source, target, _first_argument(call))
    if not isinstance(call.func, nodes.Attribute):
        return None
    method = call.func.attrname
    if method in _METHODS:
        if method == "to_json" and (call.args or any(k.arg == "path_or_buf" for k in call.keywords or ())):
            return None  # writes a file
        source, target = _METHODS[method]
        return Conversion(call, source, target, call.func.expr)
    if method in _ARGUMENT_METHODS:
        source, target = _ARGUMENT_METHODS[method]
        return Conversion(call, source, target, _first_argument(call))
    return None


def _builds_from_data(call: nodes.Call) -> bool:
    """``list(values)`` converts data; ``list(range(3))``, ``list(df.columns)``, ``dict(a=1)`` do not."""
    if len(call.args) != 1 or call.keywords:
        return False
    argument = call.args[0]
    if isinstance(argument, nodes.Attribute):
        return argument.attrname not in _METADATA_ATTRIBUTES
    if isinstance(argument, nodes.Call):
        if isinstance(argument.func, nodes.Attribute):
            return argument.func.attrname not in _CONTAINER_VIEWS
        return qualified_name(argument.func) not in _ITERATOR_BUILTINS
    return not isinstance(argument, (nodes.GeneratorExp, nodes.Const))


def _first_argument(call: nodes.Call) -> nodes.NodeNG | None:
    if call.args:
        return call.args[0]
    return call.keywords[0].value if call.keywords else None


def _same_data(node: nodes.NodeNG) -> Iterable[nodes.NodeNG]:
    """Where a value comes from when it holds the same data as its origin; conversions stop here."""
    if isinstance(node, nodes.Subscript):
        return (node.value,)
    if isinstance(node, nodes.Attribute) and node.attrname in _SAME_DATA_ATTRIBUTES:
        return (node.expr,)
    if (
        isinstance(node, nodes.Call)
        and isinstance(node.func, nodes.Attribute)
        and node.func.attrname in _SAME_DATA_METHODS
        and conversion(node) is None
    ):
        return (node.func.expr,)
    if isinstance(node, nodes.NamedExpr):
        return (node.value,)
    return ()


def representation(expr: nodes.NodeNG) -> str | None:
    """What ``expr`` holds (one of the representations above), when the code shows it."""
    for node in trace(expr, _same_data):
        found = conversion(node)
        if found is not None:
            return found.target
        if isinstance(node, (nodes.List, nodes.ListComp)):
            return LIST
        if isinstance(node, (nodes.Dict, nodes.DictComp)):
            return DICT
        if isinstance(node, nodes.Call):
            name = qualified_name(node.func)
            if name is not None and name.startswith(_FRAME_SOURCES):
                return FRAME
            if name in _ARRAY_SOURCES:
                return ARRAY
    return None


def source_representation(found: Conversion) -> str | None:
    """What a conversion converts from: its operand's representation, else what the API implies."""
    if found.operand is not None:
        shown = representation(found.operand)
        if shown is not None:
            return shown
    return found.source


def undone_conversion(back: Conversion) -> Conversion | None:
    """The conversion ``back`` reverses: its operand holds, unchanged, data converted away from ``back.target``."""
    if back.operand is None:
        return None
    passed: list[nodes.Name] = []
    origins: list[Conversion] = []
    for node in trace(back.operand, _same_data):
        found = conversion(node)
        if found is not None:
            origins.append(found)
        elif isinstance(node, nodes.Name):
            passed.append(node)
            if not bound_values(node):
                return None  # a parameter, or bound where the value cannot be followed
        elif not _same_data(node):
            return None  # on this path the data was made, or changed, by something else
    if len(origins) != 1:
        return None
    first = origins[0]
    if (
        first.target == back.target
        or first.node.scope() is not back.node.scope()
        or source_representation(first) != back.target
        or any(_changed_in_place(name) for name in passed)
        or _stacks_a_column(first, back)
        or _may_cross_frameworks(back)
    ):
        return None
    return first


def _stacks_a_column(first: Conversion, back: Conversion) -> bool:
    """``np.array(df["vec"].values.tolist())``: a column's cells may be vectors, and the list makes them a 2-D array.

    A column's ndarray (``.values``, ``.to_numpy()``) has ``object`` cells
    whenever the cells are lists; its ``tolist()`` turned back into an array
    changes the shape, which is the point, not a round trip.
    """
    if first.target != LIST or back.target != ARRAY or first.operand is None:
        return False
    return any(
        found is not None and found.source == FRAME and found.target == ARRAY
        for found in map(conversion, trace(first.operand, _same_data))
    )


_TENSOR_FRAMEWORKS = ("torch", "tensorflow")


def _may_cross_frameworks(back: Conversion) -> bool:
    """``tf.convert_to_tensor(torch_tensor.numpy())`` bridges two frameworks when the module uses both.

    ``.numpy()`` exists on the tensors of both, so which one the data came
    from is unknown; in a module that imports both, NumPy is the bridge.
    """
    if back.target != TENSOR or not isinstance(back.node, nodes.Call):
        return False
    framework = (qualified_name(back.node.func) or "").split(".", 1)[0]
    if framework not in _TENSOR_FRAMEWORKS:
        return False
    others = set(_TENSOR_FRAMEWORKS) - {framework}
    module = back.node.root()
    for node in descendants(module, (nodes.Import, nodes.ImportFrom)):
        names = [node.modname] if isinstance(node, nodes.ImportFrom) else [name for name, _ in node.names]
        if any((name or "").split(".", 1)[0] in others for name in names):
            return True
    return False


def _changed_in_place(name: nodes.Name) -> bool:
    """Is the variable updated in place anywhere in its scope (``arr[:, 0] = ...``, ``rows.append(...)``)?"""
    scope = name.scope()
    for node in descendants(scope, (nodes.Subscript, nodes.Call, nodes.AugAssign)):
        if isinstance(node, nodes.Subscript):
            changed = node.ctx != Context.Load and _names(node.value, name)
        elif isinstance(node, nodes.AugAssign):
            changed = isinstance(node.target, nodes.AssignName) and node.target.name == name.name
        else:
            changed = isinstance(node.func, nodes.Attribute) and _names(node.func.expr, name) and (
                node.func.attrname in _IN_PLACE_METHODS or _keyword_is_true(node, "inplace")
            )
        if changed:
            return True
    return False


def _names(expr: nodes.NodeNG, name: nodes.Name) -> bool:
    return isinstance(expr, nodes.Name) and expr.name == name.name


def _keyword_is_true(call: nodes.Call, keyword_name: str) -> bool:
    return any(
        keyword.arg == keyword_name and isinstance(keyword.value, nodes.Const) and keyword.value.value is True
        for keyword in call.keywords or ()
    )
