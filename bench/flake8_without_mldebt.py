"""Run flake8 with every installed plugin except mldebt's ``MLD`` extension.

flake8 runs all installed tree plugins and only filters their codes by
``--select`` afterwards, so ``--extend-ignore=MLD`` would still pay for mldebt.
Dropping the entry point at discovery gives the true "flake8 alone" baseline
while the package stays installed.

    python bench/flake8_without_mldebt.py --isolated PATH

With ``-j N`` the worker processes inherit the patch through ``fork`` (the
default start method on Linux), as flake8's own parallel mode relies on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from flake8.main.cli import main
from flake8.plugins import finder

MLDEBT_ENTRY_POINT = "MLD"
_find_installed_plugins = finder._find_importlib_plugins  # pylint: disable=protected-access


def _installed_plugins_except_mldebt() -> Iterator[finder.Plugin]:
    return (
        plugin for plugin in _find_installed_plugins()
        if plugin.entry_point.name != MLDEBT_ENTRY_POINT
    )


# find_plugins looks the function up in the module at call time, so rebinding it is enough.
finder._find_importlib_plugins = (  # pylint: disable=protected-access
    _installed_plugins_except_mldebt
)

if __name__ == "__main__":
    sys.exit(main())
