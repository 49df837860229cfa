"""The analyses behind the glue and pipeline rules: conversions, files, frames, other languages."""

import textwrap

import astroid
import pytest
from astroid import nodes

from mldebt.analysis.conversions import conversion, representation, undone_conversion
from mldebt.analysis.languages import foreign_language, programs
from mldebt.analysis.preparation import JOIN, STEP, is_frame, preparation_step
from mldebt.analysis.storage import READ, WRITE, file_access, read_back
from mldebt.config import Settings
from mldebt.engine import analyze


def _last_call(source: str) -> nodes.Call:
    module = astroid.parse(textwrap.dedent(source))
    return list(module.body[-1].nodes_of_class(nodes.Call))[0]


def _calls(source: str) -> list[nodes.Call]:
    return list(astroid.parse(textwrap.dedent(source)).nodes_of_class(nodes.Call))


@pytest.mark.parametrize(
    ("source", "source_kind", "target_kind"),
    [
        ("import json\njson.loads(body)", "json", "dict"),
        ("import pandas as pd\npd.DataFrame([payload])", None, "DataFrame"),
        ("frame.to_numpy()", "DataFrame", "ndarray"),
        ("import torch\ntorch.from_numpy(features)", "ndarray", "tensor"),
        ("output.numpy()", "tensor", "ndarray"),
        ("prices.tolist()", None, "list"),
        ("list(scores)", None, "list"),
    ],
)
def test_conversions_name_their_representations(source, source_kind, target_kind):
    found = conversion(_last_call(source))
    assert (found.source, found.target) == (source_kind, target_kind)


@pytest.mark.parametrize("source", ["list(range(3))", "list(df.columns)", "dict(alpha=1)", "frame.to_json('out.json')"])
def test_containers_and_file_writes_are_not_conversions(source):
    assert conversion(_last_call(source)) is None


def test_representation_follows_assignments_and_same_data_steps():
    module = astroid.parse("import pandas as pd\nframe = pd.read_csv('x.csv')\nkept = frame.loc[:, ['a']].copy()\nkept")
    assert representation(module.body[-1].value) == "DataFrame"


def test_a_round_trip_is_undone_only_when_nothing_changed_the_data():
    clean = _last_call("values = frame.to_numpy()\nimport pandas as pd\npd.DataFrame(values)")
    assert undone_conversion(conversion(clean)).node.lineno == 1
    changed = _last_call("values = frame.to_numpy()\nvalues[:, 0] = 0\nimport pandas as pd\npd.DataFrame(values)")
    assert undone_conversion(conversion(changed)) is None
    predicted = _last_call("import pandas as pd\npd.DataFrame(model.predict(frame.to_numpy()))")
    assert undone_conversion(conversion(predicted)) is None


def test_writes_read_back_are_paired_by_path_or_variable():
    calls = _calls(
        """\
        import os
        import pandas as pd
        STAGE = "tmp/stage.csv"
        frame.to_csv(os.path.join("tmp", "stage.csv"))
        pd.read_csv(STAGE)
        pd.read_csv("data/raw/stage.csv")
        """
    )
    accesses = [access for call in calls if (access := file_access(call)) is not None]
    assert [access.mode for access in accesses] == [WRITE, READ, READ]
    pairs = read_back([a for a in accesses if a.mode == WRITE], [a for a in accesses if a.mode == READ])
    assert [(write.node.lineno, read.node.lineno) for write, read in pairs] == [(4, 5)]


def test_a_buffer_is_not_a_file():
    assert file_access(_last_call("import io\nbuffer = io.StringIO()\nframe.to_csv(buffer)")) is None


@pytest.mark.parametrize(
    ("source", "step"),
    [
        ("import pandas as pd\npd.concat([a, b])", JOIN),
        ("import pandas as pd\nsales = pd.read_csv('s.csv')\nsales.merge(stores, on='id')", JOIN),
        ("df.dropna()", STEP),
        ("def f(frame: 'pd.DataFrame'):\n    return frame.rename(columns={})", STEP),
        ("', '.join(names)", None),
        ("path.rename(target)", None),
    ],
)
def test_preparation_steps_are_frame_operations(source, step):
    assert preparation_step(_last_call(source)) == step


def test_frames_are_recognised_through_method_chains():
    module = astroid.parse("import pandas as pd\nfirst = pd.read_parquet('x').groupby('a').sum()\nfirst")
    assert is_frame(module.body[-1].value)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("cmd = ['Rscript', 'fit.R']", ["Rscript"]),
        ("cmd = 'cd jobs && /opt/R/bin/Rscript fit.R | tee log'", ["cd", "Rscript", "tee"]),
        ("import shlex\ncmd = shlex.split('java -jar scorer.jar')", ["java"]),
        ("base = ['spark-submit', '--master', 'yarn']\ncmd = base + ['job.py']", ["spark-submit"]),
    ],
)
def test_programs_are_read_from_lists_strings_and_variables(source, expected):
    module = astroid.parse(source + "\ncmd")
    assert programs(module.body[-1].value) == expected


def test_foreign_language_knows_bridges_and_ignores_tooling():
    assert foreign_language(_last_call("from rpy2 import robjects\nrobjects.r['source']('m.R')")).language == "R"
    assert foreign_language(_last_call("import subprocess\nsubprocess.run(['git', 'status'])")) is None


def test_thresholds_are_options():
    source = textwrap.dedent(
        """\
        import pandas as pd

        def prepare(df):
            df = df.dropna()
            df = df.fillna(0)
            df = df.sort_values("day")
            return df.rename(columns={"a": "b"})
        """
    )
    assert not analyze("prepare.py", source, Settings())
    strict = Settings(rule_options={"pipeline-jungle": {"min-steps": 4}})
    assert [finding.code for finding in analyze("prepare.py", source, strict)] == ["MLD201"]
