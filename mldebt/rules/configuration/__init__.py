"""Family 4: configuration, thresholds and reproducibility (Sculley et al. §6, §7.1, §8)."""
