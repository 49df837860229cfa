"""The base class every rule derives from, and the typed options rules declare."""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from astroid import nodes

from mldebt.errors import ConfigError
from mldebt.finding import Confidence, Finding, Fix, Severity

if TYPE_CHECKING:
    from mldebt.source import SourceModule

_OPTION_KINDS = ("bool", "int", "float", "str", "float-list", "str-list")


@dataclasses.dataclass(frozen=True)
class Option:
    """A rule setting, given in ``[tool.mldebt.rules.<symbol>]`` or as a host option."""

    name: str
    kind: str
    default: object
    help: str

    def __post_init__(self) -> None:
        if self.kind not in _OPTION_KINDS:
            raise ValueError(f"option kind {self.kind!r} is not one of {_OPTION_KINDS}")

    def validate(self, value: object, where: str) -> object:
        """Check a value read from TOML; ``where`` names the key and file for the error."""
        if self.kind.endswith("-list"):
            item_kind = self.kind[: -len("-list")]
            if not isinstance(value, list):
                raise ConfigError(f"{where} must be a list of {item_kind}s, not {value!r}")
            return tuple(self._validate_scalar(item, item_kind, where) for item in value)
        return self._validate_scalar(value, self.kind, where)

    def parse_text(self, text: str, where: str) -> object:
        """Parse a host option given as text (``0.5,0.7`` for lists, ``yes``/``no`` for bools)."""
        if self.kind.endswith("-list"):
            item_kind = self.kind[: -len("-list")]
            items = [item.strip() for item in text.split(",") if item.strip()]
            return tuple(self._parse_scalar(item, item_kind, where) for item in items)
        return self._parse_scalar(text.strip(), self.kind, where)

    def _validate_scalar(self, value: object, kind: str, where: str) -> object:
        expected: dict[str, tuple[type, ...]] = {
            "bool": (bool,),
            "int": (int,),
            "float": (int, float),
            "str": (str,),
        }
        if isinstance(value, bool) and kind != "bool" or not isinstance(value, expected[kind]):
            raise ConfigError(f"{where} must be {_article(kind)}, not {value!r}")
        return float(value) if kind == "float" else value

    def _parse_scalar(self, text: str, kind: str, where: str) -> object:
        try:
            if kind == "bool":
                lowered = text.lower()
                if lowered not in ("yes", "no", "true", "false", "y", "n", "1", "0"):
                    raise ValueError(text)
                return lowered in ("yes", "true", "y", "1")
            if kind == "int":
                return int(text)
            if kind == "float":
                return float(text)
        except ValueError:
            raise ConfigError(f"{where} must be {_article(kind)}, not {text!r}") from None
        return text


def _article(kind: str) -> str:
    return {"bool": "a boolean", "int": "an integer", "float": "a number", "str": "a string"}[kind]


class Rule:
    """A check over one module. Subclasses set the class attributes below.

    One instance is made per module, so a rule may keep state across visits.
    ``visit`` receives every node of the types in ``node_types``, in source
    order, from the engine's single walk; ``finish`` runs after the walk.
    """

    code: ClassVar[str]
    symbol: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = "warning"
    node_types: ClassVar[tuple[type[nodes.NodeNG], ...]] = ()
    options: ClassVar[tuple[Option, ...]] = ()
    enabled_by_default: ClassVar[bool] = True
    # Most rules only make sense in modules that handle frames, arrays or models
    # (``analysis.imports.does_ml``); rules about code in general run on every module.
    ml_modules_only: ClassVar[bool] = True
    # What cross-file rules read of the project index: ``mldebt.project.TRAINING`` (the
    # training summaries), ``mldebt.project.FILE_USES`` (the files the project writes and reads). Their findings depend on
    # other files, which ``mldebt check``'s result cache must know.
    project_facts: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, module: SourceModule, settings: Mapping[str, object]) -> None:
        self.module = module
        self.settings = settings
        self.findings: list[Finding] = []
        self._reported: set[tuple[object, ...]] = set()

    def visit(self, node: nodes.NodeNG) -> None:
        """Inspect one node of a type listed in ``node_types``."""

    def finish(self) -> None:
        """Called once after the walk, for rules that judge the module as a whole."""

    def report(
        self,
        node: nodes.NodeNG,
        message: str,
        *,
        end: nodes.NodeNG | None = None,
        confidence: Confidence = "high",
        fix: Fix | None = None,
    ) -> None:
        """Record a finding spanning ``node`` (through ``end`` when given), with an optional fix."""
        last = end or node
        self.report_range(
            node.lineno,
            node.col_offset,
            last.end_lineno or node.lineno,
            last.end_col_offset if last.end_col_offset is not None else node.col_offset,
            message,
            confidence=confidence,
            fix=fix,
        )

    def report_once(self, node: nodes.NodeNG, message: str) -> None:
        """Record a finding unless this rule already reported one on ``node``.

        The provenance analysis sees a helper function's code on its own and
        again from each call: one finding per place is enough.
        """
        if ("node", id(node)) in self._reported:
            return
        self._reported.add(("node", id(node)))
        self.report(node, message)

    def report_range(
        self,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        message: str,
        *,
        confidence: Confidence = "high",
        fix: Fix | None = None,
    ) -> None:
        """Record a finding over an explicit range (for comments, which have no node)."""
        if (line, column, end_line, end_column, message) in self._reported:
            return
        self._reported.add((line, column, end_line, end_column, message))
        self.findings.append(
            Finding(
                path=self.module.path,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                code=self.code,
                symbol=self.symbol,
                message=message,
                severity=self.severity,
                confidence=confidence,
                fix=fix,
            )
        )

    @classmethod
    def documentation(cls) -> str:
        """The rule's docs: its docstring, as ``mldebt explain`` prints it."""
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def family(cls) -> int:
        """The family digit: MLD401 belongs to family 4."""
        return int(cls.code[3])
