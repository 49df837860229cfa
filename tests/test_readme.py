"""The README stays true: its rule table and its test command."""

import re

from functional_harness import REPO
from mldebt.cli import rules_table

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_rule_table_is_generated_from_the_registry():
    table = re.search(r"<!-- rules-table-start -->\n(.*?)\n<!-- rules-table-end -->", README, re.DOTALL)
    assert table is not None, "the README lost its rule table markers"
    assert table.group(1) == rules_table(), "README rule table is stale: run `mldebt rules --format markdown`"


def test_ci_runs_the_readme_test_command():
    command = re.search(r"# 2\. .*\n(.+)\n", README).group(1).strip()
    assert command in (REPO / ".ci" / "run").read_text(encoding="utf-8")
