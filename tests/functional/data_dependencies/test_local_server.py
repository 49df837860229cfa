"""Integration tests for the scoring service, run against a server started on this machine.

Tests may talk to ``localhost`` / ``127.0.0.1`` and read the small fixtures
under ``tests/data``: none of that is an unstable data dependency, because the
test owns both ends. Nothing here is reported.
"""

import pandas as pd
import pytest
import requests

SERVICE_URL = "http://localhost:8000"
HEALTH_URL = "http://127.0.0.1:8000/healthz"


@pytest.fixture(scope="module")
def sample_requests() -> pd.DataFrame:
    return pd.read_csv("tests/data/scoring_requests.csv")


def test_service_is_healthy():
    response = requests.get(HEALTH_URL, timeout=2)
    assert response.status_code == 200


def test_model_metadata_matches_training_run():
    metadata = requests.get(f"{SERVICE_URL}/metadata", timeout=2).json()
    assert metadata["features"] == ["sqft", "bedrooms", "bathrooms", "year_built", "zipcode"]


def test_batch_scores_are_probabilities(sample_requests):
    response = requests.post(f"{SERVICE_URL}/score", json=sample_requests.to_dict(orient="records"), timeout=5)
    scores = pd.DataFrame(response.json()["scores"])
    assert scores["churn_probability"].between(0, 1).all()


def test_reference_scores_are_stable():
    expected = pd.read_json("http://localhost:8000/reference_scores.json")
    observed = pd.read_csv("tests/data/reference_scores.csv")
    pd.testing.assert_frame_equal(expected, observed, check_exact=False, atol=1e-6)
