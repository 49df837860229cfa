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

Jupyter notebooks are project files like modules: the index reads their
code cells joined, through ``mldebt.notebook`` (so a message can name
``prepare.ipynb:cell 3:4``), and a notebook that cannot be read adds no
facts (checked itself, it gives MLD001). Text checks read a notebook's JSON
text first and its cells' code only when that text names what is asked for,
so nbformat is loaded and a notebook parsed only where it may matter.

Summaries are plain data (``mldebt.summaries``). They are cached in memory
and on disk by ``mldebt.summary_cache``: validated JSON in the user's cache
folder, never inside the linted tree, keyed by the analysis fingerprint
(mldebt's version and code), the file's absolute path and its content. No
configuration value shapes a summary (the configuration only picks which
modules are summarised), so the key needs none. A notebook's key holds its
whole file: any edit (a cell moved, a markdown cell added) recomputes it. The same index serves pylint
(also with ``-j``), flake8 and ``mldebt check``, so every door reports the
same cross-file findings.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from collections.abc import Iterable
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
from mldebt.analysis.values import bound_values, forget_project_modules
from mldebt.notebook import NotebookCode, cells_text, decode_notebook, is_notebook_path, read_notebook
from mldebt.project_files import MAX_PROJECT_FILES, ROOT_MARKERS, iter_checked_files, project_root
from mldebt.source import UnreadableSource, build_tree, read_source
from mldebt.summaries import SavedArtifact, TrainingSummary

if TYPE_CHECKING:
    from mldebt.analysis.serving import ServingView
    from mldebt.config import Settings
    from mldebt.source import SourceModule

# The facts of the index a rule may read (``Rule.project_facts``).
TRAINING, FILE_USES, ASSIGNED_NAMES = "training", "file-uses", "assigned-names"
# A serving module that names a single field (an id) says little about which model it serves.
_FEATURES_TO_JUDGE_OVERLAP = 2
# Steps that describe how a feature is used, not how it is computed.
_NOT_COMPUTATIONS = frozenset({"applied-transformer", "wall-clock", "hand-scaling"})
# Text that every module writing or reading a file contains; modules without any are not parsed for it.
_FILE_HINTS = ("to_", "dump", "save", "write", "open(", "read_", "load")
_IMPORT_LINE = re.compile(r"^[ \t]*(?:from|import)[ \t][^\n]*", re.MULTILINE)
_WORD = re.compile(r"\w+")
# ``NAME = ...``, ``config.NAME: bool = ...`` or ``setattr(obj, "NAME", ...)``: the text of an assignment.
# A lookahead, so that matches may overlap (``if ready: USE_X = True`` assigns USE_X), and not
# after a condition's keyword (``if USE_X: model = ...`` tests the flag, it does not assign it).
_ASSIGNMENT = re.compile(
    r"(?<![\w])(?<!if )(?<!elif )(?<!while )(?<!not )(?<!and )(?<!or )"
    r"(?=([A-Za-z_]\w*)\s*(?::[^=\n]+)?=(?!=))|setattr\([^)\n]*['\"]([A-Za-z_]\w*)['\"]"
)


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


def _shares(summary: TrainingSummary, reads: frozenset[str], judge_overlap: bool) -> bool:
    return not judge_overlap or bool(reads & summary.features)


def _saves_one_of(summary: TrainingSummary, names: frozenset[str]) -> bool:
    return bool(names & set(summary.artifact_names))


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
        self._states: dict[str, str] = {}
        self._mentions: dict[frozenset[str], list[tuple[str, str]]] = {}
        self._import_words: dict[str, frozenset[str]] = {}
        self._assignments: dict[str, frozenset[str]] = {}

    @classmethod
    def for_file(cls, path: str, settings: Settings) -> ProjectIndex:
        root = project_root(os.path.dirname(os.path.abspath(path or ".")))
        key = (root, settings.source)
        if key not in _INDEXES:
            _INDEXES[key] = cls(root, settings)
        return _INDEXES[key]

    @functools.cached_property
    def sources(self) -> tuple[tuple[str, str], ...]:
        """``(path, text)`` of the project's modules and notebooks (their JSON), up to ``MAX_PROJECT_FILES``."""
        found = []
        for count, path in enumerate(iter_checked_files(self.root, prune=self._outside_project)):
            if count >= MAX_PROJECT_FILES:
                break
            text = _read(path)
            if text is not None:
                found.append((path, text))
        return tuple(found)

    @functools.cached_property
    def training(self) -> tuple[TrainingSummary, ...]:
        return self._training_in(self.sources)

    def _training_in(self, sources: Iterable[tuple[str, str]]) -> tuple[TrainingSummary, ...]:
        summaries = []
        for path, text in sources:
            if self._may_train(path, text):
                summary = _cached_summary(cache_entry(path, text), path, text)
                if summary is not None:
                    summaries.append(summary)
        return tuple(summaries)

    @functools.cached_property
    def file_uses(self) -> dict[str, tuple[FileUse, ...]]:
        """Per module (absolute path): the files it writes and the data files it reads, over the whole project."""
        return self._file_uses_in(self.sources)

    def file_uses_naming(self, names: Iterable[str]) -> dict[str, tuple[FileUse, ...]]:
        """As ``file_uses``, but only of the modules that may name one of the files ``names``.

        An editor linting one file needs the other ends of its own file
        accesses, not every module's: this parses only the modules whose text
        holds one of the names and the modules importing those (a shared
        paths module's constant used elsewhere). ``mldebt check`` asks the same
        way, so every door sees the same other ends.
        """
        wanted = frozenset(names)
        if not wanted:
            return {}
        return self._file_uses_in(self._mentioning(wanted))

    def place(self, path: str, line: int) -> str:
        """How a message names a line of another project file: ``src/train.py:12``, ``notebooks/prep.ipynb:cell 3:4``.

        The lines of a notebook's facts are lines of its joined code cells;
        this says which cell and which line within it, as mldebt locates its
        own notebook findings. Paths are relative to the project root.
        """
        shown = os.path.relpath(path, self.root)
        text = self._texts.get(os.path.abspath(path)) if is_notebook_path(path) else None
        notebook = _notebook(text) if text is not None else None
        cell = notebook.cell_at(line) if notebook is not None else None
        if cell is None:
            return f"{shown}:{line}"
        return f"{shown}:cell {cell.index}:{line - cell.first_line + 1}"

    @functools.cached_property
    def _texts(self) -> dict[str, str]:
        return {os.path.abspath(path): text for path, text in self.sources}

    def writes_file(self, name: str) -> bool:
        """Does any code of this project write a file called ``name`` (data, model, anything opened for writing)?"""
        return any(
            use.name == name and use.mode == WRITE for uses in self.file_uses_naming([name]).values() for use in uses
        )

    def _file_uses_in(self, sources: Iterable[tuple[str, str]]) -> dict[str, tuple[FileUse, ...]]:
        uses = {}
        for path, text in sources:
            if self._may_use_files(path, text):
                found = _cached_file_uses(cache_entry(path, text, "files"), path, text)
                if found:
                    uses[os.path.abspath(path)] = found
        return uses

    def _may_use_files(self, path: str, text: str) -> bool:
        """May the module write or read a file: by its text, or by importing a module that may (a storage helper's)."""
        if any(hint in text for hint in _FILE_HINTS):
            return True
        return not self._file_module_stems.isdisjoint(self._imported_words(path, text))

    @functools.cached_property
    def _file_module_stems(self) -> frozenset[str]:
        """The names of the project's modules whose text may write or read a file."""
        return frozenset(
            os.path.splitext(os.path.basename(path))[0]
            for path, text in self.sources
            if not is_notebook_path(path) and any(hint in text for hint in _FILE_HINTS)
        ) - {"__init__"}

    def _mentioning(self, names: frozenset[str]) -> list[tuple[str, str]]:
        # Several rules ask for the same serving module; each question scans every module's text.
        if names not in self._mentions:
            self._mentions[names] = self._scan_mentioning(names)
        return self._mentions[names]

    def _scan_mentioning(self, names: frozenset[str]) -> list[tuple[str, str]]:
        naming = [(path, text) for path, text in self.sources if any(_names(text, name) for name in names)]
        # A notebook is no module: nothing imports it.
        stems = {
            os.path.splitext(os.path.basename(path))[0] for path, _ in naming if not is_notebook_path(path)
        } - {"__init__"}
        chosen = {path for path, _ in naming}
        return naming + [
            (path, text)
            for path, text in self.sources
            if path not in chosen
            and any(stem in text for stem in stems)
            and not stems.isdisjoint(self._imported_words(path, text))
        ]

    def _imported_words(self, path: str, text: str) -> frozenset[str]:
        """The words of a file's import statements (``from pkg.paths import CLEAN`` -> pkg, paths, CLEAN)."""
        if path not in self._import_words:
            lines = _IMPORT_LINE.findall(self._checked_text(path, text))
            self._import_words[path] = frozenset(_WORD.findall(" ".join(lines)))
        return self._import_words[path]

    def _checked_text(self, path: str, text: str) -> str:
        """What text checks read: a module's text, a notebook's cells (markdown counts as comments do)."""
        return cells_text(text) if is_notebook_path(path) else text

    def assigned_elsewhere(self, name: str, path: str) -> bool:
        """Does a project module other than ``path`` assign to ``name`` (by its text; comments count too)?"""
        here = os.path.abspath(path) if path else ""
        return any(
            name in self._assigned_in(other, text)
            for other, text in self.sources
            if _names(text, name) and os.path.abspath(other) != here
        )

    def _assigned_in(self, path: str, text: str) -> frozenset[str]:
        if path not in self._assignments:
            found = _ASSIGNMENT.findall(self._checked_text(path, text))
            self._assignments[path] = frozenset(first or second for first, second in found)
        return self._assignments[path]

    def training_for(self, path: str, loaded: frozenset[str], reads: frozenset[str]) -> tuple[TrainingSummary, ...]:
        """The training modules whose model the serving module at ``path`` serves.

        The link is the artifact: training that saves a file the serving code
        loads (by file name). When serving loads named files that no training
        module saves, only training that saves to locations we cannot read
        (command-line arguments, configuration) may be the source. When the
        loaded name is unknown too, every module that saves a model is a
        candidate. Candidates must share features with what serving reads,
        when it reads several by name (also those saving the loaded file:
        several models of a project are often all saved as ``model.joblib``).
        """
        here = os.path.abspath(path)
        judge_overlap = len(reads) >= _FEATURES_TO_JUDGE_OVERLAP
        # Only modules whose text can name a feature serving reads are summarised (an editor's
        # first lint of a large project reads few), and those naming a loaded file come first.
        sources = self._mentioning(reads) if judge_overlap else self.sources
        if loaded:
            naming = {path for path, _ in self._mentioning(loaded)}
            first = self._training_in((path, text) for path, text in sources if path in naming)
            matching = [
                summary
                for summary in first
                if summary.path != here and _saves_one_of(summary, loaded) and _shares(summary, reads, judge_overlap)
            ]
            if matching:
                return tuple(matching)
        others = [summary for summary in self._training_in(sources) if summary.path != here]
        savers = [summary for summary in others if summary.saves_artifacts]
        if loaded:
            candidates = [summary for summary in savers if _saves_one_of(summary, loaded)] or [
                summary for summary in savers if not summary.artifact_names
            ]
        else:
            candidates = savers or others
        return tuple(summary for summary in candidates if _shares(summary, reads, judge_overlap))

    def state(self, fact: str) -> str:
        """A digest of one fact of the project (``TRAINING``, ``FILE_USES``, ``ASSIGNED_NAMES``): it changes with the fact.

        Computed once per process: the index itself is read once, so every file of a run sees one state.
        """
        if fact not in self._states:
            self._states[fact] = self._digest(fact)
        return self._states[fact]

    def _digest(self, fact: str) -> str:
        if fact == TRAINING:
            data: object = [summary_cache.summary_data(summary) for summary in self.training]
            paths: Iterable[str] = [summary.path for summary in self.training]
        elif fact == ASSIGNED_NAMES:
            data = sorted(
                (os.path.abspath(path), sorted(self._assigned_in(path, text))) for path, text in self.sources
            )
            paths = ()
        else:
            data = sorted(
                (path, use.name, use.folder or "", use.mode, use.data, use.position.line, use.template or "")
                for path, uses in self.file_uses.items()
                for use in uses
            )
            paths = self.file_uses
        # Messages name a notebook's lines by cell (``place``): the cells' extent counts too.
        cells = sorted((path, self._cell_extents(path)) for path in set(paths) if is_notebook_path(path))
        return hashlib.sha256(json.dumps([data, cells], sort_keys=True).encode()).hexdigest()

    def _cell_extents(self, path: str) -> list[tuple[int, int, int]]:
        text = self._texts.get(os.path.abspath(path))
        notebook = _notebook(text) if text is not None else None
        cells = notebook.python_cells if notebook is not None else ()
        return [(cell.index, cell.first_line, cell.line_count) for cell in cells]

    def _outside_project(self, path: str) -> bool:
        """Excluded by the configuration, or the root of a project nested inside this one."""
        if self.settings.excludes(path):
            return True
        return os.path.isdir(path) and any(os.path.exists(os.path.join(path, marker)) for marker in ROOT_MARKERS)

    def _may_train(self, path: str, text: str) -> bool:
        if any(pattern.matches(path) for pattern in self.settings.train_modules):
            return True
        return ".fit(" in text and imports_ml_library(self._checked_text(path, text))



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
    _notebook.cache_clear()
    forget_project_modules()


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
    code = _python_code(path, text)
    summary = summarize_training(path, code) if code is not None else None
    summary_cache.store(entry, os.path.abspath(path), summary)
    return summary


@functools.lru_cache(maxsize=4096)
def _cached_file_uses(entry: str, path: str, text: str) -> tuple[FileUse, ...]:
    found, uses = summary_cache.load_uses(entry, os.path.abspath(path))
    if found:
        return uses
    code = _python_code(path, text)
    try:
        uses = file_uses(build_tree(code, path)) if code is not None else ()
    except UnreadableSource:
        uses = ()
    summary_cache.store_uses(entry, os.path.abspath(path), uses)
    return uses


def _python_code(path: str, text: str) -> str | None:
    """A module's text, a notebook's code cells joined; ``None`` for a notebook that cannot be read."""
    if not is_notebook_path(path):
        return text
    notebook = _notebook(text)
    return notebook.source if notebook is not None else None


@functools.lru_cache(maxsize=256)
def _notebook(text: str) -> NotebookCode | None:
    try:
        return read_notebook(text)
    except UnreadableSource:
        return None


def _names(text: str, name: str) -> bool:
    """May the text (a module's, or a notebook's JSON) name ``name``? JSON may escape it (``\\u00e9``)."""
    return name in text or (not name.isascii() or '"' in name or "\\" in name) and json.dumps(name)[1:-1] in text


def _read(path: str) -> str | None:
    try:
        return read_source(path, decode_notebook if is_notebook_path(path) else None)
    except UnreadableSource:
        return None
