"""Family 9: notebooks and model artifacts."""
