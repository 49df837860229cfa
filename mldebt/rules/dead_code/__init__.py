"""Family 7: dead experimental code paths (Sculley et al. §5.3)."""
