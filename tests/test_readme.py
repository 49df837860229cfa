"""The README stays true: its rule table and its test command."""

import re
import shlex
import sys

import yaml

from functional_harness import REPO
from mldebt import config
from mldebt.cli import _parser, rules_table

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_rule_table_is_generated_from_the_registry():
    table = re.search(r"<!-- rules-table-start -->\n(.*?)\n<!-- rules-table-end -->", README, re.DOTALL)
    assert table is not None, "the README lost its rule table markers"
    assert table.group(1) == rules_table(), "README rule table is stale: run `mldebt rules --format markdown`"


def test_ci_runs_the_readme_test_command():
    command = re.search(r"# 2\. .*\n(.+)\n", README).group(1).strip()
    assert command in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def _code_blocks(language):
    return re.findall(rf"```{language}\n(.*?)```", README, re.DOTALL)


def test_configuration_example_names_only_existing_rules_and_keys():
    [example] = [block for block in _code_blocks("toml") if block.startswith("[tool.mldebt]")]
    table = tomllib.loads(example)["tool"]["mldebt"]
    del table["extend"]  # names a team file that only exists in the reader's project
    config.load_table(table, str(REPO / "pyproject.toml"))


def test_pre_commit_hook_forces_excludes_on_python_and_notebooks():
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["types_or"] == ["python", "jupyter"]
    command = shlex.split(hook["entry"])
    assert command[:2] == ["mldebt", "check"] and "--force-exclude" in command
    _parser().parse_args([*command[1:], "some_file.py"])


def test_github_actions_example_uploads_sarif_with_commands_mldebt_accepts():
    [workflow] = [yaml.safe_load(block) for block in _code_blocks("yaml") if "upload-sarif" in block]
    steps = workflow["jobs"]["mldebt"]["steps"]
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    commands = [shlex.split(step["run"]) for step in steps if step.get("run", "").startswith("mldebt ")]
    sarif = next(command for command in commands if "sarif" in command)
    assert sarif[sarif.index("--output-file") + 1] == upload["with"]["sarif_file"]
    for command in commands:
        _parser().parse_args(command[1:])
