"""Abstract values of the provenance interpreter: what an expression holds, and how values combine."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

TRAIN, VALIDATION, TEST, MIXED = "train", "validation", "test", "mixed"
HELD_OUT = (VALIDATION, TEST)


@dataclasses.dataclass(frozen=True)
class Value:
    """What an expression holds, abstractly. See the module docstring for the kinds."""

    kind: str = "unknown"
    lineage: frozenset[int] = frozenset()
    part: str | None = None
    fold: bool = False
    label: str = ""
    identity: int | None = None
    role: str | None = None
    cls: str = ""
    input: Value | None = None
    elements: tuple[Value, ...] = ()
    varies: frozenset[int] = frozenset()
    split_line: int | None = None
    # The name whose test/val/train marker gave ``part`` (``X_test``), when a name did.
    marked_by: str = ""
    # Some of the rows (``df[df.label == 1]``): concatenating such parts rebuilds, not duplicates.
    subset: bool = False
    # Identities of the fitted transformers whose output this data is.
    transformed_by: frozenset[int] = frozenset()
    # Identities of the models whose predictions (or model transforms) went into this value,
    # and the (column, model) pairs of frame columns that hold such predictions.
    from_model: frozenset[int] = frozenset()
    model_columns: frozenset[tuple[str, int]] = frozenset()
    # A prediction compared element-wise with true values (``pred == y``): ``truth`` holds those values.
    truth: Value | None = None
    # The module's own class this value is an instance of (``CSVDataset(X, y)``): its methods run on it.
    instance_of: str = ""

    @property
    def models_behind(self) -> frozenset[int]:
        """Every model whose output is part of this value."""
        return self.from_model | frozenset(model for _, model in self.model_columns)

    def derived(self, **changes: object) -> Value:
        return dataclasses.replace(self, **changes)

    @property
    def is_data(self) -> bool:
        return self.kind == "data"


UNKNOWN = Value()


def combine(*values: Value) -> Value:
    """The value of an expression built from ``values`` (arithmetic, concatenation...)."""
    varies = varies_of(values)
    # Data filled or scaled with a statistic (``x - x.mean()``) carries the statistic's fit.
    transformed_by = frozenset().union(*(value.transformed_by for value in values))
    for kind in ("prediction", "data", "statistic", "score", "estimator"):
        matching = [value for value in values if value.kind == kind]
        if not matching:
            continue
        first = matching[0]
        from_model = frozenset().union(*(value.from_model for value in values))
        model_columns = frozenset().union(*(value.model_columns for value in values))
        if kind == "statistic":
            return first.derived(varies=varies, transformed_by=transformed_by)
        if kind != "data":
            return first.derived(varies=varies, from_model=from_model | frozenset(m for _, m in model_columns))
        part = combined_part({value.part for value in matching})
        lineage = frozenset().union(*(value.lineage for value in matching))
        return first.derived(
            lineage=lineage, part=part, varies=varies, fold=all(v.fold for v in matching),
            transformed_by=transformed_by, from_model=from_model, model_columns=model_columns,
        )
    return Value(varies=varies)


def combined_part(parts: set[str | None]) -> str | None:
    """Train and validation rows together are still training data; with test rows they are mixed."""
    if len(parts) == 1:
        return next(iter(parts))
    if TEST in parts or MIXED in parts:
        return MIXED if parts & {TRAIN, VALIDATION, MIXED} else None
    return TRAIN if parts <= {TRAIN, VALIDATION} else None


def varies_of(values: Iterable[Value]) -> frozenset[int]:
    return frozenset().union(*(value.varies for value in values))


def any_data(args: list[Value], keywords: dict[str | None, Value]) -> bool:
    return any(value.is_data for value in (*args, *keywords.values()))


def flatten(values: Iterable[Value]) -> list[Value]:
    flat = []
    for value in values:
        flat.extend(flatten(value.elements) if value.kind == "tuple" else [value])
    return flat
