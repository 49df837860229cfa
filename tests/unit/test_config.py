"""[tool.mldebt]: discovery, selection, per-file ignores, team files, and clear errors."""

import textwrap

import pytest

from mldebt.config import HostOverrides, Settings, load_file, settings_for
from mldebt.errors import ConfigError


def _project(tmp_path, pyproject: str, *files: str):
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent(pyproject))
    for name in files:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("import pandas as pd\n")
    return tmp_path


def _codes(settings: Settings, path) -> set[str]:
    return {rule.code for rule in settings.enabled_rules(str(path))}


def test_defaults_enable_every_default_rule(tmp_path):
    assert {"MLD302", "MLD401", "MLD402", "MLD701", "MLD702", "MLD903"} <= _codes(Settings(), tmp_path / "a.py")


def test_nearest_pyproject_with_a_mldebt_table_governs(tmp_path):
    _project(tmp_path, '[tool.mldebt]\nignore = ["MLD401"]\n', "pkg/sub/train.py")
    # A pyproject.toml without [tool.mldebt] in between is passed over.
    (tmp_path / "pkg" / "pyproject.toml").write_text("[project]\nname = 'pkg'\n")
    settings = settings_for(str(tmp_path / "pkg" / "sub" / "train.py"))
    assert settings.source == str(tmp_path / "pyproject.toml")
    assert "MLD401" not in _codes(settings, tmp_path / "pkg" / "sub" / "train.py")


def test_select_ignore_by_code_symbol_and_prefix(tmp_path):
    _project(
        tmp_path,
        '[tool.mldebt]\nselect = ["MLD4", "unsafe-model-deserialization"]\nignore = ["hardcoded-hyperparameter"]\n',
    )
    codes = _codes(settings_for(str(tmp_path / "a.py")), tmp_path / "a.py")
    assert {"MLD401", "MLD903"} <= codes
    assert not {"MLD402", "MLD302", "MLD701"} & codes


def test_more_specific_selector_wins(tmp_path):
    _project(tmp_path, '[tool.mldebt]\nignore = ["MLD4"]\nextend-select = ["MLD401"]\n')
    codes = _codes(settings_for(str(tmp_path / "a.py")), tmp_path / "a.py")
    assert "MLD401" in codes and "MLD402" not in codes


def test_per_file_ignores_match_folders_and_names(tmp_path):
    _project(
        tmp_path,
        """
        [tool.mldebt]
        per-file-ignores = { "tests" = ["MLD302"], "*_serving.py" = ["MLD4"] }
        """,
    )
    settings = settings_for(str(tmp_path / "x.py"))
    assert "MLD302" not in _codes(settings, tmp_path / "tests" / "unit" / "test_io.py")
    assert "MLD302" in _codes(settings, tmp_path / "src" / "io.py")
    assert "MLD401" not in _codes(settings, tmp_path / "app" / "price_serving.py")


def test_rule_options_validate_and_reach_the_rule(tmp_path):
    _project(tmp_path, "[tool.mldebt.rules.hardcoded-threshold]\nallow = [0.5, 1]\n")
    settings = settings_for(str(tmp_path / "a.py"))
    from mldebt.rules.configuration.hardcoded_threshold import HardcodedThreshold

    assert settings.options_for(HardcodedThreshold) == {"allow": (0.5, 1.0)}


def test_extend_merges_a_team_file_under_the_project(tmp_path):
    team = tmp_path / "shared" / "team.toml"
    team.parent.mkdir()
    team.write_text('ignore = ["MLD702"]\n[rules.hardcoded-threshold]\nallow = [0.5]\n')
    _project(
        tmp_path,
        """
        [tool.mldebt]
        extend = "shared/team.toml"
        ignore = ["MLD701"]
        [tool.mldebt.rules.hardcoded-threshold]
        allow = [0.7]
        """,
    )
    settings = settings_for(str(tmp_path / "a.py"))
    codes = _codes(settings, tmp_path / "a.py")
    assert "MLD702" not in codes and "MLD701" not in codes
    from mldebt.rules.configuration.hardcoded_threshold import HardcodedThreshold

    assert settings.options_for(HardcodedThreshold)["allow"] == (0.7,)


def test_host_overrides_win(tmp_path):
    _project(tmp_path, '[tool.mldebt]\nselect = ["MLD4"]\n[tool.mldebt.rules.hardcoded-threshold]\nallow = [0.7]\n')
    settings = settings_for(str(tmp_path / "a.py")).with_overrides(
        HostOverrides(select=("MLD9",), rule_options={"hardcoded-threshold": {"allow": (0.9,)}})
    )
    from mldebt.rules.configuration.hardcoded_threshold import HardcodedThreshold

    assert "MLD903" in _codes(settings, tmp_path / "a.py") and "MLD401" not in _codes(settings, tmp_path / "a.py")
    assert settings.options_for(HardcodedThreshold)["allow"] == (0.9,)


def test_exclude_names_paths_met_while_walking(tmp_path):
    _project(tmp_path, '[tool.mldebt]\nexclude = ["notebooks/scratch", "*_generated.py"]\n')
    settings = settings_for(str(tmp_path))
    assert settings.excludes(str(tmp_path / "notebooks" / "scratch"))
    assert settings.excludes(str(tmp_path / "src" / "schema_generated.py"))
    assert not settings.excludes(str(tmp_path / "notebooks"))


@pytest.mark.parametrize(
    ("pyproject", "mentions"),
    [
        ('[tool.mldebt]\nselct = ["MLD4"]\n', ["unknown key 'selct'", "did you mean 'select'"]),
        ('[tool.mldebt]\nselect = "MLD4"\n', ["'select'", "must be a list"]),
        ('[tool.mldebt]\nignore = ["MLD999"]\n', ["'MLD999'", "no mldebt rule"]),
        (
            "[tool.mldebt.rules.hardcoded-treshold]\nallow = [0.5]\n",
            ["unknown rule 'hardcoded-treshold'", "did you mean"],
        ),
        ("[tool.mldebt.rules.hardcoded-threshold]\nallowed = [0.5]\n", ["unknown option 'allowed'", "allow"]),
        ('[tool.mldebt.rules.hardcoded-threshold]\nallow = ["high"]\n', ["'allow'", "must be a number", "'high'"]),
        ('[tool.mldebt.rules.hardcoded-threshold]\nallow = 0.5\n', ["must be a list"]),
        ("[tool.mldebt]\nextend = 'missing.toml'\n", ["'extend'", "does not exist"]),
        ("[tool.mldebt\n", ["cannot parse"]),
    ],
)
def test_mistakes_name_the_key_and_the_file(tmp_path, pyproject, mentions):
    _project(tmp_path, pyproject)
    with pytest.raises(ConfigError) as raised:
        settings_for(str(tmp_path / "a.py"))
    message = str(raised.value)
    assert str(tmp_path / "pyproject.toml") in message
    for fragment in mentions:
        assert fragment in message


def test_extend_cycle_is_an_error(tmp_path):
    (tmp_path / "a.toml").write_text('extend = "b.toml"\n')
    (tmp_path / "b.toml").write_text('extend = "a.toml"\n')
    with pytest.raises(ConfigError, match="cycle"):
        load_file(str(tmp_path / "a.toml"))
