"""Suppression comments honoured by every front door.

The core applies them itself so that one comment silences a finding in
pylint, flake8 and ``mldebt check`` alike:

    proba > 0.93  # noqa: MLD401
    proba > 0.93  # noqa: hardcoded-threshold
    proba > 0.93  # pylint: disable=hardcoded-threshold
    proba > 0.93  # noqa

A bare ``# noqa`` silences everything on the line, as in flake8 and ruff.
Codes may be prefixes (``# noqa: MLD4``). The comment goes on the line the
finding is reported on (the first line of a multi-line statement).

The hosts apply their own comments too, and that is theirs to decide: flake8
reads only codes after ``noqa:``, so under flake8 ``# noqa: hardcoded-threshold``
is a bare ``# noqa`` that also hides other tools' findings on the line (the
README's suppression table shows each form in each host).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mldebt.finding import Finding
from mldebt.source import Comment

_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[\w\-]+(?:[\s,]+[\w\-]+)*))?", re.IGNORECASE)
_PYLINT_DISABLE = re.compile(r"#\s*pylint\s*:\s*disable\s*=\s*(?P<codes>[\w\-]+(?:\s*,\s*[\w\-]+)*)")

_ALL = "*"


def suppressions(comments: Iterable[Comment]) -> dict[int, set[str]]:
    """Map each line to the codes/symbols silenced on it (``*`` for everything)."""
    silenced: dict[int, set[str]] = {}
    for comment in comments:
        for match in _NOQA.finditer(comment.text):
            codes = match.group("codes")
            found = {_ALL} if codes is None else set(re.split(r"[\s,]+", codes.strip()))
            silenced.setdefault(comment.line, set()).update(found)
        for match in _PYLINT_DISABLE.finditer(comment.text):
            found = {code.strip() for code in match.group("codes").split(",")}
            silenced.setdefault(comment.line, set()).update(found)
    return silenced


def is_suppressed(finding: Finding, silenced: dict[int, set[str]], pylint_id: str) -> bool:
    """Is the finding silenced by a comment on its line?"""
    for name in silenced.get(finding.line, ()):
        if name in (_ALL, "all", finding.symbol, pylint_id):
            return True
        if name.upper().startswith("MLD") and finding.code.startswith(name.upper()):
            return True
    return False
