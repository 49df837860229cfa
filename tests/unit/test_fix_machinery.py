"""Applying fixes: overlaps, rounds, safety, files that are never edited, bytes kept as they were."""

import json
import textwrap

import astroid
import pytest

from mldebt import fixes
from mldebt.analysis.edits import node_text
from mldebt.cli import main
from mldebt.config import settings_for
from mldebt.finding import Edit, Finding, Fix

SERVICE = textwrap.dedent(
    """\
    import torch
    from flask import Flask

    app = Flask(__name__)


    @app.route("/predict")
    def predict():
        model = torch.load("weights.pt")  # shipped with the image
        return model.state_dict()
    """
)
FIXED_SERVICE = SERVICE.replace('torch.load("weights.pt")', 'torch.load("weights.pt", weights_only=True)')


@pytest.fixture
def service(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.mldebt]\n")
    (tmp_path / "app.py").write_text(SERVICE)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "app.py"


def _fix(line, column, end_column, replacement, safe=True):
    return Fix((Edit(line, column, line, end_column, replacement),), safe=safe)


def test_overlapping_fix_is_left_out_and_touching_ones_are_applied():
    text = "alpha = beta + gamma\n"
    first = _fix(1, 8, 12, "BETA")
    overlapping = _fix(1, 10, 14, "XX")
    touching = _fix(1, 12, 12, " * 2")
    assert fixes.apply_fixes(text, [overlapping, touching, first]) == ("alpha = BETA * 2 + gamma\n", 2)


def test_a_fix_is_all_or_nothing():
    text = "a = b\nc = d\n"
    both = Fix((Edit(1, 4, 1, 5, "B"), Edit(2, 4, 2, 5, "D")))
    earlier = _fix(1, 0, 5, "a = 0")
    assert fixes.apply_fixes(text, [both, earlier]) == ("a = 0\nc = d\n", 1)


def test_columns_are_utf8_bytes_as_in_the_ast():
    text = 'label = "prix (€)"; model = load(p)\n'
    column = len('label = "prix (€)"; model = load(p'.encode())
    assert fixes.apply_fixes(text, [_fix(1, column, column, ", weights_only=True")])[0] == (
        'label = "prix (€)"; model = load(p, weights_only=True)\n'
    )


def _fake_analysis(monkeypatch, propose):
    """Let ``fix_text`` see findings whose fixes ``propose(text)`` returns, instead of the rules'."""

    def analyze(path, text, settings):
        return [Finding(path, 1, 0, 1, 0, "MLD999", "fake", "fake", fix=fix) for fix in propose(text)]

    monkeypatch.setattr(fixes, "analyze", analyze)


def test_overlapping_fixes_are_applied_in_later_rounds(monkeypatch):
    def shorten_pairs(text):
        return [_fix(1, index, index + 2, "a") for index in range(len(text) - 1) if text[index:index + 2] == "aa"]

    _fake_analysis(monkeypatch, shorten_pairs)
    result = fixes.fix_text("m.py", "aaaa\n", "utf-8", settings_for("."), unsafe=False)
    assert (result.text, result.applied, result.findings) == ("a\n", 3, ())


def test_rounds_are_bounded(monkeypatch):
    _fake_analysis(monkeypatch, lambda text: [_fix(1, len(text) - 1, len(text) - 1, "x")])
    result = fixes.fix_text("m.py", "a\n", "utf-8", settings_for("."), unsafe=False)
    assert result.applied == fixes.MAX_ROUNDS
    assert result.text == "a" + "x" * fixes.MAX_ROUNDS + "\n"


def test_a_round_that_would_break_the_syntax_is_dropped(monkeypatch):
    _fake_analysis(monkeypatch, lambda text: [_fix(1, 0, 0, "def ")])
    result = fixes.fix_text("m.py", "value = 1\n", "utf-8", settings_for("."), unsafe=False)
    assert not result.changed
    assert "MLD999" in result.problem


def test_fix_writes_safe_fixes_only_and_hints_at_unsafe_ones(service, capsys):
    assert main(["check", "--fix", "--no-cache", "app.py"]) == 1
    assert service.read_text() == SERVICE
    captured = capsys.readouterr()
    assert "MLD903" in captured.out
    assert "1 more fix may change behaviour" in captured.err and "--unsafe-fixes" in captured.err


def test_unsafe_fixes_are_applied_on_request(service, capsys):
    assert main(["check", "--fix", "--unsafe-fixes", "--no-cache", "app.py"]) == 0
    assert service.read_text() == FIXED_SERVICE
    assert "applied 1 fix in 1 file" in capsys.readouterr().err
    assert main(["check", "--diff", "--unsafe-fixes", "app.py"]) == 0
    assert capsys.readouterr().out == ""


def test_diff_prints_the_change_and_writes_nothing(service, capsys):
    before = service.stat().st_mtime_ns
    assert main(["check", "--diff", "--unsafe-fixes", "app.py"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- a/app.py\n+++ b/app.py\n")
    assert '-    model = torch.load("weights.pt")  # shipped with the image\n' in out
    assert '+    model = torch.load("weights.pt", weights_only=True)  # shipped with the image\n' in out
    assert service.read_text() == SERVICE and service.stat().st_mtime_ns == before
    assert main(["check", "--diff", "app.py"]) == 0
    assert capsys.readouterr().out == ""


def test_crlf_file_keeps_its_line_ends_and_encoding(service):
    data = ("# -*- coding: latin-1 -*-\n# modèle\n" + SERVICE).replace("\n", "\r\n").encode("latin-1")
    service.write_bytes(data)
    assert main(["check", "--fix", "--unsafe-fixes", "app.py"]) == 0
    expected = ("# -*- coding: latin-1 -*-\n# modèle\n" + FIXED_SERVICE).replace("\n", "\r\n").encode("latin-1")
    assert service.read_bytes() == expected


def test_file_with_a_syntax_error_is_never_edited(service, capsys):
    broken = SERVICE + "def broken(:\n"
    service.write_text(broken)
    assert main(["check", "--fix", "--unsafe-fixes", "app.py"]) == 1
    assert service.read_text() == broken
    assert "MLD001" in capsys.readouterr().out


def test_notebooks_are_reported_not_fixed(service):
    result = fixes.fix_text("serve.ipynb", SERVICE, "utf-8", settings_for("."), unsafe=True)
    assert [finding.code for finding in result.findings] == ["MLD903"]
    assert (result.text, result.applied) == (SERVICE, 0)
    notebook = service.with_name("serve.ipynb")
    notebook.write_text(json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    before = notebook.read_bytes()
    main(["check", "--fix", "--unsafe-fixes", "serve.ipynb"])
    assert notebook.read_bytes() == before


@pytest.mark.parametrize("arguments", [["--unsafe-fixes"], ["--diff", "--write-baseline", "b.json"]])
def test_fix_options_that_do_not_go_together(service, capsys, arguments):
    assert main(["check", *arguments, "app.py"]) == 2
    assert "mldebt: error:" in capsys.readouterr().err


def test_weights_only_goes_after_the_last_argument_on_a_line_with_wide_characters(service):
    source = SERVICE.replace(
        '    model = torch.load("weights.pt")  # shipped with the image\n',
        '    note = "modèle €"; model = torch.load(\n        "weights.pt",  # shipped\n    )\n',
    )
    result = fixes.fix_text("app.py", source, "utf-8", settings_for("."), unsafe=True)
    assert result.text == source.replace('"weights.pt",  # shipped', '"weights.pt", weights_only=True,  # shipped')
    inline = SERVICE.replace('torch.load("weights.pt")', 'torch.load(("wé.pt"))')
    result = fixes.fix_text("app.py", inline, "utf-8", settings_for("."), unsafe=True)
    assert 'torch.load(("wé.pt"), weights_only=True)' in result.text


def test_torch_load_given_weights_only_or_keyword_splat_has_no_fix(service):
    for call in ('torch.load("weights.pt", weights_only=False)', 'torch.load("weights.pt", **options)'):
        source = SERVICE.replace('torch.load("weights.pt")', call)
        result = fixes.fix_text("app.py", source, "utf-8", settings_for("."), unsafe=True)
        assert [finding.fix for finding in result.findings] == [None]
        assert not result.changed


def test_a_node_text_counts_lines_as_python_does():
    # A form feed is no line end for Python, but str.splitlines breaks there.
    text = "import numpy as np\n\x0c\nvalue = np.dot(a, b)\n"
    call = astroid.parse(text).body[1].value
    assert node_text(text, call) == "np.dot(a, b)"
