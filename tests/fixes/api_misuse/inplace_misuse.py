import pandas as pd

frame = pd.read_csv("data/train.csv")
frame = frame.dropna(subset=["id"], inplace=True)
frame = frame.fillna(
    {"city": "unknown"},
    inplace=True,  # keep going
)
frame = frame.reset_index(inplace=True, drop=True)
frame = frame.drop_duplicates(inplace=True)
