"""Family 9: notebooks, their saved execution state and cell order."""
