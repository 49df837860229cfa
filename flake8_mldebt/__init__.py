"""flake8 plugin: registered as the ``MLD`` extension (``flake8 --select=MLD``).

A thin adapter: it hands the lines flake8 read (stdin and VS Code notebooks
included) to the core engine and yields ``MLD401 hardcoded-threshold: ...``.
Files that import no ML library skip the astroid build entirely when no
enabled rule needs them (see ``mldebt.engine.needs_tree``).
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator, Sequence

from flake8.discover_files import expand_paths

from mldebt import __version__
from mldebt.config import HostOverrides, settings_for, validate_governing
from mldebt.engine import analyze
from mldebt.errors import ConfigError
from mldebt.host_options import SELECTION_OPTIONS, overrides_from, rule_options
from mldebt.rules.internal.unparsable_source import UnparsableSource


class MldebtChecker:
    """flake8 tree plugin; flake8 instantiates it once per file."""

    name = "mldebt"
    version = __version__
    overrides = HostOverrides()

    def __init__(self, tree: ast.AST, lines: Sequence[str], filename: str) -> None:
        del tree  # the rules work on astroid, built from the same lines
        self.lines = lines
        self.filename = filename

    @classmethod
    def add_options(cls, option_manager) -> None:
        for name, help_text in SELECTION_OPTIONS.items():
            option_manager.add_option(
                f"--{name}", default=None, parse_from_config=True, comma_separated_list=True, help=help_text
            )
        for option in rule_options():
            option_manager.add_option(
                f"--{option.name}", default=None, parse_from_config=True, help=option.help
            )

    @classmethod
    def parse_options(cls, option_manager, options, filenames) -> None:
        """Validate host options and the configurations governing the linted files up front.

        A mistake is a usage error before any worker starts, not a crash. Only
        the files flake8 will lint count (found as flake8 finds them), so a
        broken ``pyproject.toml`` in an unrelated folder of a monorepo, or in a
        stale temporary folder, does not stop flake8 run from the root.
        """
        try:
            cls.overrides = overrides_from(lambda name: getattr(options, name.replace("-", "_"), None))
            validate_governing(_config_path(name) for name in _linted_files(options, filenames))
        except ConfigError as error:
            option_manager.parser.error(f"mldebt: {error}")

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        settings = settings_for(_config_path(self.filename)).with_overrides(self.overrides)
        # flake8 reports syntax errors itself (E999) and never calls plugins on them.
        findings = analyze(self.filename, "".join(self.lines), settings, only=_not_unparsable)
        for finding in findings:
            yield finding.line, finding.column, f"{finding.code} {finding.symbol}: {finding.message}", type(self)


def _linted_files(options, filenames) -> Iterator[str]:
    """The names flake8 will hand to plugins: its own discovery, stdin as its display name."""
    stdin_name = options.stdin_display_name or "stdin"
    for name in expand_paths(
        paths=filenames or (),
        stdin_display_name=stdin_name,
        filename_patterns=options.filename,
        exclude=(*options.exclude, *options.extend_exclude),
    ):
        yield stdin_name if name == "-" else name


def _config_path(filename: str) -> str:
    """Where configuration is looked up for a linted name: stdin without a display name lives in the current folder."""
    return os.path.join(os.getcwd(), "stdin") if filename in ("-", "stdin") else filename


def _not_unparsable(rule) -> bool:
    return rule is not UnparsableSource
