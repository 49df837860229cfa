"""pylint plugin: ``pylint --load-plugins=pylint_mldebt``.

A thin adapter. It registers one checker per rule family (pylint wants all
message ids of a checker to share a two-digit prefix: W74xx for family 4),
all named ``mldebt`` so ``--enable=mldebt`` turns on exactly mldebt's
messages. The first enabled family checker to see a module runs the core
engine once; every family checker then emits its own findings.
"""

from __future__ import annotations

import sys

from astroid import nodes
from pylint.checkers import BaseChecker
from pylint.interfaces import HIGH, INFERENCE, UNDEFINED

from mldebt.config import HostOverrides, settings_for
from mldebt.engine import analyze
from mldebt.errors import ConfigError
from mldebt.finding import Finding
from mldebt.host_options import SELECTION_OPTIONS, overrides_from, rule_options
from mldebt.registry import all_rules, pylint_message_id
from mldebt.source import decode_source

_CONFIDENCE = {"high": HIGH, "medium": INFERENCE, "low": UNDEFINED}
USAGE_ERROR = 32  # pylint's own exit status for a usage error


class _ModuleFindings:
    """The engine's findings for the module being linted, shared by the family checkers."""

    module: nodes.Module | None = None
    findings: list[Finding] = []


def _pylint_option(help_text: str) -> dict[str, object]:
    return {"type": "string", "default": None, "metavar": "<value>", "help": help_text}


class MldebtChecker(BaseChecker):
    """Base of the family checkers; subclasses set ``msgs`` and ``family``."""

    name = "mldebt"
    family: int = 0

    def __init__(self, linter) -> None:
        super().__init__(linter)
        self._overrides = HostOverrides()

    def open(self) -> None:
        # Only host options are checked here: each module's governing
        # configuration is read when that module is linted, so a broken
        # pyproject.toml that governs none of them (the current folder's
        # included) does not matter.
        try:
            self._overrides = overrides_from(self._host_option)
        except ConfigError as error:
            _usage_error(error)

    def visit_module(self, node: nodes.Module) -> None:
        for finding in self._findings(node):
            if int(finding.code[3]) == self.family:
                # The module node keeps the message node-scoped, so that pylint's
                # block-level disables (on a def or class line) apply; the
                # finding's own range overrides the node's.
                self.add_message(
                    finding.symbol,
                    node=node,
                    line=finding.line,
                    args=(finding.message,),
                    confidence=_CONFIDENCE[finding.confidence],
                    col_offset=finding.column,
                    end_lineno=finding.end_line,
                    end_col_offset=finding.end_column,
                )

    def _findings(self, node: nodes.Module) -> list[Finding]:
        if _ModuleFindings.module is not node:
            _ModuleFindings.module = node
            _ModuleFindings.findings = []
            _ModuleFindings.findings = self._run_engine(node)
        return _ModuleFindings.findings

    def _run_engine(self, node: nodes.Module) -> list[Finding]:
        path = node.file or self.linter.current_file or node.name
        try:
            with node.stream() as stream:
                source = decode_source(stream.read())
            settings = settings_for(path).with_overrides(self._overrides)
        except ConfigError as error:
            _usage_error(error)
        except Exception:  # noqa: BLE001 - an unreadable stream: pylint reports it itself
            return []
        return analyze(
            path,
            source,
            settings,
            tree=node,
            only=lambda rule: self.linter.is_message_enabled(pylint_message_id(rule)),
        )

    def _host_option(self, name: str) -> str | None:
        return getattr(self.linter.config, name.replace("-", "_"), None)


def _usage_error(error: ConfigError) -> None:
    print(f"pylint_mldebt: error: {error}", file=sys.stderr)
    sys.exit(USAGE_ERROR)


def _family_checkers() -> list[type[MldebtChecker]]:
    checkers = []
    for family in sorted({rule.family() for rule in all_rules()}):
        messages = {
            pylint_message_id(rule): (
                "%s",
                rule.symbol,
                f"{rule.summary}. Run `mldebt explain {rule.code}` for details.",
            )
            for rule in all_rules()
            if rule.family() == family
        }
        attributes: dict[str, object] = {"msgs": messages, "family": family}
        if family == 0:
            # Options are registered once, on the family-0 checker.
            attributes["options"] = tuple(
                [(name, _pylint_option(help_text)) for name, help_text in SELECTION_OPTIONS.items()]
                + [(option.name, _pylint_option(option.help)) for option in rule_options()]
            )
        checkers.append(type(f"MldebtFamily{family}Checker", (MldebtChecker,), attributes))
    return checkers


FAMILY_CHECKERS = _family_checkers()


def register(linter) -> None:
    """pylint's plugin hook: add mldebt's checkers (idempotent, as -j workers call it again)."""
    registered = {type(checker) for checker in linter.get_checkers()}
    for checker in FAMILY_CHECKERS:
        if checker not in registered:
            linter.register_checker(checker(linter))
