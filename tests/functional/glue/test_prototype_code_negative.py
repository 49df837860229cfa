"""Tests may drive IPython and train on a few rows: a test file is not production code.

The notebook smoke test runs the exported notebook's helper under a fake
IPython shell and fits on the first rows of the fixture data. None of this
is reported.
"""

from unittest import mock

import pandas as pd
from sklearn.linear_model import LogisticRegression

FEATURES = ["tenure_months", "monthly_charges"]


# In[1]:


def test_model_fits_on_a_small_sample():
    frame = pd.read_csv("tests/data/customers.csv", nrows=200)
    model = LogisticRegression().fit(frame[FEATURES], frame["churned"])
    assert model.coef_.shape == (1, len(FEATURES))


def test_helper_runs_under_ipython():
    with mock.patch("builtins.get_ipython", create=True) as fake:
        get_ipython().run_line_magic("matplotlib", "inline")
        display(pd.read_csv("tests/data/customers.csv").head(5))
    assert fake.called
