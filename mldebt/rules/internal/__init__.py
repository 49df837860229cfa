"""Family 0: what mldebt reports about itself rather than about the code."""
