"""The options every host exposes, and turning their text values into overrides.

pylint and flake8 both take options as text (command line or their config
files); the names and parsing live here once so both adapters agree:

    --mldebt-select / --mldebt-extend-select / --mldebt-ignore   rule selectors
    --<symbol>-<option>        a rule option, e.g. --hardcoded-threshold-allow=0.5,0.7
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from mldebt.config import HostOverrides
from mldebt.registry import all_rules, validate_selectors
from mldebt.rule import Option, Rule

SELECTION_OPTIONS = {
    "mldebt-select": "Comma-separated mldebt rules to enable instead of [tool.mldebt] select.",
    "mldebt-extend-select": "Comma-separated mldebt rules to enable as well (e.g. opt-in rules).",
    "mldebt-ignore": "Comma-separated mldebt rules to disable, on top of [tool.mldebt] ignore.",
}


@dataclasses.dataclass(frozen=True)
class RuleOption:
    """A rule option as a host option: its flag name and the rule it belongs to."""

    name: str
    rule: type[Rule]
    option: Option

    @property
    def help(self) -> str:
        return f"{self.option.help} (mldebt {self.rule.code} {self.rule.symbol})"


def rule_options() -> Iterator[RuleOption]:
    for rule in all_rules():
        for option in rule.options:
            yield RuleOption(f"{rule.symbol}-{option.name}", rule, option)


def overrides_from(lookup: Callable[[str], str | list[str] | None]) -> HostOverrides:
    """Build overrides from a host's option values; ``lookup(name)`` is ``None`` when unset.

    Raises ``ConfigError`` naming the option when a value is not valid.
    """

    def selectors(name: str) -> tuple[str, ...] | None:
        value = lookup(name)
        if value is None:
            return None
        items = value if isinstance(value, list) else value.split(",")
        return validate_selectors([item.strip() for item in items if item.strip()], f"--{name}")

    options: dict[str, dict[str, object]] = {}
    for host_option in rule_options():
        value = lookup(host_option.name)
        if value is None:
            continue
        text = ",".join(value) if isinstance(value, list) else value
        parsed = host_option.option.parse_text(text, f"--{host_option.name}")
        options.setdefault(host_option.rule.symbol, {})[host_option.option.name] = parsed
    return HostOverrides(
        select=selectors("mldebt-select"),
        extend_select=selectors("mldebt-extend-select") or (),
        ignore=selectors("mldebt-ignore") or (),
        rule_options=options,
    )
