"""Every rule by code and symbol, their families, and the names hosts give them.

The rule table itself is ``mldebt.rules.ALL_RULES``: one explicit, ordered
list, reviewed like any other code. This module answers questions about it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from mldebt.errors import ConfigError
from mldebt.rule import Rule
from mldebt.rules import ALL_RULES

FAMILIES: dict[int, str] = {
    0: "mldebt itself",
    1: "Glue code and abstraction debt",
    2: "Pipeline jungles",
    3: "Data dependencies",
    4: "Configuration, thresholds, reproducibility",
    5: "Train/serve skew",
    6: "Data leakage and evaluation",
    7: "Dead experimental code paths",
    8: "ML library API misuse",
    9: "Notebooks and artifacts",
}

_PYLINT_CATEGORY = {"error": "E", "warning": "W", "info": "I"}


def all_rules() -> tuple[type[Rule], ...]:
    return ALL_RULES


@functools.cache
def _by_name() -> dict[str, type[Rule]]:
    table: dict[str, type[Rule]] = {}
    for rule in ALL_RULES:
        table[rule.code] = rule
        table[rule.symbol] = rule
    return table


def find_rule(name: str) -> type[Rule] | None:
    """A rule by code (``MLD401``, any case) or symbol (``hardcoded-threshold``)."""
    table = _by_name()
    return table.get(name) or table.get(name.upper())


def pylint_message_id(rule: type[Rule]) -> str:
    """MLD401 -> W7401: pylint's category letter, then 7, then the three digits."""
    return f"{_PYLINT_CATEGORY[rule.severity]}7{rule.code[3:]}"


def matching_rules(selector: str) -> tuple[type[Rule], ...]:
    """Rules a selector names: a code, a symbol, or a code prefix (``MLD4``, ``MLD``)."""
    rule = find_rule(selector)
    if rule is not None:
        return (rule,)
    prefix = selector.upper()
    if prefix.startswith("MLD") and prefix[3:].isdigit() or prefix == "MLD":
        return tuple(rule for rule in ALL_RULES if rule.code.startswith(prefix))
    return ()


def selector_specificity(selector: str) -> int:
    """How precisely a selector names rules: a full code or symbol beats a prefix."""
    if find_rule(selector) is not None:
        return 10
    return len(selector)


def validate_selectors(selectors: Iterable[object], where: str) -> tuple[str, ...]:
    """Check a list of selectors from a config file or the command line."""
    checked = []
    for selector in selectors:
        if not isinstance(selector, str):
            raise ConfigError(f"{where} must list rule codes or symbols as strings, not {selector!r}")
        if not matching_rules(selector):
            raise ConfigError(
                f"{where} names {selector!r}, which is no mldebt rule code, symbol or code prefix "
                "(see `mldebt rules`)"
            )
        checked.append(selector)
    return tuple(checked)
