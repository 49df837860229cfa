"""What kind of value an expression holds: DataFrame, Series, ndarray, tensor, model...

Rules about library misuse need their receiver's kind: ``.values`` is a
smell on a pandas frame and the normal API of a dict or a polars frame. The
answer comes from the module's own code, never from astroid inference into
pandas, numpy or torch, so it is the same whether or not they are installed.

Public API
----------
``kind_of(expr) -> str``
    One of the kind constants of ``mldebt.analysis.api_kinds`` (re-exported
    here): ``DATAFRAME``, ``SERIES``, ``PANDAS`` (a DataFrame or a Series, not
    known which), ``NDARRAY``, ``TENSOR``, ``TORCH_MODULE`` (``nn.Module``),
    ``OPTIMIZER``, ``SCHEDULER``, ``DATALOADER``, ``DATASET``,
    ``KERAS_MODEL``, ``ESTIMATOR`` (scikit-learn API, xgboost/lightgbm/
    catboost included); the pandas helpers ``FRAME_GROUPS``,
    ``SERIES_GROUPS``, ``INDEXER`` (``df.loc``), ``ACCESSOR`` (``s.str``),
    ``INDEX``; kinds that are known and never pandas: ``POLARS``, ``XARRAY``,
    ``DASK``, ``SPARK``, ``DICT``, ``LIST``, ``TUPLE``, ``SET``, ``STRING``,
    ``NUMBER``, ``NONE``, ``MODULE``, ``FUNCTION``, ``CLASS``, ``FILE``,
    ``OTHER``; and ``UNKNOWN``. Cached per node.
``is_pandas(expr)`` / ``is_frame(expr)``
    The kind is a DataFrame, Series or either / exactly a DataFrame.
``array_ndim(expr) -> int | None``
    The number of dimensions of an ndarray when the code fixes it
    (``np.zeros((n, m))``, ``x.reshape(-1, 1)``, ``df.to_numpy()``), else None.
``class_kind(class_def) -> str``
    What instances of a class of this module are, by its bases
    (``class Net(nn.Module)`` -> ``TORCH_MODULE``), through the module's own
    subclasses too.
``annotation_kind(annotation) -> str``
    The kind an annotation names (``pd.DataFrame``, ``"np.ndarray"``,
    ``Optional[torch.Tensor]``, ``dict[str, int]``).
``constructed_class(expr) -> str | None``
    The qualified name of the library class whose call built the value
    (``le = LabelEncoder()`` -> ``sklearn.preprocessing.LabelEncoder``),
    through names, ``self.x`` and ``.fit(...)``.

The facts themselves (what each function, class, method and attribute
returns; which functions are readers: ``api_kinds.is_reader``) live in
``mldebt.analysis.api_kinds``; add a library there, not in a rule.

Where kinds come from
---------------------
- Literals (``{}`` a dict, ``[...]`` a list) and imports (a module).
- Calls of library functions and classes by qualified name (``pd.read_csv``
  -> DataFrame, ``torch.tensor`` -> tensor, ``nn.Linear(...)`` -> nn.Module,
  ``RandomForestClassifier()`` -> estimator, ``pl.read_csv`` -> polars): the
  table in ``api_kinds``.
- Methods and attributes of a receiver of known kind (``df.groupby(k).mean()``
  -> DataFrame, ``t.numpy()`` -> ndarray, ``df.T`` -> DataFrame), also from
  ``api_kinds``; subscripts (``df["a"]`` -> Series, ``df[["a"]]`` and
  ``df[mask]`` -> DataFrame, ``df.loc[rows]`` -> pandas object, any
  subscript of a tensor -> tensor); arithmetic and comparisons of pandas
  objects, arrays and tensors.
- Names, through every binding that can reach the read (all must agree):
  assignments with tuple unpacking (``train_test_split`` outputs take their
  inputs' kinds), annotated assignments, parameters with annotations,
  ``for i, row in df.iterrows()``; ``self`` in a class's methods;
  ``self.x`` through what the class assigns to it; calls of the module's own
  classes (by their bases) and functions (by their return annotation or the
  kinds all their ``return`` values agree on).

Anything else is ``UNKNOWN``, and rules stay quiet on it.
"""

from __future__ import annotations

import functools

from astroid import nodes

from mldebt.analysis import api_kinds
from mldebt.analysis.api_kinds import (  # noqa: F401  (re-exported: rules import kinds from here)
    ACCESSOR,
    CLASS,
    DASK,
    DATAFRAME,
    DATALOADER,
    DATASET,
    DICT,
    ESTIMATOR,
    FILE,
    FRAME_GROUPS,
    FUNCTION,
    INDEX,
    INDEXER,
    KERAS_MODEL,
    LIST,
    MODULE,
    NDARRAY,
    NONE,
    NUMBER,
    OPTIMIZER,
    OTHER,
    PANDAS,
    PANDAS_KINDS,
    POLARS,
    SCHEDULER,
    SERIES,
    SERIES_GROUPS,
    SET,
    SPARK,
    STRING,
    TENSOR,
    TORCH_MODULE,
    TUPLE,
    UNKNOWN,
    XARRAY,
)
from mldebt.analysis.apis import estimator_role
from mldebt.analysis.names import imported_name, qualified_name
from mldebt.analysis.values import attribute_values, called_function
from mldebt.analysis.tree_index import descendants

_MAX_DEPTH = 24
_SPLITTERS = frozenset({"sklearn.model_selection.train_test_split", "sklearn.cross_validation.train_test_split"})
_ARRAY_KINDS = frozenset({NDARRAY, TENSOR})


def is_pandas(expr: nodes.NodeNG) -> bool:
    """Is ``expr`` a pandas DataFrame or Series?"""
    return kind_of(expr) in PANDAS_KINDS


def is_frame(expr: nodes.NodeNG) -> bool:
    """Is ``expr`` a pandas DataFrame?"""
    return kind_of(expr) == DATAFRAME


@functools.lru_cache(maxsize=16384)
def kind_of(expr: nodes.NodeNG) -> str:
    """The kind of value ``expr`` holds; ``UNKNOWN`` when the module's code does not say."""
    return _Inference().kind(expr)


def class_kind(class_def: nodes.ClassDef) -> str:
    """What instances of a class of this module are, by its bases."""
    return _Inference().class_kind(class_def)


def annotation_kind(annotation: nodes.NodeNG | None) -> str:
    """The kind an annotation names, ``UNKNOWN`` for anything else."""
    return _Inference().annotation(annotation)


class _Inference:
    """One question's walk: remembers what it is already working on, so cycles end as UNKNOWN."""

    def __init__(self) -> None:
        self.active: set[int] = set()
        # Kinds already worked out in this walk: branches that rebind a name would repeat them exponentially.
        self.known: dict[int, str] = {}

    def kind(self, expr: nodes.NodeNG | None) -> str:
        if expr is None or id(expr) in self.active or len(self.active) > _MAX_DEPTH:
            return UNKNOWN
        if id(expr) in self.known:
            return self.known[id(expr)]
        self.active.add(id(expr))
        try:
            result = self.known[id(expr)] = self._kind(expr)
            return result
        finally:
            self.active.discard(id(expr))

    def _kind(self, expr: nodes.NodeNG) -> str:
        if isinstance(expr, nodes.Const):
            if expr.value is None:
                return NONE
            return STRING if isinstance(expr.value, (str, bytes)) else NUMBER
        if isinstance(expr, (nodes.Dict, nodes.DictComp)):
            return DICT
        if isinstance(expr, (nodes.List, nodes.ListComp)):
            return LIST
        if isinstance(expr, nodes.Tuple):
            return TUPLE
        if isinstance(expr, (nodes.Set, nodes.SetComp)):
            return SET
        if isinstance(expr, nodes.JoinedStr):
            return STRING
        if isinstance(expr, (nodes.Lambda, nodes.GeneratorExp)):
            return OTHER
        if isinstance(expr, nodes.Name):
            return self.name(expr)
        if isinstance(expr, nodes.Attribute):
            return self.attribute(expr)
        if isinstance(expr, nodes.Call):
            return self.call(expr)
        if isinstance(expr, nodes.Subscript):
            return self.subscript(expr)
        if isinstance(expr, nodes.BinOp):
            return self.operation([expr.left, expr.right])
        if isinstance(expr, nodes.UnaryOp):
            return OTHER if expr.op == "not" else self.operation([expr.operand])
        if isinstance(expr, nodes.Compare):
            if len(expr.ops) == 1 and expr.ops[0][0] not in ("in", "not in", "is", "is not"):
                return self.operation([expr.left, expr.ops[0][1]])
            return UNKNOWN
        if isinstance(expr, nodes.IfExp):
            return _agree([self.kind(expr.body), self.kind(expr.orelse)])
        if isinstance(expr, nodes.NamedExpr):
            return self.kind(expr.value)
        return UNKNOWN

    # --- names ---------------------------------------------------------------------

    def name(self, name: nodes.Name) -> str:
        scope, bindings = name.lookup(name.name)
        if scope.root() is not name.root() or not bindings:
            return UNKNOWN
        return _agree([self.binding(binding) for binding in bindings])

    def binding(self, binding: nodes.NodeNG) -> str:
        if isinstance(binding, (nodes.Import, nodes.ImportFrom)):
            return self.imported(binding)
        if isinstance(binding, nodes.FunctionDef):
            return FUNCTION
        if isinstance(binding, nodes.ClassDef):
            return CLASS
        if not isinstance(binding, nodes.AssignName):
            return UNKNOWN
        if isinstance(binding.parent, nodes.Arguments):
            return self.parameter(binding, binding.parent)
        return self.assigned(binding)

    def imported(self, binding: nodes.Import | nodes.ImportFrom) -> str:
        if isinstance(binding, nodes.Import):
            return MODULE
        # ``from pandas import DataFrame`` binds a class, ``from os import path`` a module: neither is data.
        return OTHER

    def parameter(self, binding: nodes.AssignName, arguments: nodes.Arguments) -> str:
        function = arguments.parent
        positional = list(arguments.posonlyargs or []) + list(arguments.args or [])
        if (
            isinstance(function, nodes.FunctionDef)
            and isinstance(function.parent, nodes.ClassDef)
            and positional
            and positional[0] is binding
            and function.type == "method"
        ):
            return self.class_kind(function.parent)
        annotation = _parameter_annotation(binding, arguments)
        return self.annotation(annotation)

    def assigned(self, binding: nodes.AssignName) -> str:
        path: list[int] = []
        node: nodes.NodeNG = binding
        while isinstance(node.parent, (nodes.Tuple, nodes.List)):
            path.append(node.parent.elts.index(node))
            node = node.parent
        path.reverse()
        holder = node.parent
        if isinstance(holder, nodes.AnnAssign):
            declared = self.annotation(holder.annotation)
            return declared if declared != UNKNOWN or holder.value is None else self.kind(holder.value)
        if isinstance(holder, (nodes.Assign, nodes.NamedExpr)):
            return self.unpacked(holder.value, path)
        if isinstance(holder, nodes.For):
            return self.loop_target(holder.iter, path)
        return UNKNOWN

    def unpacked(self, value: nodes.NodeNG, path: list[int]) -> str:
        for position, index in enumerate(path):
            if isinstance(value, (nodes.Tuple, nodes.List)) and len(value.elts) > index:
                value = value.elts[index]
                continue
            if isinstance(value, nodes.Call) and position == len(path) - 1 and qualified_name(value.func) in _SPLITTERS:
                # train_test_split(X, y) -> X_train, X_test, y_train, y_test: each output is a part of an input.
                arrays = [argument for argument in value.args if not isinstance(argument, nodes.Starred)]
                return self.kind(arrays[index // 2]) if index // 2 < len(arrays) else UNKNOWN
            return UNKNOWN
        return self.kind(value)

    def loop_target(self, iterable: nodes.NodeNG, path: list[int]) -> str:
        """``for index, row in df.iterrows()``: the row is a Series."""
        if (
            path == [1]
            and isinstance(iterable, nodes.Call)
            and isinstance(iterable.func, nodes.Attribute)
            and iterable.func.attrname == "iterrows"
            and self.kind(iterable.func.expr) == DATAFRAME
        ):
            return SERIES
        return UNKNOWN

    # --- attributes, calls, subscripts ---------------------------------------------------

    def attribute(self, attribute: nodes.Attribute) -> str:
        receiver = self.kind(attribute.expr)
        if receiver == MODULE:
            return UNKNOWN
        if receiver != UNKNOWN:
            known = api_kinds.attribute_result(receiver, attribute.attrname)
            if known != UNKNOWN:
                return known
        if receiver in (DICT, LIST, TUPLE, SET, STRING, NUMBER, NONE, FUNCTION, FILE):
            return OTHER
        # ``self.model`` and ``config.frame``: what the module's own class assigns to the attribute.
        values = attribute_values(attribute)
        return _agree([self.kind(value) for value in values]) if values else UNKNOWN

    def call(self, call: nodes.Call) -> str:
        function = call.func
        name = qualified_name(function)
        if name is not None and not name.startswith("."):
            known = self.function_result(name, call)
            if known != UNKNOWN:
                return known
        if isinstance(function, nodes.Attribute):
            receiver = self.kind(function.expr)
            if receiver not in (UNKNOWN, MODULE):
                return api_kinds.method_result(receiver, function.attrname)
            return UNKNOWN
        if isinstance(function, nodes.Name):
            return self.own_callable(function, call)
        return UNKNOWN

    def function_result(self, name: str, call: nodes.Call | None) -> str:
        if name in api_kinds.FUNCTION_RESULTS:
            return api_kinds.FUNCTION_RESULTS[name]
        reader = api_kinds.reader_result(name)
        if reader is not None:
            return reader
        for prefix, kind in api_kinds.MODEL_FACTORY_PREFIXES.items():
            if name.startswith(prefix) and name.count(".") == prefix.count("."):
                return kind
        if name in api_kinds.SIZED_RANDOM_FUNCTIONS:
            sized = call is not None and any(keyword.arg == "size" for keyword in call.keywords or [])
            return NDARRAY if sized else UNKNOWN
        return _class_result(name)

    def own_callable(self, function: nodes.Name, call: nodes.Call) -> str:
        scope, bindings = function.lookup(function.name)
        if scope.root() is not function.root() or len(bindings) != 1:
            return UNKNOWN
        binding = bindings[0]
        if isinstance(binding, nodes.ClassDef):
            return self.class_kind(binding)
        defined = called_function(call)
        return self.returned(defined) if defined is not None else UNKNOWN

    def returned(self, function: nodes.FunctionDef) -> str:
        if id(function) in self.active:
            return UNKNOWN
        self.active.add(id(function))
        try:
            declared = self.annotation(function.returns)
            if declared != UNKNOWN:
                return declared
            returns = [
                node
                for node in descendants(function, nodes.Return, skip=(nodes.FunctionDef, nodes.ClassDef))
            ]
            if not returns or any(node.value is None for node in returns) or function.is_generator():
                return UNKNOWN
            return _agree([self.kind(node.value) for node in returns])
        finally:
            self.active.discard(id(function))

    def class_kind(self, class_def: nodes.ClassDef) -> str:
        if id(class_def) in self.active:
            return UNKNOWN
        self.active.add(id(class_def))
        try:
            kinds = set()
            for base in class_def.bases:
                name = qualified_name(base)
                if name in api_kinds.BASE_CLASS_KINDS:
                    kinds.add(api_kinds.BASE_CLASS_KINDS[name])
                    continue
                own = _own_class(base)
                if own is not None:
                    kinds.add(self.class_kind(own))
                elif name is not None:
                    kinds.add(_class_result(name))
            kinds.discard(UNKNOWN)
            return kinds.pop() if len(kinds) == 1 else UNKNOWN
        finally:
            self.active.discard(id(class_def))

    def subscript(self, subscript: nodes.Subscript) -> str:
        receiver = self.kind(subscript.value)
        index = subscript.slice
        if receiver == DATAFRAME:
            return self.frame_column_selection(index)
        if receiver == SERIES:
            return SERIES if isinstance(index, nodes.Slice) or self.kind(index) in PANDAS_KINDS else UNKNOWN
        if receiver == INDEXER:
            owner = self.kind(subscript.value.expr) if isinstance(subscript.value, nodes.Attribute) else UNKNOWN
            return self.indexer_selection(index, owner)
        if receiver == FRAME_GROUPS:
            if isinstance(index, nodes.Const) and isinstance(index.value, str):
                return SERIES_GROUPS
            return FRAME_GROUPS if isinstance(index, nodes.List) else UNKNOWN
        if receiver == TENSOR:
            return TENSOR
        if receiver == NDARRAY:
            return NDARRAY if isinstance(index, nodes.Slice) or self.kind(index) == NDARRAY else UNKNOWN
        if receiver in (POLARS, XARRAY, DASK, SPARK):
            return receiver
        return UNKNOWN

    def frame_column_selection(self, index: nodes.NodeNG) -> str:
        if isinstance(index, nodes.Const) and isinstance(index.value, str):
            return SERIES
        if isinstance(index, (nodes.List, nodes.Slice)):
            return DATAFRAME
        selector = self.kind(index)
        if selector in (LIST, SERIES, NDARRAY, INDEX):
            return DATAFRAME
        if selector == STRING:
            return SERIES
        return PANDAS if selector == UNKNOWN and isinstance(index, nodes.Name) else UNKNOWN

    def indexer_selection(self, index: nodes.NodeNG, owner: str) -> str:
        """``frame.loc[...]``: rows of a frame are pandas objects; one label of a Series may be a scalar."""
        if owner != DATAFRAME:
            sliced = isinstance(index, nodes.Slice) or self.kind(index) in (LIST, SERIES, NDARRAY, INDEX)
            return SERIES if owner == SERIES and sliced else UNKNOWN
        if not isinstance(index, nodes.Tuple):
            return PANDAS
        if len(index.elts) != 2:
            return UNKNOWN
        rows, columns = index.elts
        if not isinstance(rows, nodes.Slice) and self.kind(rows) not in (LIST, SERIES, NDARRAY, INDEX):
            return UNKNOWN
        if isinstance(columns, (nodes.List, nodes.Slice)):
            return DATAFRAME
        if isinstance(columns, nodes.Const):
            return SERIES
        return UNKNOWN

    def operation(self, operands: list[nodes.NodeNG]) -> str:
        kinds = {self.kind(operand) for operand in operands}
        kinds.discard(NUMBER)
        if not kinds:
            return NUMBER
        if kinds <= PANDAS_KINDS | {NDARRAY}:
            if DATAFRAME in kinds:
                return DATAFRAME
            if kinds == {SERIES} or kinds == {SERIES, NDARRAY}:
                return SERIES
            return NDARRAY if kinds == {NDARRAY} else PANDAS
        if kinds == {TENSOR}:
            return TENSOR
        return UNKNOWN

    # --- annotations ---------------------------------------------------------------------

    def annotation(self, annotation: nodes.NodeNG | None) -> str:
        if annotation is None:
            return UNKNOWN
        if isinstance(annotation, nodes.Const) and isinstance(annotation.value, str):
            return _string_annotation(annotation)
        if isinstance(annotation, nodes.BinOp) and annotation.op == "|":
            kinds = {self.annotation(annotation.left), self.annotation(annotation.right)} - {NONE}
            return kinds.pop() if len(kinds) == 1 else UNKNOWN
        if isinstance(annotation, nodes.Const) and annotation.value is None:
            return NONE
        if isinstance(annotation, nodes.Subscript):
            outer = qualified_name(annotation.value)
            if outer in ("typing.Optional", "typing.Union"):
                inner = annotation.slice.elts if isinstance(annotation.slice, nodes.Tuple) else [annotation.slice]
                kinds = {self.annotation(element) for element in inner} - {NONE}
                return kinds.pop() if len(kinds) == 1 else UNKNOWN
            return self.annotation(annotation.value)
        name = qualified_name(annotation)
        if name is None:
            return UNKNOWN
        if name in api_kinds.ANNOTATION_KINDS:
            return api_kinds.ANNOTATION_KINDS[name]
        own = _own_class(annotation)
        return self.class_kind(own) if own is not None else UNKNOWN


def _agree(kinds: list[str]) -> str:
    """One kind when every possibility has it; UNKNOWN when they differ or any is unknown."""
    distinct = set(kinds)
    if len(distinct) == 1:
        return distinct.pop()
    if distinct and distinct <= PANDAS_KINDS:
        return PANDAS
    return UNKNOWN


def _class_result(name: str) -> str:
    """The kind of an instance of a library class, by the module it comes from."""
    short = name.rsplit(".", 1)[-1]
    if not short[:1].isupper():
        return UNKNOWN
    for prefix, kind in api_kinds.CLASS_PREFIXES:
        if name.startswith(prefix):
            return kind
    if name.startswith(api_kinds.ESTIMATOR_LIBRARY_PREFIXES):
        return ESTIMATOR if short.endswith(api_kinds.ESTIMATOR_CLASS_SUFFIXES) else UNKNOWN
    if name.startswith("sklearn.") and estimator_role(name) in api_kinds.ESTIMATOR_ROLES:
        return ESTIMATOR
    if name.startswith(("keras.layers.", "tensorflow.keras.layers.")):
        return OTHER
    return UNKNOWN


def _own_class(expr: nodes.NodeNG) -> nodes.ClassDef | None:
    if not isinstance(expr, nodes.Name):
        return None
    scope, bindings = expr.lookup(expr.name)
    if scope.root() is not expr.root() or len(bindings) != 1 or not isinstance(bindings[0], nodes.ClassDef):
        return None
    return bindings[0]


def _parameter_annotation(binding: nodes.AssignName, arguments: nodes.Arguments) -> nodes.NodeNG | None:
    groups = (
        (arguments.posonlyargs or [], arguments.posonlyargs_annotations or []),
        (arguments.args or [], arguments.annotations or []),
        (arguments.kwonlyargs or [], arguments.kwonlyargs_annotations or []),
    )
    for names, annotations in groups:
        for argument, annotation in zip(names, annotations):
            if argument is binding:
                return annotation
    return None


def _string_annotation(annotation: nodes.Const) -> str:
    """``"pd.DataFrame"``: the annotation written as a string, resolved like code in its place."""
    text = annotation.value.strip()
    if not all(part.isidentifier() for part in text.split(".")):
        return UNKNOWN
    head = text.split(".")[0]
    scope, bindings = annotation.root().lookup(head)
    if scope.root() is not annotation.root() or len(bindings) != 1:
        return UNKNOWN
    module = imported_name(bindings[0], head)
    if module is None:
        return UNKNOWN
    full = module + text[len(head):]
    return api_kinds.ANNOTATION_KINDS.get(full, UNKNOWN)


# --- array dimensions -----------------------------------------------------------------------

_SHAPE_FACTORIES = frozenset(f"numpy.{name}" for name in ("zeros", "ones", "empty", "full"))
_ONE_D = frozenset(f"numpy.{name}" for name in ("arange", "linspace", "logspace", "geomspace"))
_TWO_D = frozenset(f"numpy.{name}" for name in ("eye", "identity", "outer", "column_stack", "vander"))
_ARGUMENT_SHAPE = frozenset({"numpy.random.rand", "numpy.random.randn"})
_SAME_NDIM_METHODS = frozenset({"astype", "copy", "clip", "round", "conj", "view"})


def array_ndim(expr: nodes.NodeNG) -> int | None:
    """The number of dimensions of an ndarray when the code fixes it, else ``None``."""
    return _ndim(expr, 0)


def _ndim(expr: nodes.NodeNG, depth: int) -> int | None:
    if depth > _MAX_DEPTH or kind_of(expr) != NDARRAY:
        return None
    if isinstance(expr, nodes.Name):
        scope, bindings = expr.lookup(expr.name)
        values = []
        for binding in bindings:
            holder = binding.parent
            if not isinstance(binding, nodes.AssignName) or not isinstance(holder, (nodes.Assign, nodes.AnnAssign)):
                return None
            if holder.value is None or not (isinstance(holder, nodes.AnnAssign) or binding in holder.targets):
                return None
            values.append(_ndim(holder.value, depth + 1))
        return values[0] if values and len(set(values)) == 1 else None
    if isinstance(expr, nodes.Attribute):
        if expr.attrname == "T":
            return _ndim(expr.expr, depth + 1)
        if expr.attrname == "values" and kind_of(expr.expr) == DATAFRAME:
            return 2
        return None
    if isinstance(expr, nodes.BinOp) and expr.op in ("+", "-", "*", "/"):
        dims = {_ndim(side, depth + 1) if kind_of(side) == NDARRAY else 0 for side in (expr.left, expr.right)}
        dims.discard(0)
        return dims.pop() if len(dims) == 1 and None not in dims else None
    if not isinstance(expr, nodes.Call):
        return None
    name = qualified_name(expr.func)
    if name in ("numpy.array", "numpy.asarray") and expr.args:
        literal = _literal_ndim(expr.args[0])
        if literal is not None:
            return literal
        source = expr.args[0]
        if kind_of(source) == DATAFRAME:
            return 2
        return _ndim(source, depth + 1) if kind_of(source) == NDARRAY else None
    if name in _SHAPE_FACTORIES and expr.args:
        shape = expr.args[0]
        if isinstance(shape, (nodes.Tuple, nodes.List)):
            return len(shape.elts)
        return 1 if isinstance(shape, nodes.Const) and isinstance(shape.value, int) else None
    if name in _ONE_D:
        return 1
    if name in _TWO_D:
        return 2
    if name in _ARGUMENT_SHAPE:
        return len(expr.args) if expr.args and not expr.keywords else None
    if isinstance(expr.func, nodes.Attribute):
        method = expr.func.attrname
        receiver = expr.func.expr
        if method == "reshape":
            shape = expr.args[0] if len(expr.args) == 1 else None
            if isinstance(shape, (nodes.Tuple, nodes.List)):
                return len(shape.elts)
            return len(expr.args) if len(expr.args) > 1 else (1 if shape is not None and _is_int(shape) else None)
        if method in ("flatten", "ravel"):
            return 1
        if method == "to_numpy":
            return {DATAFRAME: 2, SERIES: 1}.get(kind_of(receiver))
        if method in _SAME_NDIM_METHODS:
            return _ndim(receiver, depth + 1)
    return None


def _literal_ndim(value: nodes.NodeNG) -> int | None:
    """Nesting depth of a literal list of numbers, when every element nests alike."""
    if not isinstance(value, (nodes.List, nodes.Tuple)):
        return 0 if isinstance(value, nodes.Const) and isinstance(value.value, (int, float)) else None
    if not value.elts:
        return None
    inner = {_literal_ndim(element) for element in value.elts}
    return inner.pop() + 1 if len(inner) == 1 and None not in inner else None


def _is_int(node: nodes.NodeNG) -> bool:
    if isinstance(node, nodes.UnaryOp) and node.op == "-":
        node = node.operand
    return isinstance(node, nodes.Const) and isinstance(node.value, int) and not isinstance(node.value, bool)


# --- which class built a value ---------------------------------------------------------------


def constructed_class(expr: nodes.NodeNG) -> str | None:
    """The qualified name of the library class whose call built ``expr``'s value.

    ``le = LabelEncoder()`` then ``le`` -> ``sklearn.preprocessing.LabelEncoder``;
    through names (all bindings must agree), ``self.x`` attributes and
    ``.fit(...)`` / ``.set_params(...)``, which return the estimator itself.
    ``None`` when the value was not built by a known class call.
    """
    return _constructed(expr, 0)


def _constructed(expr: nodes.NodeNG, depth: int) -> str | None:
    if depth > 8:
        return None
    if isinstance(expr, nodes.Call):
        if isinstance(expr.func, nodes.Attribute) and expr.func.attrname in ("fit", "set_params"):
            return _constructed(expr.func.expr, depth + 1)
        name = qualified_name(expr.func)
        return name if name and name.rsplit(".", 1)[-1][:1].isupper() and not name.startswith(".") else None
    values: list[nodes.NodeNG] = []
    if isinstance(expr, nodes.Name):
        scope, bindings = expr.lookup(expr.name)
        if scope.root() is not expr.root() or not bindings:
            return None
        for binding in bindings:
            holder = binding.parent
            if not isinstance(binding, nodes.AssignName) or not isinstance(holder, (nodes.Assign, nodes.NamedExpr)):
                return None
            if isinstance(holder, nodes.Assign) and binding not in holder.targets:
                return None
            values.append(holder.value)
    elif isinstance(expr, nodes.Attribute):
        values = attribute_values(expr)
    names = {_constructed(value, depth + 1) for value in values}
    return names.pop() if len(names) == 1 else None
