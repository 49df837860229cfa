"""Family 1: glue code and abstraction debt (Sculley et al. §5.1, §5.4, §5.5)."""
