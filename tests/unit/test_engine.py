"""The engine: one walk, suppression comments, and isolation of a failing rule."""

import textwrap

import pytest

from mldebt.config import Settings
from mldebt.engine import analyze
from mldebt.rules.configuration.hardcoded_threshold import HardcodedThreshold

SCORING = textwrap.dedent(
    """\
    import joblib

    model = joblib.load("models/churn.joblib")
    proba = model.predict_proba(rows)[:, 1]
    flagged = proba > 0.73{comment}
    """
)


def _codes(source: str, path: str = "score.py") -> list[str]:
    return [finding.code for finding in analyze(path, source, Settings())]


def test_a_scoring_snippet_is_flagged():
    assert _codes(SCORING.format(comment="")) == ["MLD903", "MLD401"]


@pytest.mark.parametrize(
    "comment",
    [
        "  # noqa: MLD401",
        "  # noqa: hardcoded-threshold",
        "  # noqa:MLD4",
        "  # noqa",
        "  # pylint: disable=hardcoded-threshold",
        "  # pylint: disable=W7401",
        "  # NOQA: MLD401, E501",
    ],
)
def test_suppression_comments_silence_the_line(comment):
    assert _codes(SCORING.format(comment=comment)) == ["MLD903"]


@pytest.mark.parametrize("comment", ["  # noqa: E501", "  # pylint: disable=line-too-long", "  # noqa: MLD402"])
def test_other_codes_do_not_silence(comment):
    assert _codes(SCORING.format(comment=comment)) == ["MLD903", "MLD401"]


def test_a_failing_rule_becomes_one_internal_error_and_others_survive(monkeypatch):
    def explode(self, node):
        raise ValueError("boom")

    monkeypatch.setattr(HardcodedThreshold, "visit", explode)
    findings = analyze("score.py", SCORING.format(comment=""), Settings())
    assert [f.code for f in findings] == ["MLD903", "MLD000"]
    internal = findings[1]
    assert "MLD401 hardcoded-threshold" in internal.message and "score.py" in internal.message
    assert "ValueError: boom" in internal.message


def test_modules_without_ml_imports_still_report_syntax_errors():
    # No ML import: no rule runs and astroid is not built, but a broken file is still reported.
    assert [f.code for f in analyze("util.py", "def f(:\n", Settings())] == ["MLD001"]
    assert analyze("util.py", "def f():\n    return 1\n", Settings()) == []


def test_unparsable_ml_module_is_reported_once():
    findings = analyze("train.py", "import pandas as pd\ndef f(:\n", Settings())
    assert [(f.code, f.line) for f in findings] == [("MLD001", 2)]
