import os
import sys
import tempfile
from pathlib import Path

# The harness module sits beside the tests; tests/ is not a package.
sys.path.insert(0, str(Path(__file__).parent))

# Fixtures under tests/functional are parsed by mldebt, never imported or run by pytest,
# even the ones named test_*.py (data_dependencies/test_local_server.py).
collect_ignore = ["functional"]

# The project index caches summaries in the user's cache folder; the tests use their own.
os.environ["MLDEBT_CACHE_DIR"] = tempfile.mkdtemp(prefix="mldebt-test-cache-")
