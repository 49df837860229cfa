"""A plain settings module: no data, no model, nothing to report.

Its comments are prose, its URLs are documentation, and it calls no method
that only data or model code calls, so only the general rules look at it,
and they find nothing.
"""

import os

# See https://docs.example.org/deploy for the meaning of each setting.
# config.py
DEBUG = os.environ.get("APP_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("APP_HOSTS", "localhost").split(",")
# Timeout in seconds for calls to the feature store.
FEATURE_STORE_TIMEOUT = float(os.environ.get("FEATURE_STORE_TIMEOUT", "2.5"))
