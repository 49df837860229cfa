"""``--write-baseline`` and ``--baseline``: adopt mldebt on a legacy tree, report only new findings.

The file lists one entry per known finding: its fingerprint (see
``mldebt.report.fingerprints``: rule, path, enclosing scope, statement text,
never a line number) and, for the reviewer, the rule, path, scope and the
start of the statement. Entries are sorted and written with sorted keys, so
rewriting the baseline after fixing a finding shows up as one deleted entry.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from mldebt.errors import ConfigError
from mldebt.report.fingerprints import Fingerprint

FORMAT = 1
_SHOWN_STATEMENT = 120


def write(path: str, fingerprints: Iterable[Fingerprint]) -> None:
    entries = sorted(
        (_entry(fingerprint) for fingerprint in fingerprints),
        key=lambda entry: (entry["path"], entry["code"], entry["scope"], entry["statement"], entry["fingerprint"]),
    )
    document = {"mldebt-baseline": FORMAT, "findings": entries}
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    except OSError as error:
        raise ConfigError(f"cannot write the baseline {path}: {error.strerror or error}") from None


def _entry(fingerprint: Fingerprint) -> dict[str, str]:
    anchor = fingerprint.anchor
    statement = anchor.statement
    if len(statement) > _SHOWN_STATEMENT:
        statement = statement[: _SHOWN_STATEMENT - 3] + "..."
    return {
        "fingerprint": fingerprint.digest,
        "code": anchor.code,
        "path": anchor.path,
        "scope": anchor.scope,
        "statement": statement,
    }


def load(path: str) -> frozenset[str]:
    """The fingerprints a baseline file knows; a file mldebt did not write is a usage error."""
    try:
        with open(path, encoding="utf-8") as stream:
            document = json.load(stream)
    except OSError as error:
        raise ConfigError(f"cannot read the baseline {path}: {error.strerror or error}") from None
    except ValueError as error:
        raise ConfigError(f"the baseline {path} is not JSON: {error}") from None
    if not isinstance(document, dict) or document.get("mldebt-baseline") != FORMAT:
        raise ConfigError(f"{path} is not an mldebt baseline (written by `mldebt check --write-baseline`)")
    entries = document.get("findings")
    if not isinstance(entries, list) or not all(
        isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str) for entry in entries
    ):
        raise ConfigError(f"the baseline {path} must list findings with a 'fingerprint' each")
    return frozenset(entry["fingerprint"] for entry in entries)
