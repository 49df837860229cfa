import os
import sys
import tempfile
from pathlib import Path

import pytest

# The harness module sits beside the tests; tests/ is not a package.
sys.path.insert(0, str(Path(__file__).parent))

# Fixtures under tests/functional are parsed by mldebt, never imported or run by pytest,
# even the ones named test_*.py (data_dependencies/test_local_server.py).
collect_ignore = ["functional"]

# The project index caches summaries in the user's cache folder; the tests use their own.
os.environ["MLDEBT_CACHE_DIR"] = tempfile.mkdtemp(prefix="mldebt-test-cache-")


@pytest.fixture(autouse=True)
def _fresh_process_caches():
    """Each test starts as a new process would: no configuration or project remembered."""
    from mldebt import config, project

    config.clear_cache()
    project.clear_caches()
    yield
    config.clear_cache()
    project.clear_caches()
