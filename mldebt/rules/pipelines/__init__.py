"""Family 2: pipeline jungles (Sculley et al. §5.2)."""
