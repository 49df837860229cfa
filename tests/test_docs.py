"""The committed rule pages in docs/rules are what the rules' docstrings generate."""

from functional_harness import REPO
from mldebt.docs import pages

DOCS = REPO / "docs" / "rules"


def test_rule_pages_are_current():
    generated = pages()
    committed = {path.name: path.read_text(encoding="utf-8") for path in DOCS.glob("*.md")}
    stale = sorted(name for name in generated.keys() | committed.keys() if generated.get(name) != committed.get(name))
    assert not stale, f"docs/rules is stale ({', '.join(stale)}): run `python -m mldebt.docs docs/rules`"
