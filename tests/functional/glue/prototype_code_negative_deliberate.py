"""Deliberate notebook support, a chosen window of rows and a debug mode: not prototype leftovers.

The results viewer shows images inline when it runs in Jupyter and opens a
window otherwise; the environment check imports IPython only where it is
present. The trainer reads the most recent rows of a click log on purpose
(``skiprows`` with ``nrows``) and samples the file only in its explicit
debug mode. Nothing here is reported.
"""

import contextlib

import pandas as pd
from PIL import Image
from sklearn.ensemble import HistGradientBoostingClassifier

DEBUG = False
FEATURES = ["app", "device", "os", "channel", "hour"]


def running_in_notebook() -> bool:
    with contextlib.suppress(ImportError):
        from IPython import get_ipython

        return get_ipython() is not None
    return False


def show(image: Image.Image) -> None:
    if running_in_notebook():
        from IPython.display import display

        display(image)
    else:
        image.show()


def train(path: str, total_rows: int, recent_rows: int) -> HistGradientBoostingClassifier:
    recent = pd.read_csv(path, skiprows=range(1, total_rows - recent_rows), nrows=40_000_000)
    model = HistGradientBoostingClassifier(random_state=0)
    return model.fit(recent[FEATURES], recent["is_attributed"])


def train_debuggable(path: str) -> HistGradientBoostingClassifier:
    if DEBUG:
        clicks = pd.read_csv(path, nrows=100_000)
    else:
        clicks = pd.read_csv(path)
    model = HistGradientBoostingClassifier(random_state=0)
    return model.fit(clicks[FEATURES], clicks["is_attributed"])
