"""mldebt: static analysis for the hidden technical debt in machine-learning code.

The rule core. It imports astroid and never pylint or flake8: the host adapters
(`pylint_mldebt`, `flake8_mldebt`) and the `mldebt` command line sit on top of it.
"""

__version__ = "0.1.0"
