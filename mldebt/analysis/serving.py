"""The serving side of a module, described the way ``features`` describes training code.

``serving_view(tree, whole_module)`` collects, over the module's serving code
(see ``context.serving_code``): the features it reads and the steps it applies
(with the handlers' parameters as request objects, so ``body.sqft`` is a read),
the ``predict`` calls, feature vectors built by hand as list literals, the
functions it calls, and whether it re-aligns columns (``reindex``/``align``).
"""

from __future__ import annotations

import dataclasses
import functools

from astroid import nodes

from mldebt.analysis.apis import MODEL_LOADERS, PREDICTION_METHODS
from mldebt.analysis.context import serving_code, serving_functions, walk
from mldebt.analysis.features import Position, Read, Step, column_read, feature_reads, feature_steps
from mldebt.analysis.locations import artifact_name
from mldebt.analysis.names import qualified_name

_NOT_REQUEST = frozenset({"self", "cls", "request"})
_ALIGNMENT = frozenset({"reindex", "align"})


@dataclasses.dataclass(frozen=True)
class FeatureVector:
    """A hand-built list of features, in the order the code wrote them."""

    features: tuple[str, ...]
    position: Position


class ServingView:
    """The serving code of a module; each description is worked out when a rule first asks for it.

    Most modules with serving code are asked only whether a node is in it
    (``code``); the feature steps, the costliest part, only the skew rules need.
    """

    def __init__(self, code: list[nodes.NodeNG], parameters: frozenset[str]) -> None:
        self.code = code
        self._parameters = parameters

    @functools.cached_property
    def reads(self) -> list[Read]:
        return feature_reads(self.code, self._parameters)

    @functools.cached_property
    def steps(self) -> list[Step]:
        return feature_steps(self.code, self._parameters)

    @functools.cached_property
    def vectors(self) -> list[FeatureVector]:
        return _vectors(self.code, self._parameters)

    @functools.cached_property
    def _calls(self) -> list[nodes.Call]:
        return list(walk(self.code, nodes.Call))

    @functools.cached_property
    def predict_calls(self) -> list[nodes.Call]:
        return [
            call
            for call in self._calls
            if isinstance(call.func, nodes.Attribute) and call.func.attrname in PREDICTION_METHODS
        ]

    @functools.cached_property
    def called(self) -> frozenset[str]:
        return frozenset(_called_name(call) for call in self._calls)

    @property
    def aligns_columns(self) -> bool:
        return not self.called.isdisjoint(_ALIGNMENT)

    @functools.cached_property
    def loaded_artifacts(self) -> frozenset[str]:
        return frozenset(name for call in self._calls if (name := _loaded_artifact(call)))

    @property
    def read_features(self) -> frozenset[str]:
        return frozenset(read.feature for read in self.reads)

    def first_read(self, feature: str) -> Read | None:
        return next((read for read in self.reads if read.feature == feature), None)

    def steps_on(self, feature: str) -> list[Step]:
        """Steps that produce or transform ``feature``, or the whole frame."""
        return [step for step in self.steps if step.feature in (feature, "*") or feature in step.sources]


def serving_view(tree: nodes.Module, *, whole_module: bool = False) -> ServingView | None:
    code = serving_code(tree, whole_module=whole_module)
    if not code:
        return None
    parameters = frozenset(
        argument.name
        for function in serving_functions(tree)
        for argument in function.args.posonlyargs + function.args.args
        if argument.name not in _NOT_REQUEST
    )
    return ServingView(code, parameters)


def _loaded_artifact(call: nodes.Call) -> str | None:
    """The file name a model is loaded from: ``joblib.load(path)``, ``model.load_model(path)``, ``model_file=``."""
    location = next((k.value for k in call.keywords or () if k.arg in ("model_file", "filepath", "path")), None)
    is_loader = qualified_name(call.func) in MODEL_LOADERS or (
        isinstance(call.func, nodes.Attribute) and call.func.attrname in ("load_model", "load", "from_pretrained")
    )
    if location is None and is_loader and call.args:
        location = call.args[0]
    return artifact_name(location) if location is not None else None


def _vectors(code: list[nodes.NodeNG], parameters: frozenset[str]) -> list[FeatureVector]:
    vectors = []
    for literal in walk(code, nodes.List):
        if isinstance(literal.parent, nodes.List):
            continue
        nested = len(literal.elts) == 1 and isinstance(literal.elts[0], nodes.List)
        items = literal.elts[0].elts if nested else literal.elts
        names = [column_read(item, parameters) or _read_through_cast(item, parameters) for item in items]
        if len(names) >= 2 and all(names):
            vectors.append(FeatureVector(tuple(names), Position.of(literal)))
    return vectors


def _read_through_cast(item: nodes.NodeNG, parameters: frozenset[str]) -> str | None:
    """``float(payload["sqft"])`` still reads ``sqft``."""
    if isinstance(item, nodes.Call) and len(item.args) == 1 and isinstance(item.func, nodes.Name):
        return column_read(item.args[0], parameters)
    return None


def _called_name(call: nodes.Call) -> str:
    if isinstance(call.func, nodes.Attribute):
        return call.func.attrname
    return call.func.name if isinstance(call.func, nodes.Name) else ""
