"""Family 3: data dependencies (Sculley et al. §3): what the model's data depends on."""
