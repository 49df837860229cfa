"""pylint and flake8 as users run them: ids, options, suppression, stdin, errors, crashes."""

import io
import json
import subprocess
import sys
import textwrap

import pytest

from mldebt.registry import all_rules, find_rule, pylint_message_id
from mldebt.rules.configuration.hardcoded_threshold import HardcodedThreshold

SCORING = textwrap.dedent(
    """\
    import numpy as np

    from churn.registry import load_model

    model = load_model("churn")


    def review_queue(rows):
        proba = model.predict_proba(np.asarray(rows))[:, 1]
        return rows[proba > 0.73]{comment}
    """
)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.mldebt]\n")
    (tmp_path / "score.py").write_text(SCORING.format(comment=""))
    return tmp_path


def _run(project, *command, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=project, capture_output=True, text=True, input=stdin, check=False
    )


def _pylint(project, *arguments, stdin=None):
    return _run(
        project, "pylint", "--load-plugins=pylint_mldebt", "--disable=all", "--enable=mldebt",
        "--persistent=n", "--score=n", *arguments, stdin=stdin,
    )


def _flake8(project, *arguments, stdin=None):
    return _run(project, "flake8", "--select=MLD", *arguments, stdin=stdin)


def test_core_never_imports_a_host():
    code = (
        "import sys, mldebt.cli, mldebt.engine, mldebt.config, mldebt.registry, mldebt.host_options\n"
        "hosts = sorted(m for m in sys.modules if m.split('.')[0] in ('pylint', 'flake8'))\n"
        "assert not hosts, hosts\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_message_ids_follow_the_codes_and_do_not_collide_with_pylint():
    from pylint.lint import PyLinter

    import pylint_mldebt

    linter = PyLinter()
    linter.load_default_plugins()
    pylint_mldebt.register(linter)
    pylint_mldebt.register(linter)  # idempotent: -j workers call it again
    assert pylint_message_id(HardcodedThreshold) == "W7401"
    for rule in all_rules():
        definition = linter.msgs_store.get_message_definitions(pylint_message_id(rule))[0]
        assert definition.symbol == rule.symbol
        assert definition.checker_name == "mldebt"


def test_pylint_reports_with_range_and_honours_disable_comments(project):
    result = _pylint(project, "--output-format=json2", "score.py")
    [message] = json.loads(result.stdout)["messages"]
    assert message["symbol"] == "hardcoded-threshold"
    assert (message["messageId"], message["line"], message["column"], message["endLine"]) == ("W7401", 10, 16, 10)
    (project / "score.py").write_text(SCORING.format(comment="  # pylint: disable=hardcoded-threshold"))
    assert "W7401" not in _pylint(project, "score.py").stdout


def test_pylint_disable_on_its_own_line_covers_the_rest_of_the_block(project):
    source = SCORING.format(comment="").replace(
        "def review_queue(rows):", "def review_queue(rows):\n    # pylint: disable=hardcoded-threshold"
    )
    (project / "score.py").write_text(source)
    assert "W7401" not in _pylint(project, "score.py").stdout


def test_pylint_options_from_pyproject_and_command_line(project):
    assert "W7401" in _pylint(project, "score.py").stdout
    assert "W7401" not in _pylint(project, "--hardcoded-threshold-allow=0.73", "score.py").stdout
    (project / "pyproject.toml").write_text("[tool.mldebt]\n[tool.pylint.mldebt]\nhardcoded-threshold-allow = [0.73]\n")
    assert "W7401" not in _pylint(project, "score.py").stdout
    (project / "pyproject.toml").write_text("[tool.mldebt.rules.hardcoded-threshold]\nallow = [0.73]\n")
    assert "W7401" not in _pylint(project, "score.py").stdout


def test_pylint_from_stdin(project):
    result = _pylint(project, "--from-stdin", "score.py", stdin=SCORING.format(comment=""))
    assert "W7401" in result.stdout


@pytest.mark.parametrize("host", [_pylint, _flake8])
def test_config_mistakes_are_usage_errors_not_tracebacks(project, host):
    (project / "pyproject.toml").write_text('[tool.mldebt]\nselect = ["MLD4O1"]\n')
    result = host(project, "score.py")
    assert result.returncode in (2, 32), result
    assert "'MLD4O1'" in result.stderr and "pyproject.toml" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("host", [_pylint, _flake8])
def test_a_mistake_in_a_nested_config_is_a_usage_error_in_parallel_runs(project, host):
    (project / "sub").mkdir()
    (project / "sub" / "pyproject.toml").write_text('[tool.mldebt]\nselct = ["MLD4"]\n')
    (project / "sub" / "other.py").write_text(SCORING.format(comment=""))
    result = host(project, "-j", "2", ".")
    assert result.returncode in (2, 32), result
    assert "unknown key 'selct'" in result.stderr and "Traceback" not in result.stderr


def _monorepo_with_a_broken_unrelated_config(project):
    """A good service beside a folder (a stale checkout, a temp folder) whose config is broken."""
    (project / "services" / "scoring").mkdir(parents=True)
    (project / "services" / "scoring" / "score.py").write_text(SCORING.format(comment=""))
    (project / "scratch" / "old-checkout").mkdir(parents=True)
    (project / "scratch" / "old-checkout" / "pyproject.toml").write_text('[tool.mldebt]\nselct = ["MLD4"]\n')
    (project / "scratch" / "broken-toml").mkdir()
    (project / "scratch" / "broken-toml" / "pyproject.toml").write_text("[tool.mldebt\n")


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("target", ["services/scoring/score.py", "services", "."])
def test_flake8_from_a_monorepo_root_reads_only_the_configs_governing_the_linted_files(project, jobs, target):
    _monorepo_with_a_broken_unrelated_config(project)
    result = _flake8(project, "-j", jobs, target)
    assert result.returncode == 1 and result.stderr == "", result
    assert _reported_codes(result.stdout) == ["MLD401"] * (2 if target == "." else 1)


def test_flake8_on_stdin_reads_the_config_governing_its_display_name(project):
    _monorepo_with_a_broken_unrelated_config(project)
    good = _flake8(project, "--stdin-display-name=services/scoring/score.py", "-", stdin=SCORING.format(comment=""))
    assert good.returncode == 1 and good.stdout.startswith("services/scoring/score.py:10:17: MLD401"), good
    broken = _flake8(project, "--stdin-display-name=scratch/old-checkout/x.py", "-", stdin=SCORING.format(comment=""))
    assert broken.returncode == 2 and "unknown key 'selct'" in broken.stderr and "Traceback" not in broken.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_flake8_reports_a_broken_config_that_a_linted_file_extends(project, jobs):
    (project / "team.toml").write_text('ignore = ["MLD4O1"]\n')
    (project / "pyproject.toml").write_text('[tool.mldebt]\nextend = "team.toml"\n')
    _monorepo_with_a_broken_unrelated_config(project)
    result = _flake8(project, "-j", jobs, "services")
    assert result.returncode == 2 and "'MLD4O1'" in result.stderr and "team.toml" in result.stderr, result
    assert "Traceback" not in result.stderr


def test_pylint_from_a_folder_whose_config_is_broken_lints_another_project(project):
    _monorepo_with_a_broken_unrelated_config(project)
    result = _run(
        project / "scratch" / "old-checkout", "pylint", "--load-plugins=pylint_mldebt", "--disable=all",
        "--enable=mldebt", "--persistent=n", "--score=n", "-j", "2", "../../services/scoring/score.py",
    )
    assert result.returncode != 32 and "W7401" in result.stdout and "Traceback" not in result.stderr, result


@pytest.mark.parametrize("host", [_pylint, _flake8])
def test_bad_host_option_values_are_usage_errors(project, host):
    result = host(project, "--hardcoded-threshold-allow=high", "score.py")
    assert result.returncode in (2, 32) and "must be a number" in result.stderr
    assert "Traceback" not in result.stderr


def test_flake8_message_noqa_and_setup_cfg_options(project):
    result = _flake8(project, "score.py")
    assert result.stdout.startswith("score.py:10:17: MLD401 hardcoded-threshold: `proba` (from")
    (project / "score.py").write_text(SCORING.format(comment="  # noqa: MLD401"))
    assert _flake8(project, "score.py").stdout == ""
    (project / "score.py").write_text(SCORING.format(comment=""))
    (project / "setup.cfg").write_text("[flake8]\nhardcoded-threshold-allow = 0.73\n")
    assert _flake8(project, "score.py").stdout == ""


def test_flake8_works_from_the_lines_it_is_given(project):
    # VS Code sends unsaved buffers and joined notebook cells on stdin.
    result = _flake8(project, "--stdin-display-name=notebook.py", "-", stdin=SCORING.format(comment=""))
    assert result.stdout.startswith("notebook.py:10:17: MLD401")


def test_a_crashing_rule_does_not_take_down_pylint(project, monkeypatch):
    from pylint.lint import Run
    from pylint.reporters import JSON2Reporter

    monkeypatch.setattr(HardcodedThreshold, "visit", _explode)
    monkeypatch.chdir(project)
    output = io.StringIO()
    Run(
        ["--load-plugins=pylint_mldebt", "--disable=all", "--enable=mldebt", "--persistent=n", "score.py"],
        reporter=JSON2Reporter(output),
        exit=False,
    )
    symbols = [message["symbol"] for message in json.loads(output.getvalue())["messages"]]
    assert symbols == ["internal-error"]


def test_a_crashing_rule_does_not_take_down_flake8(project, monkeypatch, capsys):
    from flake8.main.cli import main

    monkeypatch.setattr(HardcodedThreshold, "visit", _explode)
    monkeypatch.chdir(project)
    main(["--isolated", "--select=MLD", "--jobs=1", "score.py"])
    codes = sorted(line.split(": ")[1].split()[0] for line in capsys.readouterr().out.splitlines())
    assert codes == ["MLD000"]


def _explode(self, node):
    raise RuntimeError("rule bug")


# One line with two mldebt findings (MLD302, MLD903) that is also too long for
# the host's own line-length check ("long": E501 under flake8, C0301 under pylint).
LOADER = 'import joblib\n\nencoder = joblib.load("/Users/jsmith/Desktop/label_encoder.joblib"){comment}\n'

# What each suppression form silences on its line, per front door, as the README documents.
SUPPRESSION_FORMS = {
    "": ({"long", "MLD302", "MLD903"}, {"long", "MLD302", "MLD903"}, {"MLD302", "MLD903"}),
    "  # noqa: MLD903": ({"long", "MLD302"}, {"long", "MLD302"}, {"MLD302"}),
    "  # pylint: disable=unsafe-model-deserialization": ({"long", "MLD302"}, {"long", "MLD302"}, {"MLD302"}),
    # flake8 reads anything but codes after `noqa:` as a bare `# noqa`.
    "  # noqa: unsafe-model-deserialization": (set(), {"long", "MLD302"}, {"MLD302"}),
    "  # noqa: unsafe-model-deserialization, E501": (set(), {"long", "MLD302"}, {"MLD302"}),
    "  # noqa: E501, unsafe-model-deserialization": ({"MLD302"}, {"long", "MLD302"}, {"MLD302"}),
    "  # noqa": (set(), {"long"}, set()),
}


def _flake8_codes(project):
    result = _flake8(project, "--select=MLD,E501", "--max-line-length=40", "load.py")
    return {"long" if code == "E501" else code for code in _reported_codes(result.stdout)}


def _pylint_codes(project):
    ids = {pylint_message_id(find_rule(code)): code for code in ("MLD302", "MLD903")}
    ids["C0301"] = "long"
    result = _run(
        project, "pylint", "--load-plugins=pylint_mldebt", "--disable=all", "--enable=mldebt,line-too-long",
        "--max-line-length=40", "--persistent=n", "--score=n", "--msg-template={msg_id}", "load.py",
    )
    return {ids[line] for line in result.stdout.split() if line in ids}


def _check_codes(project):
    result = _run(project, "mldebt", "check", "--format", "json", "load.py")
    return {finding["code"] for finding in json.loads(result.stdout)}


def _reported_codes(output):
    return [line.split(": ")[1].split()[0] for line in output.splitlines()]


@pytest.mark.parametrize("comment", SUPPRESSION_FORMS)
@pytest.mark.parametrize("front_door", [_flake8_codes, _pylint_codes, _check_codes])
def test_what_each_suppression_form_silences_in_each_front_door(project, comment, front_door):
    (project / "load.py").write_text(LOADER.format(comment=comment))
    expected = SUPPRESSION_FORMS[comment][[_flake8_codes, _pylint_codes, _check_codes].index(front_door)]
    assert front_door(project) == expected
