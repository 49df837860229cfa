"""Events the provenance interpreter records: splits, fits, applications, evaluations, resampling, saves."""

from __future__ import annotations

import dataclasses
import functools

from astroid import nodes

from mldebt.analysis.dataflow.values import HELD_OUT, UNKNOWN, Value, flatten

# Estimators that prepare inputs rather than model them.
PREPROCESSING_ROLES = frozenset({"transformer", "stateless", "label-encoder", "statistic"})


@dataclasses.dataclass(frozen=True)
class Split:
    """Data split into parts: ``kind`` is holdout, cv, sample or slice."""

    seq: int
    node: nodes.NodeNG
    data: Value
    kind: str


@dataclasses.dataclass(frozen=True)
class Fit:
    seq: int
    node: nodes.Call
    estimator: Value
    data: Value
    method: str
    target: Value = UNKNOWN


@dataclasses.dataclass(frozen=True)
class Apply:
    """A fitted estimator's ``transform``/``predict`` applied to data."""

    seq: int
    node: nodes.Call
    identity: int
    data: Value


@dataclasses.dataclass(frozen=True)
class Evaluation:
    """A metric or ``score`` computed for a model on some data."""

    seq: int
    node: nodes.Call
    metric: str
    identity: int | None
    data: Value
    candidate_varies: frozenset[int]
    loops: tuple[int, ...]
    cross_validated: bool = False


@dataclasses.dataclass(frozen=True)
class Resample:
    """Rows duplicated or oversampled; ``how`` completes "`data` is ...": ``resampled with SMOTE``."""

    seq: int
    node: nodes.Call
    data: Value
    how: str


@dataclasses.dataclass(frozen=True)
class Save:
    """An object written to disk or a model registry (``joblib.dump``, ``torch.save``, ``model.save``)."""

    seq: int
    node: nodes.Call
    value: Value
    location: nodes.NodeNG | None = None

    @property
    def identities(self) -> frozenset[int]:
        """Every estimator saved, also inside a tuple, list or dict bundle."""
        return frozenset(value.identity for value in flatten([self.value]) if value.identity is not None)


@dataclasses.dataclass(frozen=True)
class ScoreComparison:
    node: nodes.Compare
    left: Value
    right: Value


@dataclasses.dataclass
class Provenance:
    """Everything the interpreter saw, in execution order (``seq``)."""

    splits: list[Split] = dataclasses.field(default_factory=list)
    fits: list[Fit] = dataclasses.field(default_factory=list)
    applies: list[Apply] = dataclasses.field(default_factory=list)
    evaluations: list[Evaluation] = dataclasses.field(default_factory=list)
    resamples: list[Resample] = dataclasses.field(default_factory=list)
    comparisons: list[ScoreComparison] = dataclasses.field(default_factory=list)
    saves: list[Save] = dataclasses.field(default_factory=list)
    loops: dict[int, nodes.NodeNG] = dataclasses.field(default_factory=dict)
    estimators: dict[int, Value] = dataclasses.field(default_factory=dict)
    # Scores passed together to one call (a print, a results table).
    shown_together: list[tuple[Value, ...]] = dataclasses.field(default_factory=list)
    # Lineages of files read as a test set of their own (``pd.read_csv("test.csv")``).
    test_files: frozenset[int] = frozenset()

    def splits_after(self, seq: int, data: Value) -> list[Split]:
        """Splits, after ``seq``, of data with the same lineage and part as ``data``.

        A part is the same part only when it comes from the same split: the training part of a later,
        separate split of the same source (``X2_train`` re-split from ``df``) holds other rows.
        """
        return [
            split
            for split in self.splits
            if split.seq > seq and split.data.lineage & data.lineage and split.data.part == data.part
            and (data.part is None or split.data.split_line == data.split_line)
        ]

    def held_out_scored_after(self, seq: int, data: Value) -> bool:
        """Is a held-out part of the split that cut ``data`` (a training part) scored after ``seq``?"""
        return any(
            evaluation.seq > seq and evaluation.data.part in HELD_OUT and evaluation.data.lineage & data.lineage
            and evaluation.data.split_line == data.split_line
            for evaluation in self.evaluations
        )

    def shown_beside_held_out(self, identity: int, data: Value) -> bool:
        """Is the score of model ``identity`` on ``data`` reported in one call with a held-out score of a model
        of the same class (the same settings refit on a training split and measured on its validation part)?"""
        cls = self._cls(identity)
        return bool(cls) and any(
            any(score.identity == identity and score.input.label == data.label for score in group)
            and any(score.input.part in HELD_OUT and self._cls(score.identity) == cls for score in group)
            for group in self.shown_together
        )

    def _cls(self, identity: int | None) -> str:
        estimator = self.estimators.get(identity) if identity is not None else None
        return estimator.cls if estimator is not None else ""

    def reaches_model(self, identity: int) -> bool:
        """Does the output of the transformer or statistic ``identity`` reach a model's inputs or labels?

        A fitted scaler whose output is never used, or a mean that is only printed, shapes nothing.
        """
        return identity in self._model_inputs_shaped_by

    @functools.cached_property
    def _model_inputs_shaped_by(self) -> frozenset[int]:
        shaped: set[int] = set()
        for fit in self.fits:
            if self._role(fit.estimator.identity, fit.estimator.role) not in PREPROCESSING_ROLES:
                shaped |= fit.data.transformed_by | fit.target.transformed_by
        for apply in self.applies:
            if self._role(apply.identity, None) not in PREPROCESSING_ROLES:
                shaped |= apply.data.transformed_by
        for evaluation in self.evaluations:
            shaped |= evaluation.data.transformed_by
        return frozenset(shaped)

    def _role(self, identity: int | None, default: str | None) -> str | None:
        estimator = self.estimators.get(identity) if identity is not None else None
        return estimator.role if estimator is not None else default

    def fit_before(self, identity: int, seq: int) -> Fit | None:
        """The estimator's latest fit before ``seq``."""
        latest = None
        for fit in self.fits:
            if fit.estimator.identity == identity and fit.seq < seq:
                latest = fit
        return latest
