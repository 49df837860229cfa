"""Allow ``python -m mldebt``."""

import sys

from mldebt.cli import main

sys.exit(main())
