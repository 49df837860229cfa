"""``[tool.mldebt]``: found, validated and merged once for every front door.

The settings for a file come from the nearest ``pyproject.toml`` above it that
has a ``[tool.mldebt]`` table (or built-in defaults when there is none), after
merging any ``extend``-ed team file beneath it. Host options (pylint, flake8,
``mldebt check`` flags) are applied on top with ``Settings.with_overrides``.

Precedence: host option > the project's file > the extended team file > default.

Every key, rule name, option and value type is checked; a mistake raises
``ConfigError`` naming the key and the file.
"""

from __future__ import annotations

import dataclasses
import difflib
import fnmatch
import functools
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from mldebt.errors import ConfigError
from mldebt.registry import (
    all_rules,
    find_rule,
    matching_rules,
    selector_specificity,
    validate_selectors,
)
from mldebt.rule import Rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILE = "pyproject.toml"

_KEYS = {
    "select": "rules to enable instead of the default set (codes, symbols or prefixes)",
    "extend-select": "rules to enable on top of the default set, such as opt-in rules",
    "ignore": "rules to disable",
    "per-file-ignores": "a table of file pattern -> rules to disable in matching files",
    "exclude": "file or folder patterns mldebt check skips when walking folders",
    "extend": "a team configuration file whose settings this file builds on",
    "rules": "per-rule options, as [tool.mldebt.rules.<symbol>] tables",
    "train-modules": "file patterns of the project's training code (beyond modules that fit models)",
    "serve-modules": "file patterns of the project's serving code (beyond route handlers and predict entry points)",
}


@dataclasses.dataclass(frozen=True)
class HostOverrides:
    """Settings given to a host (pylint/flake8 option, CLI flag): they win over files.

    ``select`` replaces the file's selection; ``extend_select`` and ``ignore``
    add to it; rule options replace the file's value of the same option.
    """

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_options: Mapping[str, Mapping[str, object]] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class Pattern:
    """A file pattern and the folder it is relative to.

    fnmatch-style: ``*`` also matches ``/``. Paths are relative to ``root``;
    a pattern without ``/`` also matches a bare file or folder name. With
    ``parents``, a path also matches when one of its folders does.
    """

    root: str
    text: str

    def matches(self, path: str, *, parents: bool = True) -> bool:
        absolute = Path(os.path.abspath(path))
        try:
            parts = absolute.relative_to(self.root).parts
        except ValueError:
            return False
        if not parts:
            return False
        pattern = self.text.replace("\\", "/").strip("/")
        first = 1 if parents else len(parts)
        candidates = ["/".join(parts[:end]) for end in range(first, len(parts) + 1)]
        if "/" not in pattern:
            candidates += parts[first - 1:]
        return any(fnmatch.fnmatchcase(candidate, pattern) for candidate in candidates)


@dataclasses.dataclass(frozen=True)
class Settings:
    """The validated configuration that governs one folder of a project."""

    source: str = "defaults"
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # Patterns keep the folder of the file that set them: an extended team
    # file's patterns stay relative to the team file.
    per_file_ignores: tuple[tuple[Pattern, tuple[str, ...]], ...] = ()
    exclude: tuple[Pattern, ...] = ()
    train_modules: tuple[Pattern, ...] = ()
    serve_modules: tuple[Pattern, ...] = ()
    rule_options: Mapping[str, Mapping[str, object]] = dataclasses.field(default_factory=dict)

    def with_overrides(self, overrides: HostOverrides) -> Settings:
        options = {symbol: dict(values) for symbol, values in self.rule_options.items()}
        for symbol, values in overrides.rule_options.items():
            options.setdefault(symbol, {}).update(values)
        return dataclasses.replace(
            self,
            select=overrides.select if overrides.select is not None else self.select,
            extend_select=self.extend_select + overrides.extend_select,
            ignore=self.ignore + overrides.ignore,
            rule_options=options,
        )

    def enabled_rules(self, path: str) -> tuple[type[Rule], ...]:
        """The rules that run on ``path``: selection, then ignores and per-file ignores."""
        ignored_here = self.ignore + tuple(
            selector
            for pattern, selectors in self.per_file_ignores
            if pattern.matches(path)
            for selector in selectors
        )
        return tuple(rule for rule in all_rules() if self._is_enabled(rule, ignored_here))

    def options_for(self, rule: type[Rule]) -> dict[str, object]:
        """The rule's options: its defaults, overlaid with what was configured."""
        values = {option.name: option.default for option in rule.options}
        values.update(self.rule_options.get(rule.symbol, {}))
        return values

    def excludes(self, path: str) -> bool:
        """Does an ``exclude`` pattern name ``path``, a file or folder met while walking?

        Only the path itself is matched, not its parents: a folder given on the
        command line is checked even when it lies inside an excluded one.
        """
        return any(pattern.matches(path, parents=False) for pattern in self.exclude)

    def is_serving_module(self, path: str) -> bool:
        return any(pattern.matches(path) for pattern in self.serve_modules)

    def _is_enabled(self, rule: type[Rule], ignored: tuple[str, ...]) -> bool:
        # The most specific selector decides (MLD405 beats MLD4); on a tie, ignoring wins.
        baseline = rule.enabled_by_default if self.select is None or rule.family() == 0 else False
        votes = [(0, baseline)]
        for selector in (self.select or ()) + self.extend_select:
            if rule in matching_rules(selector):
                votes.append((selector_specificity(selector), True))
        for selector in ignored:
            if rule in matching_rules(selector):
                votes.append((selector_specificity(selector), False))
        best = max(specificity for specificity, _ in votes)
        return all(enabled for specificity, enabled in votes if specificity == best)


def settings_for(path: str) -> Settings:
    """The file settings governing ``path`` (a file, or a folder being walked)."""
    absolute = os.path.abspath(path or ".")
    folder = absolute if os.path.isdir(absolute) else os.path.dirname(absolute)
    return _settings_for_folder(folder)


@functools.lru_cache(maxsize=1024)
def _settings_for_folder(folder: str) -> Settings:
    candidate = os.path.join(folder, CONFIG_FILE)
    if os.path.isfile(candidate):
        table = _read_toml(candidate).get("tool", {}).get("mldebt")
        if table is not None:
            return load_table(table, candidate)
    parent = os.path.dirname(folder)
    if parent == folder:
        return Settings()
    return _settings_for_folder(parent)


def validate_governing(paths: Iterable[str]) -> None:
    """Load the configuration that governs each of ``paths`` (and what it extends); raise the first error.

    Hosts that lint in worker processes call this up front with the files they
    will lint, so a mistake in a governing ``pyproject.toml`` is a usage error
    before any work, not a crash in a worker, while a broken file that governs
    none of them does not matter.
    """
    for path in paths:
        settings_for(path)


def load_file(path: str) -> Settings:
    """Settings from an explicit file: a pyproject.toml, or a team file whose top level is the table."""
    document = _read_toml(os.path.abspath(path))
    table = document.get("tool", {}).get("mldebt", document) if "tool" in document else document
    return load_table(table, os.path.abspath(path))


def load_table(table: object, source: str, _seen: tuple[str, ...] = ()) -> Settings:
    """Validate one ``[tool.mldebt]`` table (merging what it extends) into Settings."""
    where = f"[tool.mldebt] in {source}"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    for key in table:
        if key not in _KEYS:
            raise ConfigError(f"unknown key {key!r} in {where}{_suggest(key, _KEYS)}; known keys: {', '.join(_KEYS)}")
    base = Settings()
    if "extend" in table:
        base = _load_extended(table["extend"], source, _seen)

    def selectors(key: str) -> tuple[str, ...] | None:
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, list):
            raise ConfigError(f"'{key}' in {where} must be a list of rule codes or symbols, not {value!r}")
        return validate_selectors(value, f"'{key}' in {where}")

    select = selectors("select")
    rule_options = {symbol: dict(values) for symbol, values in base.rule_options.items()}
    for symbol, values in _rule_options(table.get("rules", {}), where).items():
        rule_options.setdefault(symbol, {}).update(values)
    return Settings(
        source=source,
        select=select if select is not None else base.select,
        extend_select=base.extend_select + (selectors("extend-select") or ()),
        ignore=base.ignore + (selectors("ignore") or ()),
        per_file_ignores=base.per_file_ignores
        + _per_file_ignores(table.get("per-file-ignores", {}), source, where),
        exclude=base.exclude + _patterns(table.get("exclude", []), source, f"'exclude' in {where}"),
        train_modules=base.train_modules
        + _patterns(table.get("train-modules", []), source, f"'train-modules' in {where}"),
        serve_modules=base.serve_modules
        + _patterns(table.get("serve-modules", []), source, f"'serve-modules' in {where}"),
        rule_options=rule_options,
    )


def _load_extended(target: object, source: str, seen: tuple[str, ...]) -> Settings:
    if not isinstance(target, str):
        raise ConfigError(f"'extend' in [tool.mldebt] in {source} must be a path, not {target!r}")
    path = os.path.normpath(os.path.join(os.path.dirname(source), os.path.expanduser(target)))
    if path in seen or path == source:
        raise ConfigError(f"'extend' in {source} forms a cycle through {path}")
    if not os.path.isfile(path):
        raise ConfigError(f"'extend' in {source} names {target!r}, but {path} does not exist")
    document = _read_toml(path)
    table = document["tool"]["mldebt"] if "mldebt" in document.get("tool", {}) else document
    return load_table(table, path, seen + (source,))


def _patterns(value: object, source: str, where: str) -> tuple[Pattern, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where} must be a list of file patterns (strings), not {value!r}")
    return tuple(Pattern(os.path.dirname(source), item) for item in value)


def _per_file_ignores(value: object, source: str, where: str) -> tuple[tuple[Pattern, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"'per-file-ignores' in {where} must be a table of pattern = [rules]")
    entries = []
    for pattern, rules in value.items():
        key = f"'per-file-ignores.\"{pattern}\"' in {where}"
        if not isinstance(rules, list):
            raise ConfigError(f"{key} must be a list of rule codes or symbols, not {rules!r}")
        entries.append((Pattern(os.path.dirname(source), pattern), validate_selectors(rules, key)))
    return tuple(entries)


def _rule_options(value: object, where: str) -> dict[str, dict[str, object]]:
    if not isinstance(value, dict):
        raise ConfigError(f"'rules' in {where} must be a table of [tool.mldebt.rules.<symbol>] tables")
    parsed: dict[str, dict[str, object]] = {}
    symbols = [rule.symbol for rule in all_rules()]
    for name, options in value.items():
        rule = find_rule(name)
        if rule is None:
            raise ConfigError(f"unknown rule {name!r} in 'rules' of {where}{_suggest(name, symbols)}")
        if not isinstance(options, dict):
            raise ConfigError(f"'rules.{name}' in {where} must be a table of options")
        parsed[rule.symbol] = validate_rule_options(rule, options, f"'rules.{name}' in {where}")
    return parsed


def validate_rule_options(rule: type[Rule], options: Mapping[str, object], where: str) -> dict[str, object]:
    """Check option names and value types for one rule."""
    known = {option.name: option for option in rule.options}
    checked = {}
    for name, value in options.items():
        if name not in known:
            hint = f"; {rule.symbol} has the options {', '.join(known)}" if known else f"; {rule.symbol} has no options"
            raise ConfigError(f"unknown option {name!r} in {where}{_suggest(name, known)}{hint}")
        checked[name] = known[name].validate(value, f"{where}: {name!r}")
    return checked


def _suggest(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _read_toml(path: str) -> dict:
    try:
        with open(path, "rb") as stream:
            return tomllib.load(stream)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"cannot parse {path}: {error}") from None
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror or error}") from None


def clear_cache() -> None:
    """Forget settings read so far (an editor session may change pyproject.toml)."""
    _settings_for_folder.cache_clear()
