"""Docstrings of a feature library whose examples show commented-out lines.

The ``#`` lines below sit inside class and function docstrings, so they are
documentation, not comments: nothing here is commented-out code.
"""

import pandas as pd


class RollingMeanEncoder:
    """Encode a category by the rolling mean of the target.

    Example::

        encoder = RollingMeanEncoder(window=30)
        # encoder.fit(history, history["churned"])
        # encoded = encoder.transform(today)
    """

    def __init__(self, window: int) -> None:
        self.window = window

    def transform(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Apply the encoding learnt in ``fit``.

        # In[3]:
        # frame = encoder.transform(frame)
        """
        return frame.assign(encoded=frame["category"].map(lambda value: len(str(value)) % self.window))
