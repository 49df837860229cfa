"""Every fixture in tests/functional gives its marked findings, identically in all three doors.

The core is checked against the markers; pylint and flake8 are each run once
over all fixtures (as users run them, through their plugin entry points) and
checked against the core, range included as far as the host reports one.
Notebook fixtures are checked by (cell, line); pylint and flake8, which read
a notebook's file as Python, must name the same cells in their messages.
"""

from __future__ import annotations

import collections
import os

import pytest

from functional_harness import (
    REPO,
    core_findings,
    core_notebook_findings,
    expected_findings,
    expected_notebook_findings,
    fixture_files,
    flake8_findings,
    host_notebook_findings,
    notebook_fixtures,
    pylint_findings,
)

FIXTURES = fixture_files()
IDS = [os.path.relpath(path, REPO / "tests" / "functional") for path in FIXTURES]
NOTEBOOKS = notebook_fixtures()
NOTEBOOK_IDS = [os.path.relpath(path, REPO / "tests" / "functional") for path in NOTEBOOKS]


@pytest.fixture(scope="session")
def pylint_results():
    return pylint_findings(FIXTURES)


@pytest.fixture(scope="session")
def flake8_results():
    return flake8_findings(FIXTURES)


def _relative(path) -> str:
    return os.path.normpath(os.path.relpath(path, REPO))


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_core_reports_exactly_the_marked_findings(fixture):
    found = collections.Counter((line, code) for line, _, _, _, code in core_findings(fixture))
    expected = expected_findings(fixture)
    missing = expected - found
    unexpected = found - expected
    assert not missing and not unexpected, (
        f"missing (line, code): {sorted(missing.elements())}; unexpected: {sorted(unexpected.elements())}"
    )


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_pylint_agrees_with_core(fixture, pylint_results):
    assert sorted(pylint_results.get(_relative(fixture), [])) == sorted(core_findings(fixture))


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_flake8_agrees_with_core(fixture, flake8_results):
    core = [(line, column, code) for line, column, _, _, code in core_findings(fixture)]
    assert sorted(flake8_results.get(_relative(fixture), [])) == sorted(core)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_core_reports_exactly_the_marked_findings_in_notebooks(notebook):
    found = collections.Counter((cell, line, code) for cell, line, _, code in core_notebook_findings(notebook))
    expected = expected_notebook_findings(notebook)
    missing = expected - found
    unexpected = found - expected
    assert not missing and not unexpected, (
        f"missing (cell, line, code): {sorted(missing.elements())}; unexpected: {sorted(unexpected.elements())}"
    )


@pytest.fixture(scope="session")
def host_notebook_results():
    return host_notebook_findings(NOTEBOOKS)


@pytest.mark.parametrize("host", ["pylint", "flake8"])
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_hosts_given_a_notebook_name_the_cells_the_core_finds(notebook, host, host_notebook_results):
    assert sorted(host_notebook_results[host].get(_relative(notebook), [])) == sorted(core_notebook_findings(notebook))


def test_every_rule_has_a_positive_and_a_look_alike_fixture():
    flagged = collections.Counter()
    for fixture in FIXTURES:
        for _, code in expected_findings(fixture):
            flagged[code] += 1
    for notebook in NOTEBOOKS:
        for _, _, code in expected_notebook_findings(notebook):
            flagged[code] += 1
    from mldebt.registry import all_rules

    checked_rules = [rule for rule in all_rules() if rule.family() != 0]
    assert {rule.code for rule in checked_rules} <= set(flagged), "a rule has no positive fixture"
    # A look-alike is a file, or for multi-file cases a folder, named <symbol>_negative...
    names = " ".join(str(path.relative_to(REPO / "tests" / "functional")) for path in FIXTURES + NOTEBOOKS)
    for rule in checked_rules:
        assert f"{rule.symbol.replace('-', '_')}_negative" in names, f"{rule.symbol} has no look-alike fixture"


SERVING_FILES = sorted(path for path in FIXTURES if "skew" in path.parts and path.name.startswith("serve"))


@pytest.mark.parametrize("serving", SERVING_FILES, ids=[path.parent.name for path in SERVING_FILES])
def test_pylint_on_the_serving_file_alone_sees_the_training_code(serving):
    # The IDE case: the editor lints one file; the project index supplies the rest.
    alone = pylint_findings([serving])
    assert sorted(alone.get(_relative(serving), [])) == sorted(core_findings(serving))


def test_parallel_pylint_matches_serial(pylint_results):
    assert pylint_findings(FIXTURES, jobs=2) == pylint_results


def test_parallel_flake8_matches_serial(flake8_results):
    assert flake8_findings(FIXTURES, jobs=2) == flake8_results
