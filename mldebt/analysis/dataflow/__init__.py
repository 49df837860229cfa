"""Data provenance: what each value in a module is, where it came from, what was done to it.

The package: ``values`` (abstract values), ``events`` (what is recorded),
``frames`` (scopes), ``syntax`` (what subscripts, keywords and names say),
``interpreter`` (statements, expressions, local calls) and ``library`` (what
ML and data library calls do).

``provenance(module)`` interprets the module's statements once, in order, over
abstract values instead of real ones, and records the events leakage rules
judge: data splits, fits, transforms, evaluations, resampling and
comparisons between scores. Rules read ``Provenance`` and never walk the
code themselves.

A ``Value`` says what an expression holds:

- ``data``: rows read from a source (``read_csv``, ``load_*``, ``fetch_*``,
  ``make_classification``, ``np.load``...) or derived from them; ``lineage``
  names the sources it descends from and ``part`` says whether it is the whole
  data (``None``), a ``train``/``validation``/``test`` part of a split, or a
  ``mixed`` concatenation of train and test. ``fold`` marks the parts of a
  cross-validation split.
- ``index``: split indices (from ``KFold().split(X)``) that select a part.
- ``estimator``: a model, transformer, sampler, pipeline or search, with an
  ``identity`` that stays the same through aliases and ``fit`` calls.
- ``prediction`` / ``score``: model outputs and metrics, with the estimator
  and the data they were computed on. Predictions compared with true values
  (``pred == y``) carry them as ``truth``; averaged, summed or counted in an
  ``if`` (``(pred == y).mean()``, ``if pred[i] == y[i]: hits += 1``) they
  are a hand-written accuracy, recorded as an evaluation.

Splits are recognised from ``train_test_split`` outputs by position (a split
of a training part yields a validation part), cross-validation (``*.split``
of KFold-like splitters, ``cross_val_score`` and friends, a search's
``fit``), ``df.sample(frac<1)`` followed by ``df.drop(sample.index)``, and
``iloc`` slices ``[:n]``/``[n:]`` of the same data; split indices select their part also through a
mask (``df[df.index.isin(train_idx)]``). Names such as
``X_test``, ``test_df`` or ``x_val`` mark a part only when nothing better is
known (parameters, names bound elsewhere).

The interpreter follows assignments, tuple unpacking, method chains,
subscripts, ``with``/``for`` targets and comprehensions, in module code and
in every function. A call of a function defined in the module is followed
into its body with the arguments bound to its parameters and its return
value brought back (two levels deep); every function is also interpreted on
its own with unknown parameters. Both branches of an ``if`` are taken; a
loop body runs once, and values that depend on the loop variable are marked
with the loop (``varies``) so rules can tell candidates compared in a loop
from a fixed test set.

Limits: values stored in containers other than tuples and lists, attributes
of objects other than ``self.x``-style names, and functions of other modules
are not followed (an unknown function applied to data returns data derived
from its arguments); flow inside a branch is not path-sensitive.
"""

from __future__ import annotations

from astroid import nodes

from mldebt.analysis.dataflow.events import (
    PREPROCESSING_ROLES,
    Apply,
    Evaluation,
    Fit,
    Provenance,
    Resample,
    Save,
    ScoreComparison,
    Split,
)
from mldebt.analysis.dataflow.interpreter import MAX_CALL_DEPTH, Interpreter
from mldebt.analysis.dataflow.syntax import names_part
from mldebt.analysis.dataflow.values import HELD_OUT, MIXED, TEST, TRAIN, UNKNOWN, VALIDATION, Value

__all__ = [
    "HELD_OUT", "MAX_CALL_DEPTH", "MIXED", "PREPROCESSING_ROLES", "TEST", "TRAIN", "UNKNOWN", "VALIDATION",
    "Apply", "Evaluation", "Fit",
    "Provenance", "Resample", "Save", "ScoreComparison", "Split", "Value", "names_part", "provenance",
]


def provenance(module: nodes.Module) -> Provenance:
    """Interpret the module once and return what happened to its data."""
    return Interpreter(module).run()
