"""Family 8: ML library API misuse (Zhang et al. 2022).

Each rule needs the kind of its receiver (a DataFrame, a tensor, a module,
an optimizer); where the kind is unknown, the rules stay quiet.
"""
