"""One walk per module, dispatching nodes to the rules that asked for them.

``analyze`` is the only entry point the front doors use. It never raises for
bad input or a broken rule: a file that cannot be parsed becomes one
``MLD001 unparsable-source`` finding, and a rule that raises becomes one
``MLD000 internal-error`` finding while every other rule's findings survive.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Collection

from astroid import nodes

from mldebt.analysis.imports import does_ml
from mldebt.analysis.names import forget_cached_names
from mldebt.analysis.tree_index import descendants
from mldebt.config import Settings
from mldebt.finding import Finding
from mldebt.notebook import NotebookCode, read_notebook
from mldebt.registry import find_rule, pylint_message_id
from mldebt.rule import Rule
from mldebt.rules.internal.internal_error import InternalError
from mldebt.rules.internal.unparsable_source import UnparsableSource
from mldebt.source import Comment, SourceModule, UnreadableSource, build_tree, check_syntax
from mldebt.suppression import is_suppressed, suppressions


def needs_tree(source: str, rules: Collection[type[Rule]], *, is_notebook: bool = False) -> bool:
    """Would any of ``rules`` run on this source? If not, building astroid can be skipped."""
    checks = [rule for rule in rules if rule.family() != 0 and (is_notebook or not rule.notebooks_only)]
    return any(not rule.ml_modules_only for rule in checks) or (bool(checks) and does_ml(source))


def analyze(
    path: str,
    source: str,
    settings: Settings,
    *,
    tree: nodes.Module | None = None,
    only: Callable[[type[Rule]], bool] | None = None,
    notebook: NotebookCode | None = None,
) -> list[Finding]:
    """All findings for one file, sorted, with suppression comments applied.

    ``tree`` lets pylint hand over the module it already built. ``only``
    narrows the configured rules further (a host's own enable/disable).
    ``notebook`` says that ``source`` is a notebook's joined code cells;
    the findings' lines are still those of ``source`` (see ``analyze_notebook``).
    """
    rules = [rule for rule in settings.enabled_rules(path) if only is None or only(rule)]
    if notebook is None:
        rules = [rule for rule in rules if not rule.notebooks_only]
    if tree is None:
        try:
            if not needs_tree(source, rules, is_notebook=notebook is not None):
                # No rule would look at this file; still say when it does not parse.
                if UnparsableSource in rules:
                    check_syntax(source, path)
                return []
            tree = build_tree(source, path)
        except UnreadableSource as error:
            return _unparsable(path, error, rules)
    module = SourceModule(path, source, tree, settings, notebook)
    try:
        findings = _run_rules(module, rules, settings)
    finally:
        forget_cached_names()
    silenced = suppressions(_comments_on({finding.line for finding in findings}, module.lines))
    return sorted(
        finding
        for finding in findings
        if not is_suppressed(finding, silenced, pylint_message_id(find_rule(finding.code)))
    )


def analyze_notebook(
    path: str,
    text: str,
    settings: Settings,
    *,
    only: Callable[[type[Rule]], bool] | None = None,
) -> list[Finding]:
    """All findings for one notebook, given its JSON text, each located by cell and line within it.

    A file that is no readable notebook becomes one ``MLD001`` finding.
    """
    return check_notebook(path, text, settings, only=only)[0]


def check_notebook(
    path: str,
    text: str,
    settings: Settings,
    *,
    only: Callable[[type[Rule]], bool] | None = None,
) -> tuple[list[Finding], NotebookCode | None]:
    """``analyze_notebook``'s findings and the notebook's code (``None`` when it is no notebook)."""
    try:
        notebook = read_notebook(text)
    except UnreadableSource as error:
        rules = [rule for rule in settings.enabled_rules(path) if only is None or only(rule)]
        return _unparsable(path, error, rules), None
    findings = analyze(path, notebook.source, settings, only=only, notebook=notebook)
    return sorted((notebook.locate(finding) for finding in findings), key=notebook_order), notebook


def notebook_order(finding: Finding) -> tuple:
    """Findings in reading order: by cell, then by place within it."""
    return (finding.path, finding.cell or 0, finding.line, finding.column, finding.code, finding.message)


def _comments_on(line_numbers: set[int], lines: list[str]) -> list[Comment]:
    """The comment part of the lines that have findings, found without tokenising the module.

    A ``#`` inside a string literal on such a line is read as a comment too;
    only a string that itself spells ``# noqa`` could be mistaken for one.
    """
    comments = []
    for number in sorted(line_numbers):
        text = lines[number - 1] if 0 < number <= len(lines) else ""
        start = text.find("#")
        if start >= 0:
            comments.append(Comment(number, start, text[start:], text[:start].strip() == ""))
    return comments


def _unparsable(path: str, error: UnreadableSource, rules: list[type[Rule]]) -> list[Finding]:
    if UnparsableSource not in rules:
        return []
    return [
        Finding(
            path=path,
            line=error.line,
            column=error.column,
            end_line=error.line,
            end_column=error.column,
            code=UnparsableSource.code,
            symbol=UnparsableSource.symbol,
            message=f"{error}; no rule checked this file",
            severity=UnparsableSource.severity,
        )
    ]


def _run_rules(module: SourceModule, rules: list[type[Rule]], settings: Settings) -> list[Finding]:
    active: list[Rule] = [
        rule(module, settings.options_for(rule))
        for rule in rules
        if rule.family() != 0 and (module.does_ml or not rule.ml_modules_only)
    ]
    if not active:
        return []
    failures: list[Finding] = []
    failed: set[int] = set()

    def fail(rule: Rule, node: nodes.NodeNG | None, error: Exception) -> None:
        failed.add(id(rule))
        failures.append(_internal_error(module, rule, node, error))

    # Each rule gets its nodes in source order from the tree's one shared walk; rules are independent
    # of each other, so they need not take turns node by node.
    for rule in active:
        for node in descendants(module.tree, rule.node_types) if rule.node_types else ():
            try:
                rule.visit(node)
            except Exception as error:  # noqa: BLE001 - one broken rule must not stop the others
                fail(rule, node, error)
                break
    for rule in active:
        if id(rule) in failed:
            continue
        try:
            rule.finish()
        except Exception as error:  # noqa: BLE001 - one broken rule must not stop the others
            fail(rule, None, error)
    findings = [finding for rule in active if id(rule) not in failed for finding in rule.findings]
    if InternalError in rules:
        findings.extend(failures)
    return findings


def _internal_error(module: SourceModule, rule: Rule, node: nodes.NodeNG | None, error: Exception) -> Finding:
    line = getattr(node, "lineno", None) or 1
    where = traceback.extract_tb(error.__traceback__)[-1]
    return Finding(
        path=module.path,
        line=line,
        column=0,
        end_line=line,
        end_column=0,
        code=InternalError.code,
        symbol=InternalError.symbol,
        message=(
            f"rule {rule.code} {rule.symbol} failed on {module.path}:{line}: "
            f"{type(error).__name__}: {error} (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}); "
            "please report this; the other rules still ran"
        ),
        severity=InternalError.severity,
    )
