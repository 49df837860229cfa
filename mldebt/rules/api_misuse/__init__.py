"""Family 8: ML library API misuse (Zhang, Cruz, van Deursen 2022), judged on the receiver's kind."""
