"""The project index: what the training code of a project does, for rules linting one file.

IDEs lint one file at a time, so a rule judging the serving module needs the
training modules summarised without linting them. ``ProjectIndex.for_file``
finds the project root (nearest ``pyproject.toml``, ``setup.cfg``,
``setup.py`` or ``.git``; without one, the checked folder), picks the training modules (files matching the
``train-modules`` patterns, or modules that import an ML library and call
``fit``; a text check first, so most files are never parsed) and summarises
each: the transformations applied to each feature before the model is
fitted, the column list it is fitted on, the target, and the artifacts it
saves with what they hold (pipeline, model, transformer).

Summaries are plain data (``mldebt.summaries``). They are cached in memory
and on disk by ``mldebt.summary_cache``: validated JSON in the user's cache
folder, never inside the linted tree, keyed by the analysis fingerprint
(mldebt's version and code), the file's absolute path and its content. No
configuration value shapes a summary (the configuration only picks which
modules are summarised), so the key needs none. The same index serves pylint
(also with ``-j``), flake8 and ``mldebt check``, so every door reports the
same cross-file findings.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from typing import TYPE_CHECKING

from astroid import nodes

from mldebt import __version__, summary_cache
from mldebt.analysis.context import MODEL_ROLES, code_reached, is_training, may_serve
from mldebt.analysis.dataflow import provenance
from mldebt.analysis.features import feature_steps, fitted_feature_order
from mldebt.analysis.imports import imports_ml_library
from mldebt.analysis.scopes import code_scope
from mldebt.analysis.locations import artifact_name
from mldebt.analysis.storage import WRITE, FileUse, file_uses
from mldebt.analysis.values import bound_values
from mldebt.project_files import MAX_PROJECT_FILES, ROOT_MARKERS, iter_python_files, project_root
from mldebt.source import UnreadableSource, build_tree, decode_source
from mldebt.summaries import SavedArtifact, TrainingSummary

if TYPE_CHECKING:
    from mldebt.analysis.serving import ServingView
    from mldebt.config import Settings
    from mldebt.source import SourceModule

# The facts of the index a rule may read (``Rule.project_facts``).
TRAINING, FILE_USES = "training", "file-uses"
# A serving module that names a single field (an id) says little about which model it serves.
_FEATURES_TO_JUDGE_OVERLAP = 2
# Steps that describe how a feature is used, not how it is computed.
_NOT_COMPUTATIONS = frozenset({"applied-transformer", "wall-clock", "hand-scaling"})
# Text that every module writing or reading a file contains; modules without any are not parsed for it.
_FILE_HINTS = ("to_", "dump", "save", "write", "open(", "read_", "load")


def summarize_training(path: str, text: str) -> TrainingSummary | None:
    """Summarise a module as training code, or ``None`` when it fits no model."""
    try:
        tree = build_tree(text, path)
    except UnreadableSource:
        return None
    events = provenance(tree)
    if not is_training(events):
        return None
    model_fits = [fit for fit in events.fits if fit.estimator.role in MODEL_ROLES]
    saved = frozenset().union(*(save.identities for save in events.saves))
    # When a model is saved, the served one is that model: experiments beside it do not count.
    model_fits = [fit for fit in model_fits if fit.estimator.identity in saved] or model_fits
    last_fit = max(fit.node.lineno for fit in model_fits)
    scopes = [code_scope(fit.node) for fit in model_fits]
    code = [tree] if any(isinstance(scope, nodes.Module) for scope in scopes) else code_reached(tree, scopes)
    order, order_line, target = (), 0, None
    for fit in model_fits:
        if fit.node.args and not order:
            order, order_line = fitted_feature_order(fit.node.args[0]), fit.node.lineno
        if len(fit.node.args) > 1 and target is None:
            target = _column_name(fit.node.args[1])
    steps = tuple(
        step
        for step in feature_steps(code)
        if step.position.line <= last_fit
        and step.kind not in _NOT_COMPUTATIONS
        and step.feature != target
        and (not order or step.feature in order or step.feature == "*")
    )
    artifacts = tuple(
        SavedArtifact(
            artifact_name(save.location) if save.location is not None else None,
            tuple(sorted({_role(events.estimators.get(identity)) for identity in save.identities})),
        )
        for save in events.saves
    )
    return TrainingSummary(os.path.abspath(path), steps, order, order_line, target, artifacts)


def _role(estimator) -> str:
    """What a saved estimator is; one of unknown origin is taken for a model."""
    return (estimator.role if estimator is not None else None) or "model"


def _column_name(expr: nodes.NodeNG) -> str | None:
    for candidate in [expr, *(bound_values(expr) if isinstance(expr, nodes.Name) else [])]:
        if isinstance(candidate, nodes.Subscript) and isinstance(candidate.slice, nodes.Const):
            return str(candidate.slice.value)
    return None


class ProjectIndex:
    """Training summaries of one project, computed once per process and cached on disk."""

    def __init__(self, root: str, settings: Settings) -> None:
        self.root = root
        self.settings = settings

    @classmethod
    def for_file(cls, path: str, settings: Settings) -> ProjectIndex:
        root = project_root(os.path.dirname(os.path.abspath(path or ".")))
        key = (root, settings.source)
        if key not in _INDEXES:
            _INDEXES[key] = cls(root, settings)
        return _INDEXES[key]

    @functools.cached_property
    def sources(self) -> tuple[tuple[str, str], ...]:
        """``(path, text)`` of the project's modules, up to ``MAX_PROJECT_FILES``."""
        found = []
        for count, path in enumerate(iter_python_files(self.root, prune=self._outside_project)):
            if count >= MAX_PROJECT_FILES:
                break
            text = _read(path)
            if text is not None:
                found.append((path, text))
        return tuple(found)

    @functools.cached_property
    def training(self) -> tuple[TrainingSummary, ...]:
        summaries = []
        for path, text in self.sources:
            if self._may_train(path, text):
                summary = _cached_summary(cache_entry(path, text), path, text)
                if summary is not None:
                    summaries.append(summary)
        return tuple(summaries)

    @functools.cached_property
    def file_uses(self) -> dict[str, tuple[FileUse, ...]]:
        """Per module (absolute path): the files it writes and the data files it reads."""
        uses = {}
        for path, text in self.sources:
            if any(hint in text for hint in _FILE_HINTS):
                found = _cached_file_uses(cache_entry(path, text, "files"), path, text)
                if found:
                    uses[os.path.abspath(path)] = found
        return uses

    @functools.cached_property
    def written_files(self) -> frozenset[str]:
        """Names of the files the project's own code writes: data, models, anything opened for writing."""
        return frozenset(use.name for uses in self.file_uses.values() for use in uses if use.mode == WRITE)

    def training_for(self, path: str, loaded: frozenset[str], reads: frozenset[str]) -> tuple[TrainingSummary, ...]:
        """The training modules whose model the serving module at ``path`` serves.

        The link is the artifact: training that saves a file the serving code
        loads (by file name). When serving loads named files that no training
        module saves, only training that saves to locations we cannot read
        (command-line arguments, configuration) may be the source. When the
        loaded name is unknown too, every module that saves a model is a
        candidate. Candidates must share features with what serving reads,
        when it reads several by name.
        """
        here = os.path.abspath(path)
        others = [summary for summary in self.training if summary.path != here]
        savers = [summary for summary in others if summary.saves_artifacts]
        matching = [summary for summary in savers if loaded & set(summary.artifact_names)]
        if matching:
            return tuple(matching)
        if loaded:
            candidates = [summary for summary in savers if not summary.artifact_names]
        else:
            candidates = savers or others
        if len(reads) >= _FEATURES_TO_JUDGE_OVERLAP:
            candidates = [summary for summary in candidates if reads & summary.features]
        return tuple(candidates)

    def state(self, fact: str) -> str:
        """A digest of one fact of the project (``TRAINING``, ``FILE_USES``): it changes with the fact."""
        if fact == TRAINING:
            data: object = [summary_cache.summary_data(summary) for summary in self.training]
        else:
            data = sorted(
                (path, use.name, use.folder or "", use.mode, use.data, use.position.line)
                for path, uses in self.file_uses.items()
                for use in uses
            )
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()

    def _outside_project(self, path: str) -> bool:
        """Excluded by the configuration, or the root of a project nested inside this one."""
        if self.settings.excludes(path):
            return True
        return os.path.isdir(path) and any(os.path.exists(os.path.join(path, marker)) for marker in ROOT_MARKERS)

    def _may_train(self, path: str, text: str) -> bool:
        if any(pattern.matches(path) for pattern in self.settings.train_modules):
            return True
        return ".fit(" in text and imports_ml_library(text)



@functools.cache
def _analysis_fingerprint() -> str:
    """Changes whenever mldebt's own code does, so a summary is never read by a different analysis."""
    package = os.path.dirname(os.path.abspath(__file__))
    stamps = [__version__]
    for folder, _, files in sorted(os.walk(package)):
        for name in sorted(files):
            if name.endswith(".py"):
                status = os.stat(os.path.join(folder, name))
                stamps.append(f"{name}:{status.st_size}:{status.st_mtime_ns}")
    return hashlib.sha256("\n".join(stamps).encode()).hexdigest()[:16]


_INDEXES: dict[tuple[str, str], ProjectIndex] = {}


def clear_caches() -> None:
    """Forget every project this process has seen, as a new process would (tests use it)."""
    _INDEXES.clear()
    _cached_summary.cache_clear()
    _cached_file_uses.cache_clear()


def training_behind(module: SourceModule) -> tuple[ServingView, tuple[TrainingSummary, ...]] | None:
    """For a module that serves predictions: its serving side and the training code it serves."""
    view = module.serving
    if view is None or not view.predict_calls:
        return None
    index = ProjectIndex.for_file(module.path, module.settings)
    return view, index.training_for(module.path, view.loaded_artifacts, view.read_features)


def index_state(path: str, text: str, settings: Settings) -> str:
    """What the findings for ``path`` depend on beyond its own text: the project index's state.

    Only the facts that an enabled rule reads count. The training summaries
    count only when the file can serve predictions (the same text check
    ``SourceModule.serving`` makes first), since only then do the
    training-reading rules consult them for it.
    """
    facts = frozenset().union(*(rule.project_facts for rule in settings.enabled_rules(path)))
    if not settings.is_serving_module(path) and not may_serve(text):
        facts -= {TRAINING}
    index = ProjectIndex.for_file(path, settings)
    return "".join(index.state(fact) for fact in sorted(facts))


def cache_entry(path: str, text: str, kind: str = "summaries") -> str:
    """Where what the index knows of ``path`` with content ``text`` is cached on disk."""
    key = f"{_analysis_fingerprint()}\0{os.path.abspath(path)}\0{text}"
    return summary_cache.entry_path(_analysis_fingerprint(), hashlib.sha256(key.encode()).hexdigest(), kind)


@functools.lru_cache(maxsize=4096)
def _cached_summary(entry: str, path: str, text: str) -> TrainingSummary | None:
    found, summary = summary_cache.load(entry, os.path.abspath(path))
    if found:
        return summary
    summary = summarize_training(path, text)
    summary_cache.store(entry, os.path.abspath(path), summary)
    return summary


@functools.lru_cache(maxsize=4096)
def _cached_file_uses(entry: str, path: str, text: str) -> tuple[FileUse, ...]:
    found, uses = summary_cache.load_uses(entry, os.path.abspath(path))
    if found:
        return uses
    try:
        uses = file_uses(build_tree(text, path))
    except UnreadableSource:
        uses = ()
    summary_cache.store_uses(entry, os.path.abspath(path), uses)
    return uses


def _read(path: str) -> str | None:
    try:
        with open(path, "rb") as stream:
            return decode_source(stream.read())
    except (OSError, UnreadableSource):
        return None
