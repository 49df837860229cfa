"""Bad and strange input never raises out of the engine, and loses nothing else."""

import textwrap

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings

from mldebt.config import Settings
from mldebt.engine import analyze
from mldebt.source import UnreadableSource, decode_source

# Make every rule run: they only look at modules that import an ML library.
ML_PRELUDE = "import numpy as np\nimport pandas as pd\nimport joblib\n"


def _codes(source: str, path: str = "train.py") -> list[str]:
    return [finding.code for finding in analyze(path, source, Settings())]


# hypothesmith compiles its candidates, which may warn; those warnings are not ours.
@pytest.mark.filterwarnings("ignore::SyntaxWarning")
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_grammar())
def test_generated_programs_never_crash_a_rule(program):
    findings = analyze("generated.py", ML_PRELUDE + program, Settings())
    assert "MLD000" not in [finding.code for finding in findings], findings


@pytest.mark.filterwarnings("ignore::SyntaxWarning")
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_node())
def test_generated_syntax_trees_never_crash_a_rule(program):
    findings = analyze("generated.py", ML_PRELUDE + program, Settings())
    assert "MLD000" not in [finding.code for finding in findings], findings


@pytest.mark.parametrize(
    "source",
    [
        "",
        "\n\n\n",
        "# only a comment\n",
        ML_PRELUDE,
        ML_PRELUDE + "x = (" + "1 + " * 3000 + "1)\n",
        ML_PRELUDE + "p = model.predict(X)\n" + "p = p + 1\n" * 2000 + "ok = p > 3.5\n",
        ML_PRELUDE + "a = b\nb = a\nflag = a > 0.3\n",
        ML_PRELUDE + "#\n" * 5000,
        ML_PRELUDE + "\n".join(f"# step_{i} = run({i})" for i in range(3000)) + "\n",
        ML_PRELUDE + "x = '''\n# not a comment = 1\n'''\n",
        ML_PRELUDE + "if True:\n    pass\nelse:\n    pass\n",
        ML_PRELUDE + "\t\ndef f():\n\treturn 1\n",
    ],
    ids=[
        "empty", "blank", "comment-only", "imports-only", "deep-expression", "long-assignment-chain",
        "cyclic-names", "many-empty-comments", "huge-comment-block", "comment-in-string",
        "dead-else-with-pass", "tabs",
    ],
)
def test_edge_case_sources_do_not_crash(source):
    assert "MLD000" not in _codes(source)


def test_a_huge_file_is_analysed():
    block = textwrap.dedent(
        """\
        def score_{i}(model, rows):
            proba = model.predict_proba(rows)[:, 1]
            return proba > 0.{cut}
        """
    )
    # Cut-offs from 0.1000 to 0.2999: every one a threshold (below 0.001 would be a numerical guard).
    source = ML_PRELUDE + "\n".join(block.format(i=i, cut=1000 + i) for i in range(2000))
    assert _codes(source).count("MLD401") == 2000


@pytest.mark.parametrize(
    ("source", "line"),
    [
        (ML_PRELUDE + "def f(:\n    pass\n", 4),
        (ML_PRELUDE + "x = 'unterminated\n", 4),
        (ML_PRELUDE + "x = 1\n  y = 2\n", 5),
        (ML_PRELUDE + "x = \x00\n", 1),
    ],
)
def test_syntax_errors_are_one_clear_finding(source, line):
    [finding] = analyze("train.py", source, Settings())
    assert finding.code == "MLD001" and finding.line >= 1
    assert "no rule checked this file" in finding.message


def test_encodings_follow_the_interpreter():
    assert decode_source("# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n".encode("latin-1")).endswith("café'\n")
    assert decode_source("\ufeffx = 1\n".encode("utf-8")) == "x = 1\n"
    with pytest.raises(UnreadableSource, match="cannot decode"):
        decode_source("name = 'caf\xe9'\n".encode("latin-1"))
    with pytest.raises(UnreadableSource, match="cannot decode"):
        decode_source(b"# -*- coding: no-such-codec -*-\nx = 1\n")
