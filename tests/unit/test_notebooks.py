"""Jupyter notebooks: read as one module of joined code cells, findings located by cell.

Each test builds its notebook with nbformat's own v4 constructors and states
what mldebt must find as ``(cell, line, code)``: the cell's position among
all cells (markdown included, from 1) and the line within that cell.
"""

import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import hypothesmith
import jsonschema
import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from mldebt import cli, config
from mldebt.cli import main
from mldebt.config import Settings, settings_for
from mldebt.engine import analyze, analyze_notebook
from mldebt.notebook import read_notebook


@pytest.fixture(autouse=True)
def _fresh_cache():
    config.clear_cache()
    yield
    config.clear_cache()


def code(text: str, count: int | None = None):
    return new_code_cell(textwrap.dedent(text).strip("\n"), execution_count=count)


def markdown(text: str):
    return new_markdown_cell(text)


def write_notebook(path, *cells) -> str:
    nbformat.write(new_notebook(cells=list(cells)), str(path))
    return str(path)


def found(path, settings_path=None) -> list[tuple[int, int, str]]:
    text = open(path, encoding="utf-8").read()
    findings = analyze_notebook(str(path), text, settings_for(str(settings_path or path)))
    return [(finding.cell, finding.line, finding.code) for finding in findings]


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.mldebt]\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- Reading: magics masked in place, other languages left out ---------------------------------


def test_magics_and_shell_lines_are_masked_without_moving_any_other_line():
    notebook = new_notebook(
        cells=[
            markdown("# Setup"),
            code(
                """
                %matplotlib inline
                !pip install -q lightgbm
                files = !ls data
                import pandas as pd
                pd.read_csv?
                ?pd.merge
                for name in files:
                    !wc -l {name}
                get_ipython().run_line_magic("load_ext", "autoreload")
                """
            ),
        ]
    )
    read = read_notebook(nbformat.writes(notebook))
    assert read.source.splitlines() == [
        "pass",
        "pass",
        "files = ...",
        "import pandas as pd",
        "pass",
        "pass",
        "for name in files:",
        "    pass",
        'get_ipython().run_line_magic("load_ext", "autoreload")',
    ]
    (cell,) = read.cells
    assert (cell.index, cell.first_line, cell.line_count) == (2, 1, 9)


def test_a_shell_line_continued_with_a_backslash_is_masked_to_its_end():
    cell = code(
        """
        !gsutil cp \\
            gs://bucket/train.csv data/
        files = !ls \\
          data
        import pandas as pd
        """
    )
    read = read_notebook(nbformat.writes(new_notebook(cells=[cell])))
    assert read.source.splitlines() == ["pass", "", "files = ...", "", "import pandas as pd"]


def test_python_cell_magics_keep_their_body_and_other_languages_are_left_out():
    notebook = new_notebook(
        cells=[
            code("%%time\nscores = [1, 2]"),
            code("%%bash\nls -la data/ | head"),
            markdown("Note"),
            code("%%sql\nSELECT * FROM customers"),
            code("%%capture build_log\nprint('building')"),
            code("%%html\n<b>done</b>"),
            code("total = sum(scores)"),
        ]
    )
    read = read_notebook(nbformat.writes(notebook))
    assert read.source == "\nscores = [1, 2]\nbuild_log = ...\nprint('building')\ntotal = sum(scores)\n"
    assert [(cell.index, cell.first_line, cell.line_count) for cell in read.cells] == [
        (1, 1, 2), (2, 3, 0), (4, 3, 0), (5, 3, 2), (6, 5, 0), (7, 5, 1)
    ]


def test_a_docstring_line_ending_in_a_question_mark_is_python_not_help():
    cell = code('def ready(frame):\n    """Ready?\n    """\n    return frame.notna().all()')
    read = read_notebook(nbformat.writes(new_notebook(cells=[cell])))
    assert read.source == cell.source + "\n"


def test_a_notebook_of_another_kernel_language_has_no_python():
    notebook = new_notebook(cells=[code("library(dplyr)\ndf <- read.csv('x.csv')")])
    notebook.metadata["kernelspec"] = {"name": "ir", "display_name": "R", "language": "R"}
    assert read_notebook(nbformat.writes(notebook)).source == ""


def test_a_cell_marked_as_another_language_in_vs_code_is_left_out():
    sql = code("SELECT 1")
    sql.metadata["vscode"] = {"languageId": "sql"}
    read = read_notebook(nbformat.writes(new_notebook(cells=[sql, code("x = 1")])))
    assert read.source == "x = 1\n"


def test_both_source_forms_read_alike(tmp_path):
    as_lines = {
        "nbformat": 4, "nbformat_minor": 5, "metadata": {},
        "cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                   "source": ["import pandas as pd\n", "frame = pd.read_csv('https://example.com/a.csv')"]}],
    }
    as_text = json.loads(json.dumps(as_lines))
    as_text["cells"][0]["source"] = "import pandas as pd\nframe = pd.read_csv('https://example.com/a.csv')"
    assert read_notebook(json.dumps(as_lines)) == read_notebook(json.dumps(as_text))
    for name, notebook in (("lines.ipynb", as_lines), ("text.ipynb", as_text)):
        (tmp_path / name).write_text(json.dumps(notebook))
    assert found(tmp_path / "lines.ipynb") == found(tmp_path / "text.ipynb") == [(1, 2, "MLD302")]


# --- Locations -------------------------------------------------------------------------------


CHURN_CELLS = (
    """
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler
    """,
    """
    customers = pd.read_csv("http://10.0.0.12/exports/churn.csv")
    X = customers[["tenure_months", "monthly_charges"]]
    """,
    """
    scaled = StandardScaler().fit_transform(X)
    X_train, X_test, y_train, y_test = train_test_split(scaled, customers["churned"], random_state=7)
    """,
    """
    model = LogisticRegression(max_iter=500).fit(X_train, y_train)
    at_risk = model.predict_proba(X_test)[:, 1] > 0.73
    """,
)


def test_text_and_json_locate_findings_by_cell(project, capsys):
    write_notebook(
        project / "churn.ipynb",
        markdown("# Churn"),
        code("%matplotlib inline\n" + textwrap.dedent(CHURN_CELLS[0]).strip()),
        code(CHURN_CELLS[1]),
        markdown("## Model"),
        code(CHURN_CELLS[2]),
        code(CHURN_CELLS[3]),
    )
    assert main(["check", "churn.ipynb"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[0] for line in out[:-2]] == [
        "churn.ipynb:cell 3:1:13",
        "churn.ipynb:cell 5:1:10",
        "churn.ipynb:cell 6:2:11",
    ]
    assert "warning MLD302 unstable-data-dependency" in out[0]
    assert "warning MLD601 preprocessing-leakage" in out[1] and "afterwards at line 2," in out[1]
    assert "warning MLD401 hardcoded-threshold" in out[2]

    assert main(["check", "--format", "json", "churn.ipynb"]) == 1
    threshold = json.loads(capsys.readouterr().out)[-1]
    assert threshold == {
        "code": "MLD401",
        "symbol": "hardcoded-threshold",
        "message": threshold["message"],
        "path": "churn.ipynb",
        "cell": 6,
        "line": 2,
        "column": 10,
        "end_line": 2,
        "end_column": 50,
        "severity": "warning",
    }


def test_a_message_naming_a_line_of_another_cell_says_which_cell(tmp_path):
    path = write_notebook(tmp_path / "churn.ipynb", *(code(cell) for cell in CHURN_CELLS))
    findings = analyze_notebook(path, open(path).read(), settings_for(path))
    # Both lines the message names are in the finding's own cell: no cell is named.
    leakage = [finding for finding in findings if finding.code == "MLD601"]
    assert "(line 1)" in leakage[0].message and "at line 2," in leakage[0].message

    # The scaler fitted in cell 2, the split in cell 3: the message names both cells.
    moved = [textwrap.dedent(cell).strip("\n") for cell in CHURN_CELLS]
    moved[1] += "\nscaled = StandardScaler().fit_transform(X)"
    moved[2] = 'X_train, X_test, y_train, y_test = train_test_split(scaled, customers["churned"], random_state=7)'
    path = write_notebook(tmp_path / "moved.ipynb", *(code(cell) for cell in moved))
    (leak,) = [finding for finding in analyze_notebook(path, open(path).read(), settings_for(path))
               if finding.code == "MLD601"]
    assert (leak.cell, leak.line) == (2, 3)
    assert "(line 3)" in leak.message and "at line 1 of cell 3" in leak.message


def test_a_syntax_error_in_a_cell_is_one_mld001_at_that_cell(tmp_path):
    path = write_notebook(tmp_path / "nb.ipynb", code("import pandas as pd"), markdown("x"), code("x = (1,\ny = 2 +"))
    findings = analyze_notebook(path, open(path).read(), settings_for(path))
    assert [(finding.cell, finding.code) for finding in findings] == [(3, "MLD001")]


def test_a_cell_pasted_with_its_indent_runs_dedented_as_in_ipython_and_columns_stay_the_cells(tmp_path):
    pasted = new_code_cell(
        "    labels = pd.read_csv('http://10.0.0.3/labels.csv')\n"
        "    for name in ['low', 'high']:\n"
        "        labels[name] = labels['grade'] == name"
    )
    indented = write_notebook(tmp_path / "indented.ipynb", code("import pandas as pd"), pasted)
    flush = write_notebook(
        tmp_path / "flush.ipynb", code("import pandas as pd"), new_code_cell(textwrap.dedent(pasted.source))
    )

    def located(path):
        findings = analyze_notebook(path, open(path).read(), settings_for(path))
        return [(finding.cell, finding.line, finding.column, finding.end_column, finding.code) for finding in findings]

    assert [(cell, line, code) for cell, line, _, _, code in located(indented)] == [(2, 1, "MLD302")]
    [(_, _, column, end_column, _)] = located(indented)
    [(_, _, flush_column, flush_end_column, _)] = located(flush)
    assert (column, end_column) == (flush_column + 4, flush_end_column + 4)


def test_an_indented_line_in_a_cell_that_parses_is_left_as_it_is(tmp_path):
    path = write_notebook(tmp_path / "nb.ipynb", code("import pandas as pd"), new_code_cell("  x = (1,\ny = 2 +"))
    findings = analyze_notebook(path, open(path).read(), settings_for(path))
    assert [(finding.cell, finding.code) for finding in findings] == [(2, "MLD001")]


def test_noqa_in_a_cell_silences_its_line(tmp_path):
    path = write_notebook(
        tmp_path / "nb.ipynb",
        code("import pandas as pd"),
        code("frame = pd.read_csv('https://example.com/a.csv', dtype=str)  # noqa: MLD302"),
    )
    assert found(path) == []


# --- Same code, same findings ----------------------------------------------------------------


HOUSE_PRICE_CELLS = (
    """
    import numpy as np
    import pandas as pd
    from sklearn.ensemble import GradientBoostingRegressor
    from sklearn.metrics import mean_absolute_error
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import MinMaxScaler

    TARGET = "sale_price"
    FEATURES = ["sqft", "bedrooms", "house_age"]
    """,
    """
    listings = pd.read_csv("https://files.example.com/listings.csv", dtype={"zip": str})
    listings["house_age"] = listings["sale_year"] - listings["year_built"]
    listings["log_lot_size"] = np.log1p(listings["lot_size"])
    """,
    """
    features = MinMaxScaler().fit_transform(listings[FEATURES])
    X_train, X_test, y_train, y_test = train_test_split(features, listings[TARGET], random_state=3)
    model = GradientBoostingRegressor(n_estimators=600, learning_rate=0.03, random_state=3)
    model.fit(X_train, y_train)
    """,
    """
    predicted = model.predict(X_test)
    print("MAE", mean_absolute_error(y_test, predicted))
    luxury = X_test[predicted > 1_000_000]
    """,
)


def test_a_notebook_finds_what_the_same_code_finds_as_a_python_file(tmp_path):
    """Leakage, threshold, unused-feature and data-dependency rules agree; only the locations differ."""
    cells = [textwrap.dedent(cell).strip("\n") for cell in HOUSE_PRICE_CELLS]
    script = tmp_path / "train.py"
    script.write_text("\n".join(cells) + "\n")
    write_notebook(
        tmp_path / "train.ipynb",
        markdown("# House prices"), code(cells[0]), code(cells[1]), markdown("Fit"), code(cells[2]), code(cells[3]),
    )
    notebook_cells = {0: 2, 1: 3, 2: 5, 3: 6}
    first_lines = [1]
    for cell in cells:
        first_lines.append(first_lines[-1] + len(cell.splitlines()))

    def as_cell(line: int) -> tuple[int, int]:
        position = max(number for number, first in enumerate(first_lines[:-1]) if first <= line)
        return notebook_cells[position], line - first_lines[position] + 1

    script_findings = analyze(str(script), script.read_text(), settings_for(str(script)))
    expected = sorted(
        (*as_cell(f.line), f.column, f.end_line - f.line, f.end_column, f.code) for f in script_findings
    )
    notebook_findings = analyze_notebook(str(tmp_path / "train.ipynb"), (tmp_path / "train.ipynb").read_text(),
                                         settings_for(str(tmp_path / "train.ipynb")))
    actual = sorted((f.cell, f.line, f.column, f.end_line - f.line, f.end_column, f.code) for f in notebook_findings)
    assert actual == expected
    assert {code for *_, code in actual} >= {"MLD301", "MLD302", "MLD401", "MLD402", "MLD601"}


def test_notebook_leftovers_are_flagged_in_a_python_file_but_not_in_the_notebook(tmp_path):
    cells = ["import pandas as pd\nfrom IPython.display import display",
             "frame = pd.read_csv('data/listings.csv', dtype=str)\ndisplay(frame.describe())"]
    script = tmp_path / "explore.py"
    script.write_text("\n".join(cells) + "\n")
    assert [f.code for f in analyze(str(script), script.read_text(), settings_for(str(script)))] == ["MLD104"]
    assert found(write_notebook(tmp_path / "explore.ipynb", *(code(cell) for cell in cells))) == []


# --- Broken notebooks ------------------------------------------------------------------------


BROKEN = {
    "truncated.ipynb": '{"cells": [{"cell_type": "code", "source": "import pandas',
    "a_list.ipynb": "[1, 2, 3]",
    "no_cells.ipynb": json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}}),
    "no_source.ipynb": json.dumps(
        {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
         "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None}]}
    ),
    "not_a_notebook.ipynb": json.dumps({"name": "settings", "threshold": 0.5}),
}


def test_each_broken_notebook_is_one_mld001_and_the_other_files_are_still_checked(project, capsys):
    for name, text in BROKEN.items():
        (project / name).write_text(text)
    (project / "load.py").write_text(
        "import pandas as pd\nframe = pd.read_csv('https://example.com/a.csv', dtype=str)\n"
    )
    assert main(["check", "--format", "json", "."]) == 1
    findings = json.loads(capsys.readouterr().out)
    by_file = {}
    for finding in findings:
        by_file.setdefault(finding["path"], []).append(finding)
    assert sorted(by_file) == sorted([os.path.join(".", name) for name in [*BROKEN, "load.py"]])
    for name in BROKEN:
        (finding,) = by_file[os.path.join(".", name)]
        assert finding["code"] == "MLD001" and "cell" not in finding
        assert "no rule checked this file" in finding["message"]
    assert [finding["code"] for finding in by_file[os.path.join(".", "load.py")]] == ["MLD302"]
    messages = {name: by_file[os.path.join(".", name)][0]["message"] for name in BROKEN}
    assert messages["truncated.ipynb"].startswith("not a notebook: the file is not valid JSON")
    assert "no `cells`" in messages["no_cells.ipynb"]
    assert "code cell 1 has no `source`" in messages["no_source.ipynb"]
    assert "no `nbformat`" in messages["not_a_notebook.ipynb"]


def test_a_notebook_named_on_the_command_line_is_never_read_as_python(project, capsys):
    # Its JSON is a valid Python dict literal; read as Python it would have "no findings".
    write_notebook(project / "load.ipynb", code("import pandas as pd"),
                   code("frame = pd.read_csv('https://example.com/a.csv', dtype=str)"))
    assert main(["check", "load.ipynb"]) == 1
    assert "load.ipynb:cell 2:1:9: warning MLD302" in capsys.readouterr().out


def test_checking_never_writes_into_the_notebook(project, capsys):
    path = write_notebook(project / "nb.ipynb", code("import pandas as pd\nframe = pd.read_csv('data/a.csv')", 3))
    before = (open(path, "rb").read(), os.stat(path).st_mtime_ns)
    main(["check", path])
    assert (open(path, "rb").read(), os.stat(path).st_mtime_ns) == before


# --- Walking folders -------------------------------------------------------------------------


def test_folder_walks_pick_up_notebooks_and_honour_exclude(project, capsys):
    (project / "pyproject.toml").write_text('[tool.mldebt]\nexclude = ["scratch"]\n')
    smelly = [code("import pandas as pd"), code("frame = pd.read_csv('https://example.com/a.csv', dtype=str)")]
    for folder in ("notebooks", "scratch", os.path.join("notebooks", ".ipynb_checkpoints")):
        (project / folder).mkdir(parents=True, exist_ok=True)
        write_notebook(project / folder / "explore.ipynb", *smelly)
    assert main(["check", "."]) == 1
    out = capsys.readouterr().out
    assert f"{os.path.join('.', 'notebooks', 'explore.ipynb')}:cell 2:1:9: warning MLD302" in out
    assert "Found 1 finding (1 warning) in 1 of 1 file." in out
    # Named one by one (pre-commit), an excluded notebook is checked unless --force-exclude is given.
    named = os.path.join("scratch", "explore.ipynb")
    assert main(["check", named]) == 1
    assert main(["check", "--force-exclude", named]) == 0
    assert "No findings in 0 files." in capsys.readouterr().out


# --- pylint and flake8 -----------------------------------------------------------------------


def _host(project, *command, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=project, capture_output=True, text=True, input=stdin, check=False
    )


def _pylint(project, *arguments, stdin=None):
    return _host(project, "pylint", "--load-plugins=pylint_mldebt", "--disable=all", "--enable=mldebt",
                 "--persistent=n", "--score=n", *arguments, stdin=stdin)


def _flake8(project, *arguments, stdin=None):
    return _host(project, "flake8", "--select=MLD", *arguments, stdin=stdin)


def test_pylint_and_flake8_given_a_notebook_report_its_cells_at_the_top_of_the_file(project):
    """They read the file as Python (its JSON parses as a dict): the findings name the cell instead."""
    write_notebook(project / "churn.ipynb", *(code(cell) for cell in CHURN_CELLS))
    pylint = _pylint(project, "churn.ipynb").stdout
    assert "churn.ipynb:1:0: W7401: cell 4:2:11: `model.predict_proba(X_test)[:, 1]` is compared" in pylint
    assert "churn.ipynb:1:0: W7601: cell 3:1:10: StandardScaler is fitted" in pylint
    flake8 = _flake8(project, "churn.ipynb").stdout
    assert "churn.ipynb:1:1: MLD401 hardcoded-threshold: cell 4:2:11: `model.predict_proba" in flake8
    assert "churn.ipynb:1:1: MLD601 preprocessing-leakage: cell 3:1:10: StandardScaler is fitted" in flake8


def test_pylint_and_flake8_given_json_that_is_no_notebook_say_so(project):
    (project / "settings.ipynb").write_text(json.dumps({"name": "settings"}))
    assert "settings.ipynb:1:0: E7001: not a notebook" in _pylint(project, "settings.ipynb").stdout
    assert "settings.ipynb:1:1: MLD001 unparsable-source: not a notebook" in _flake8(project, "settings.ipynb").stdout


def test_joined_cells_on_stdin_are_linted_as_python_as_vs_code_sends_them(project):
    joined = "\n".join(textwrap.dedent(cell).strip("\n") for cell in CHURN_CELLS) + "\n"
    threshold_line = joined.splitlines().index("at_risk = model.predict_proba(X_test)[:, 1] > 0.73") + 1
    flake8 = _flake8(project, "--stdin-display-name=churn.ipynb", "-", stdin=joined).stdout
    assert f"churn.ipynb:{threshold_line}:11: MLD401 hardcoded-threshold" in flake8
    pylint = _pylint(project, "--from-stdin", "churn.ipynb", stdin=joined).stdout
    assert f"churn.ipynb:{threshold_line}:10: W7401" in pylint


# --- MLD901 notebook-out-of-order-execution ---------------------------------------------------


TRAINING_CELLS = (
    "import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier",
    "SEED = 11\nframe = pd.read_csv('data/loans.csv', dtype={'zip': str})",
    "model = RandomForestClassifier(random_state=SEED)",
    "model.fit(frame[['income', 'debt']], frame['default'])",
)


def training_notebook(tmp_path, counts, cells=TRAINING_CELLS):
    return write_notebook(
        tmp_path / "train.ipynb", markdown("# Loans"), *(code(cell, count) for cell, count in zip(cells, counts))
    )


def test_cells_run_out_of_order_are_reported_once_at_the_first_one(tmp_path):
    path = training_notebook(tmp_path, [1, 2, 7, 4])
    assert found(path) == [(5, 1, "MLD901")]
    (finding,) = analyze_notebook(path, open(path).read(), settings_for(path))
    assert finding.message.startswith("cell 5 ran as In [4] after cell 4 above it ran as In [7]: ")
    assert (finding.column, finding.end_line, finding.end_column) == (0, 1, len(TRAINING_CELLS[3]))


def test_a_cell_rerun_after_a_kernel_restart_is_out_of_order(tmp_path):
    assert found(training_notebook(tmp_path, [5, 6, 1, 8])) == [(4, 1, "MLD901")]


def test_several_cells_out_of_order_are_counted_in_the_one_finding(tmp_path):
    path = training_notebook(tmp_path, [9, 2, 3, 4])
    (finding,) = analyze_notebook(path, open(path).read(), settings_for(path))
    assert (finding.cell, finding.code) == (3, "MLD901") and "(3 cells ran out of order)" in finding.message


@pytest.mark.parametrize(
    "counts",
    [
        pytest.param([None, None, None, None], id="unexecuted"),
        pytest.param([1, 2, 3, 4], id="clean run all"),
        pytest.param([3, 4, 8, 12], id="run top to bottom with gaps"),
        pytest.param([1, 2, None, None], id="interrupted run all"),
        pytest.param([None, 2, None, 5], id="some cells skipped"),
    ],
)
def test_cells_run_top_to_bottom_are_fine(tmp_path, counts):
    assert found(training_notebook(tmp_path, counts)) == []


def test_a_python_file_has_no_execution_order(tmp_path):
    script = tmp_path / "train.py"
    script.write_text("\n".join(TRAINING_CELLS) + "\n")
    assert analyze(str(script), script.read_text(), settings_for(str(script))) == []


# --- MLD902 notebook-hidden-state -------------------------------------------------------------


def test_a_name_used_before_the_cell_that_defines_it(tmp_path):
    cells = (TRAINING_CELLS[0], TRAINING_CELLS[1], TRAINING_CELLS[3], TRAINING_CELLS[2])
    path = training_notebook(tmp_path, [None] * 4, cells)
    assert found(path) == [(4, 1, "MLD902")]
    (finding,) = analyze_notebook(path, open(path).read(), settings_for(path))
    assert (finding.column, finding.end_column) == (0, 5)
    assert finding.message.startswith("`model` is used in cell 4 but first defined in cell 5 below it")


def test_hidden_state_is_reported_once_per_name_and_cell_also_in_class_bodies_and_augmented_assignments(tmp_path):
    path = write_notebook(
        tmp_path / "nb.ipynb",
        code("import numpy as np"),
        code("scores.append(0.5)\nprint(np.mean(scores))\ntotal += 1"),
        code("class Config:\n    rate = learning_rate"),
        code("scores = []\ntotal = 0\nlearning_rate = 0.1"),
    )
    assert found(path) == [(2, 1, "MLD902"), (2, 3, "MLD902"), (3, 2, "MLD902")]


def test_names_defined_above_imports_builtins_magics_and_function_bodies_are_fine(tmp_path):
    path = write_notebook(
        tmp_path / "nb.ipynb",
        code("import pandas as pd\nfiles = !ls data"),
        code("def load():\n    return pd.read_csv(DATA_PATH, dtype=str)"),  # runs when called, after cell 4
        code("%%time\nsizes = [len(name) for name in files]\nprint(len(sizes), max(sizes))"),
        code("DATA_PATH = 'data/loans.csv'\nframe = load()\n_ = frame.describe()"),
        code("print(_)\ntry:\n    cached\nexcept NameError:\n    cached = frame.copy()"),
        code("cached = None"),
    )
    assert found(path) == []


def test_after_a_run_magic_or_a_star_import_names_may_come_from_anywhere(tmp_path):
    for first in ("%run prepare.py", "from prepare import *"):
        path = write_notebook(tmp_path / "nb.ipynb", code(first), code("print(frame.shape)"), code("frame = None"))
        assert found(path) == [], first
    path = write_notebook(
        tmp_path / "nb.ipynb", code("print(frame.shape)"), code("%run prepare.py"), code("frame = None")
    )
    assert found(path) == [(1, 1, "MLD902")]


def test_magics_that_bring_in_no_python_names_keep_hidden_state_visible(tmp_path):
    for first in ("%load_ext autoreload", "%env CUDA_VISIBLE_DEVICES=0", "%who_ls"):
        path = write_notebook(tmp_path / "nb.ipynb", code(first), code("print(frame.shape)"), code("frame = None"))
        assert found(path) == [(2, 1, "MLD902")], first


def test_a_python_file_is_read_top_to_bottom_by_pylint_not_by_mld902(tmp_path):
    script = tmp_path / "train.py"
    script.write_text("import numpy as np\nprint(np.mean(scores))\nscores = [1]\n")
    assert analyze(str(script), script.read_text(), settings_for(str(script))) == []


# --- Robustness ------------------------------------------------------------------------------


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
CELL_FIELDS = st.fixed_dictionaries(
    {"cell_type": st.sampled_from(["code", "markdown", "raw"]) | JSON_VALUES},
    optional={
        "source": st.text(max_size=80) | st.lists(st.text(max_size=30), max_size=4) | JSON_VALUES,
        "execution_count": st.none() | st.integers(-3, 50) | JSON_VALUES,
        "metadata": st.dictionaries(st.sampled_from(["vscode", "tags"]), JSON_VALUES, max_size=2) | JSON_VALUES,
        "outputs": st.lists(JSON_VALUES, max_size=2),
        "attachments": JSON_VALUES,
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.fixed_dictionaries(
        {"nbformat": st.just(4) | JSON_VALUES, "cells": st.lists(CELL_FIELDS, max_size=4) | JSON_VALUES},
        optional={"metadata": JSON_VALUES, "nbformat_minor": JSON_VALUES},
    )
    | JSON_VALUES
)
def test_any_json_in_a_notebook_file_gives_findings_never_an_exception(document):
    findings = analyze_notebook("generated.ipynb", json.dumps(document), Settings())
    assert "MLD000" not in [finding.code for finding in findings], findings
    assert all(finding.cell is None or finding.cell >= 1 for finding in findings)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=200))
def test_any_text_in_a_notebook_file_gives_findings_never_an_exception(text):
    assert "MLD000" not in [finding.code for finding in analyze_notebook("generated.ipynb", text, Settings())]


@pytest.mark.filterwarnings("ignore::SyntaxWarning")
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(hypothesmith.from_grammar(), min_size=1, max_size=3))
def test_generated_programs_as_cells_are_located_inside_their_cells(programs):
    cells = [new_code_cell("import pandas as pd\n" + program) for program in programs]
    notebook = new_notebook(cells=[markdown("generated"), *cells])
    read = read_notebook(nbformat.writes(notebook))
    for finding in analyze_notebook("generated.ipynb", nbformat.writes(notebook), Settings()):
        assert finding.code != "MLD000", finding
        cell = next(cell for cell in read.cells if cell.index == finding.cell)
        assert 1 <= finding.line <= finding.end_line <= cell.line_count, (finding, cell)


# --- CI surfaces: SARIF, GitHub, baseline, result cache, --jobs, stdin -----------------------


SARIF_SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def churn_notebook(path, *extra_cells):
    """CHURN_CELLS behind a markdown heading, with ``extra_cells`` before the model cell."""
    cells = [markdown("# Churn"), *(code(cell) for cell in CHURN_CELLS[:3]), *extra_cells, code(CHURN_CELLS[3])]
    return write_notebook(path, *cells)


def test_sarif_locates_a_notebook_finding_by_cell_and_validates(project, capsys):
    churn_notebook(project / "churn.ipynb")
    assert main(["check", "--format", "sarif", "churn.ipynb"]) == 1
    log = json.loads(capsys.readouterr().out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    (threshold,) = [result for result in log["runs"][0]["results"] if result["ruleId"] == "MLD401"]
    location = threshold["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "churn.ipynb", "uriBaseId": "%SRCROOT%"}
    # `model.predict_proba(X_test)[:, 1] > 0.73`: line 2 of cell 5, columns 11-50 (1-based, end after it).
    assert location["region"] == {"startLine": 2, "startColumn": 11, "endLine": 2, "endColumn": 51}
    assert threshold["properties"] == {"cell": 5}
    assert threshold["message"]["text"].startswith("cell 5:2:11: `model.predict_proba(X_test)[:, 1]` is compared")
    python_file = project / "load.py"
    python_file.write_text("import pandas as pd\nframe = pd.read_csv('https://example.com/a.csv', dtype=str)\n")
    assert main(["check", "--format", "sarif", "load.py"]) == 1
    (result,) = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert "properties" not in result and not result["message"]["text"].startswith("cell")


def test_github_annotates_a_notebook_finding_on_the_file_with_its_cell(project, capsys):
    churn_notebook(project / "churn.ipynb")
    assert main(["check", "--format", "github", "churn.ipynb"]) == 1
    threshold = next(line for line in capsys.readouterr().out.splitlines() if "MLD401" in line)
    head, message = threshold.split("::", 2)[1:]
    assert head == "warning file=churn.ipynb,title=MLD401 hardcoded-threshold (cell 5)"
    assert message.startswith("cell 5:2:11: `model.predict_proba(X_test)[:, 1]` is compared")


def test_notebook_fingerprints_survive_inserted_and_rerun_cells(project, capsys):
    churn_notebook(project / "churn.ipynb")
    assert main(["check", "--write-baseline", "baseline.json", "churn.ipynb"]) == 0
    known = json.loads((project / "baseline.json").read_text())
    assert main(["check", "--baseline", "baseline.json", "churn.ipynb"]) == 0
    # A note and an inspection cell above the model, everything run once top to bottom.
    churn_notebook(project / "churn.ipynb", markdown("Inspect before fitting"), code("print(X.shape)"))
    notebook = nbformat.read(str(project / "churn.ipynb"), as_version=4)
    for count, cell in enumerate((cell for cell in notebook.cells if cell.cell_type == "code"), 1):
        cell.execution_count = count
    nbformat.write(notebook, str(project / "churn.ipynb"))
    capsys.readouterr()
    assert main(["check", "--format", "json", "--baseline", "baseline.json", "churn.ipynb"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["check", "--write-baseline", "baseline.json", "churn.ipynb"]) == 0
    assert json.loads((project / "baseline.json").read_text()) == known
    # The flagged statement itself edited: a new finding.
    cells = [markdown("# Churn"), *(code(cell) for cell in CHURN_CELLS[:3]), code(CHURN_CELLS[3].replace("0.73", "0.8"))]
    write_notebook(project / "churn.ipynb", *cells)
    assert main(["check", "--format", "json", "--baseline", "baseline.json", "churn.ipynb"]) == 1
    assert [(f["code"], f["cell"]) for f in json.loads(capsys.readouterr().out)] == [("MLD401", 5)]


def test_a_warm_run_reuses_notebook_results_and_a_rerun_notebook_is_analysed_again(project, capsys, monkeypatch):
    path = churn_notebook(project / "churn.ipynb")
    assert main(["check", "--format", "json", "churn.ipynb"]) == 1
    cold = capsys.readouterr().out

    def no_analysis(*args, **kwargs):
        raise AssertionError("analysed although the result cache holds the notebook")

    with monkeypatch.context() as patched:
        patched.setattr(cli, "check_notebook", no_analysis)
        assert main(["check", "--format", "json", "churn.ipynb"]) == 1
        assert capsys.readouterr().out == cold
    # Only the saved execution counts change: MLD901 depends on them, so the entry must not be reused.
    notebook = nbformat.read(path, as_version=4)
    for count, cell in zip((3, 1, 2, 4), (cell for cell in notebook.cells if cell.cell_type == "code")):
        cell.execution_count = count
    nbformat.write(notebook, path)
    assert main(["check", "--format", "json", "churn.ipynb"]) == 1
    assert "MLD901" in [finding["code"] for finding in json.loads(capsys.readouterr().out)]


def test_jobs_give_the_same_notebook_results_as_one_process(project, capsys):
    for number in range(12):
        churn_notebook(project / f"churn_{number}.ipynb")
        (project / f"load_{number}.py").write_text("import pandas as pd\nframe = pd.read_csv('http://10.0.0.1/a.csv')\n")
    outputs = []
    for jobs in ("1", "2"):
        assert main(["check", "--format", "json", "--no-cache", "--jobs", jobs, "."]) == 1
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert sum(finding.get("cell") == 5 for finding in json.loads(outputs[0])) == 12


def test_stdin_named_as_a_notebook_takes_its_json_or_the_joined_cells(project, capsys, monkeypatch):
    path = churn_notebook(project / "churn.ipynb")
    for text, where in ((open(path).read(), (5, 2)), (read_notebook(open(path).read()).source, (None, 10))):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        assert main(["check", "--format", "json", "--stdin-filename", "churn.ipynb", "-"]) == 1
        (threshold,) = [f for f in json.loads(capsys.readouterr().out) if f["code"] == "MLD401"]
        assert (threshold.get("cell"), threshold["line"]) == where


def test_a_model_the_notebook_saves_itself_is_its_own_output(project, capsys):
    write_notebook(
        project / "train.ipynb",
        code("import torch\nfrom torch import nn\n\nmodel = nn.Linear(4, 1)"),
        code("torch.save(model.state_dict(), 'models/linear.pth')"),
        code("state = torch.load('models/linear.pth')\nmodel.load_state_dict(state)"),
        code("pretrained = torch.load('downloads/someone_elses.pth')"),
        code("import urllib.request\nshared = torch.load(urllib.request.urlretrieve('https://example.org/w.pth')[0])"),
    )
    main(["check", "--select", "MLD903", "--format", "json", "train.ipynb"])
    findings = json.loads(capsys.readouterr().out)
    # A file no .py file writes may be another notebook's output (the project index reads .py files): quiet.
    assert [(finding["cell"], finding["line"]) for finding in findings] == [(5, 2)]
    assert "downloaded file" in findings[0]["message"]
