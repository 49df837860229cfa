import numpy as np
import pandas as pd

frame = pd.read_csv("data/train.csv")
frame["no_income"] = frame["income"] == np.nan
frame["has_city"] = frame["city"] != np.nan
scores = np.array([0.1, 0.2])
bad_scores = scores == np.nan
present = (scores + 1) != np.nan
count = 3.0
if count == np.nan:
    count = 0.0
unknown_check = lambda value: value == np.nan
