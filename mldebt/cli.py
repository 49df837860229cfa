"""``mldebt check | rules | explain``: the standalone front door.

Exit status: 0 no findings, 1 findings, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from mldebt import __version__, summary_cache
from mldebt.config import HostOverrides, Settings, load_file, settings_for
from mldebt.docs import rule_page
from mldebt.engine import analyze, analyze_notebook
from mldebt.errors import ConfigError
from mldebt.finding import Finding
from mldebt.notebook import is_notebook_path, read_notebook_text
from mldebt.project_files import iter_checked_files
from mldebt.registry import FAMILIES, all_rules, find_rule, pylint_message_id, validate_selectors
from mldebt.report import RENDERERS
from mldebt.rule import Rule
from mldebt.rules.internal.unparsable_source import UnparsableSource
from mldebt.source import UnreadableSource, read_source

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        return arguments.command(arguments)
    except ConfigError as error:
        print(f"mldebt: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`mldebt explain X | head`): nothing left to say.
        sys.stderr.close()
        return EXIT_CLEAN


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mldebt",
        description="Find the hidden technical debt in machine-learning code.",
    )
    parser.add_argument("--version", action="version", version=f"mldebt {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check", help="check files and folders", description="Check Python files, Jupyter notebooks and folders."
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="files (.py, .ipynb) or folders to check")
    check.add_argument("--format", choices=sorted(RENDERERS), default="text", help="output format (default: text)")
    check.add_argument("--select", help="comma-separated rules to enable instead of the configured set")
    check.add_argument("--extend-select", help="comma-separated rules to enable as well (e.g. opt-in rules)")
    check.add_argument("--ignore", help="comma-separated rules to disable")
    check.add_argument(
        "--config",
        metavar="FILE",
        help="use this pyproject.toml or team file instead of the nearest pyproject.toml",
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument(
        "--cache-dir",
        metavar="DIR",
        help=f"keep the project index's cache here (default: ${summary_cache.ENVIRONMENT_VARIABLE}, "
        "else the user's cache folder)",
    )
    check.set_defaults(command=_check)

    rules = commands.add_parser("rules", help="list every rule", description="List every rule.")
    rules.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text",
        help="markdown prints the table the README carries",
    )
    rules.set_defaults(command=_rules)

    explain = commands.add_parser(
        "explain", help="show a rule's documentation", description="Show a rule's documentation."
    )
    explain.add_argument("rule", metavar="CODE|SYMBOL", help="for example MLD401 or hardcoded-threshold")
    explain.set_defaults(command=_explain)
    return parser


def _check(arguments: argparse.Namespace) -> int:
    overrides = HostOverrides(
        select=_selectors(arguments.select, "--select"),
        extend_select=_selectors(arguments.extend_select, "--extend-select") or (),
        ignore=_selectors(arguments.ignore, "--ignore") or (),
    )
    fixed = load_file(arguments.config) if arguments.config else None
    if arguments.cache_dir:
        summary_cache.use_folder(os.path.abspath(arguments.cache_dir))
    missing = [path for path in arguments.paths if not os.path.exists(path)]
    if missing:
        print(f"mldebt: error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE

    def governing(path: str) -> Settings:
        return (fixed or settings_for(path)).with_overrides(overrides)

    findings: list[Finding] = []
    files = list(_files(arguments.paths, fixed))
    for path in files:
        findings.extend(_check_file(path, governing(path)))
    sys.stdout.write(RENDERERS[arguments.format](findings, len(files)))
    if findings and not arguments.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _selectors(text: str | None, option: str) -> tuple[str, ...] | None:
    if text is None:
        return None
    return validate_selectors([item.strip() for item in text.split(",") if item.strip()], option)


def _files(paths: Sequence[str], fixed: Settings | None):
    """Files named on the command line, and Python files and notebooks in folders minus configured excludes."""

    def excluded(path: str) -> bool:
        return (fixed or settings_for(os.path.dirname(path) or ".")).excludes(path)

    for path in paths:
        if os.path.isdir(path):
            yield from iter_checked_files(path, prune=excluded)
        else:
            yield path


def _check_file(path: str, settings: Settings) -> list[Finding]:
    """The file's findings; a notebook is read as a notebook, never as Python."""
    try:
        if is_notebook_path(path):
            return analyze_notebook(path, read_notebook_text(path), settings)
        source = read_source(path)
    except UnreadableSource as error:
        if UnparsableSource not in settings.enabled_rules(path):
            return []
        return [
            Finding(path, error.line, error.column, error.line, error.column, UnparsableSource.code,
                    UnparsableSource.symbol, f"{error}; no rule checked this file", UnparsableSource.severity)
        ]
    return analyze(path, source, settings)


def _family_slug(rule: type[Rule]) -> str:
    return rule.__module__.split(".")[2]


def _rules(arguments: argparse.Namespace) -> int:
    rows = [
        {
            "code": rule.code,
            "symbol": rule.symbol,
            "family": _family_slug(rule),
            "enabled_by_default": rule.enabled_by_default,
            "summary": rule.summary,
        }
        for rule in all_rules()
    ]
    if arguments.format == "json":
        print(json.dumps(rows, indent=2))
        return EXIT_CLEAN
    if arguments.format == "markdown":
        print(rules_table())
        return EXIT_CLEAN
    width = max(len(row["symbol"]) for row in rows)
    for row in rows:
        marker = "" if row["enabled_by_default"] else "  (opt-in)"
        print(f"{row['code']}  {row['symbol']:<{width}}  {row['summary']}{marker}")
    return EXIT_CLEAN


def rules_table() -> str:
    """The Markdown rule table of the README, generated from the registry."""
    lines = [
        "| Code | Symbol | Family | pylint | Default | What it flags |",
        "|---|---|---|---|---|---|",
    ]
    for rule in all_rules():
        default = "on" if rule.enabled_by_default else "opt-in"
        lines.append(
            f"| {rule.code} | `{rule.symbol}` | {FAMILIES[rule.family()]} | {pylint_message_id(rule)} "
            f"| {default} | {rule.summary} |"
        )
    return "\n".join(lines)


def _explain(arguments: argparse.Namespace) -> int:
    rule = find_rule(arguments.rule)
    if rule is None:
        print(f"mldebt: error: no rule {arguments.rule!r}; `mldebt rules` lists them all", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(rule_page(rule))
    return EXIT_CLEAN
