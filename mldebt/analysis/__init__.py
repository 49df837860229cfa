"""Shared knowledge that rules build on.

- ``names``: what a name in the module means, through its own imports (static).
- ``apis``: what ML libraries' calls do (read data, predict, construct estimators, load artifacts).
- ``values``: where a value came from, through local assignments, loops and comprehensions.
- ``dataflow``: data provenance (splits, fits, evaluations), interpreted once per module.
- ``receivers``: the kind of value an expression holds (DataFrame, ndarray, tensor, model...), from ``api_kinds``.
- ``imports``: a cheap, parse-free check of whether a source file imports ML libraries.
"""
