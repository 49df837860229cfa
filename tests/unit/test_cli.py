"""`mldebt check | rules | explain`: output contract and exit status."""

import io
import json
import os
import subprocess
import sys
import textwrap

import pytest

from mldebt import cli
from mldebt.cli import main
from mldebt.registry import all_rules

SMELLY = textwrap.dedent(
    """\
    import pandas as pd

    listings = pd.read_csv("https://example.com/listings.csv")
    """
)


# These tests need exactly one smell, MLD302; MLD303 would also flag the CSV reads.
CONFIG = '[tool.mldebt]\nignore = ["MLD303"]\n'


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "load.py").write_text(SMELLY)
    (tmp_path / "src" / "clean.py").write_text("import pandas as pd\n\nframe = pd.read_csv('data/x.csv')\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_json_has_exactly_the_documented_keys_and_joined_paths(project, capsys):
    assert main(["check", "--format", "json", "src"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert findings == [
        {
            "code": "MLD302",
            "symbol": "unstable-data-dependency",
            "message": findings[0]["message"],
            "path": os.path.join("src", "load.py"),
            "line": 3,
            "column": 11,
            "end_line": 3,
            "end_column": 58,
            "severity": "warning",
        }
    ]
    assert "https://example.com/listings.csv" in findings[0]["message"]


def test_text_format_and_exit_status(project, capsys):
    assert main(["check", "src"]) == 1
    out = capsys.readouterr().out
    assert f"{os.path.join('src', 'load.py')}:3:12: warning MLD302 unstable-data-dependency:" in out
    assert out.endswith(
        "Found 1 finding (1 warning) in 1 of 2 files.\n"
        "Run `mldebt explain MLD302` (or any code) for what a rule looks for and why.\n"
    )
    assert main(["check", "src/clean.py"]) == 0
    assert main(["check", "--exit-zero", "src"]) == 0


def test_select_and_ignore_flags(project, capsys):
    assert main(["check", "--ignore", "MLD3", "src"]) == 0
    assert main(["check", "--select", "unstable-data-dependency", "src"]) == 1


def test_walk_skips_virtualenvs_git_build_and_excludes(project, capsys):
    for folder in (".git", "build", "my-env", "scratch"):
        (project / folder).mkdir()
        (project / folder / "x.py").write_text(SMELLY)
    (project / "my-env" / "pyvenv.cfg").write_text("home = /usr\n")
    (project / "pyproject.toml").write_text(CONFIG + 'exclude = ["scratch"]\n')
    assert main(["check", "--format", "json", "."]) == 1
    paths = {finding["path"] for finding in json.loads(capsys.readouterr().out)}
    assert paths == {os.path.join(".", "src", "load.py")}
    # A path named on the command line is checked even if it is excluded.
    assert main(["check", "scratch"]) == 1


@pytest.mark.parametrize(
    "arguments",
    [["check", "--select", "MLD999", "src"], ["check", "missing_folder"], ["explain", "no-such-rule"]],
)
def test_usage_errors_exit_2(project, capsys, arguments):
    assert main(arguments) == 2
    assert "mldebt: error:" in capsys.readouterr().err


def test_config_errors_exit_2_naming_key_and_file(project, capsys):
    (project / "pyproject.toml").write_text('[tool.mldebt]\nignroe = ["MLD4"]\n')
    assert main(["check", "src"]) == 2
    err = capsys.readouterr().err
    assert "unknown key 'ignroe'" in err and str(project / "pyproject.toml") in err
    assert "Traceback" not in err


def test_bad_files_are_reported_and_the_rest_still_checked(project, capsys):
    (project / "src" / "broken.py").write_text("import numpy as np\ndef f(:\n")
    (project / "src" / "latin1.py").write_bytes("import numpy as np\nname = 'caf\xe9'\n".encode("latin-1"))
    (project / "src" / "empty.py").write_text("")
    assert main(["check", "--format", "json", "src"]) == 1
    found = {(os.path.basename(f["path"]), f["code"]) for f in json.loads(capsys.readouterr().out)}
    assert found == {("broken.py", "MLD001"), ("latin1.py", "MLD001"), ("load.py", "MLD302")}


def test_rules_lists_every_rule(capsys):
    assert main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["code"] for row in rows] == [rule.code for rule in all_rules()]
    assert set(rows[0]) == {"code", "symbol", "family", "enabled_by_default", "pylint_id", "severity", "summary"}
    assert {row["code"]: row["pylint_id"] for row in rows}["MLD401"] == "W7401"
    assert {row["family"] for row in rows} >= {"configuration", "dead_code", "artifacts"}


@pytest.mark.parametrize("name", ["MLD401", "mld401", "hardcoded-threshold"])
def test_explain_prints_the_rule_docs(capsys, name):
    assert main(["explain", name]) == 0
    out = capsys.readouterr().out
    for heading in ("What it does", "Why is this bad", "Example", "Use instead", "Options"):
        assert heading in out
    assert "W7401" in out


def test_every_rule_is_documented_in_the_house_style():
    for rule in all_rules():
        docs = rule.documentation()
        for heading in ("## What it does", "## Why is this bad", "## Example", "## Use instead", "## Options"):
            assert heading in docs, f"{rule.code} lacks {heading!r}"
        for option in rule.options:
            assert f"`{option.name}`" in docs, f"{rule.code} does not document option {option.name}"


def test_console_script_and_module_entry_point(project):
    result = subprocess.run([sys.executable, "-m", "mldebt", "check", "src"], capture_output=True, text=True)
    assert result.returncode == 1 and "MLD302" in result.stdout


def test_check_without_a_path_checks_the_current_folder(project, capsys):
    assert main(["check", "--format", "json"]) == 1
    assert {finding["path"] for finding in json.loads(capsys.readouterr().out)} == {
        os.path.join(".", "src", "load.py")
    }


@pytest.mark.parametrize("name", ["W7601", "w7601"])
def test_explain_accepts_the_pylint_message_id(capsys, name):
    assert main(["explain", name]) == 0
    assert capsys.readouterr().out.startswith("# MLD601 preprocessing-leakage")


def test_explain_suggests_the_nearest_name_on_a_typo(capsys):
    assert main(["explain", "hardcoded-treshold"]) == 2
    assert "did you mean 'hardcoded-threshold'?" in capsys.readouterr().err


def test_rules_text_shows_the_pylint_id_and_whether_on_by_default(capsys):
    assert main(["rules"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("MLD401"))
    assert line.split()[:4] == ["MLD401", "W7401", "default", "hardcoded-threshold"]


def test_jobs_give_the_same_output_as_one_process(project, capsys, monkeypatch):
    for number in range(30):
        body = SMELLY if number % 3 == 0 else "import pandas as pd\n\nframe = pd.read_csv('data/x.csv')\n"
        (project / "src" / f"module_{number:02}.py").write_text(body)
    pools = []
    real_pool = cli.concurrent.futures.ProcessPoolExecutor

    def counting_pool(*args, **kwargs):
        pools.append(kwargs["max_workers"])
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(cli.concurrent.futures, "ProcessPoolExecutor", counting_pool)
    assert main(["check", "--format", "json", "-j", "1", "src"]) == 1
    serial = capsys.readouterr().out
    assert pools == []
    assert main(["check", "--format", "json", "--jobs", "2", "src"]) == 1
    assert pools == [2]
    assert capsys.readouterr().out == serial
    assert len(json.loads(serial)) == 11


def test_stdin_with_a_file_name(project, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SMELLY.encode())))
    assert main(["check", "--format", "json", "--stdin-filename", "src/piped.py", "-"]) == 1
    [finding] = json.loads(capsys.readouterr().out)
    assert (finding["path"], finding["code"]) == ("src/piped.py", "MLD302")


def test_stdin_honours_the_configuration_of_its_file_name(project, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SMELLY.encode())))
    (project / "src" / "pyproject.toml").write_text('[tool.mldebt]\nignore = ["MLD3"]\n')
    assert main(["check", "--stdin-filename", "src/piped.py", "-"]) == 0


def test_output_file(project, capsys):
    assert main(["check", "--format", "json", "--output-file", "out.json", "src"]) == 1
    assert capsys.readouterr().out == ""
    assert [finding["code"] for finding in json.loads((project / "out.json").read_text())] == ["MLD302"]


def test_fail_on_a_severity(project, capsys):
    assert main(["check", "--fail-on", "error", "src"]) == 0
    assert "MLD302" in capsys.readouterr().out  # still reported, only the exit status changes
    assert main(["check", "--fail-on", "warning", "src"]) == 1
    (project / "src" / "broken.py").write_text("def f(:\n")
    assert main(["check", "--fail-on", "error", "src"]) == 1


def test_force_exclude_applies_excludes_to_named_files(project, capsys):
    (project / "scratch").mkdir()
    (project / "scratch" / "x.py").write_text(SMELLY)
    (project / "pyproject.toml").write_text(CONFIG + 'exclude = ["scratch"]\n')
    assert main(["check", "scratch/x.py", "src/load.py"]) == 1
    assert "scratch" in capsys.readouterr().out
    assert main(["check", "--force-exclude", "--format", "json", "scratch/x.py", "src/load.py"]) == 1
    assert {finding["path"] for finding in json.loads(capsys.readouterr().out)} == {"src/load.py"}
    assert main(["check", "--force-exclude", "scratch/x.py"]) == 0
    assert main(["check", "--force-exclude", "scratch"]) == 0
