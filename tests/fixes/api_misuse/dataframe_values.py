import pandas as pd

frame = pd.read_csv("data/train.csv")
features = frame[["age", "income"]].values  # the model wants an ndarray
target = frame["label"].values
settings = {"a": 1}
names = list(settings.values())
matrix = pd.DataFrame({"a": [1, 2]}).values.reshape(-1)
