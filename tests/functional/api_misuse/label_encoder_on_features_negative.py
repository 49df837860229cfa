"""LabelEncoder on target columns and OneHotEncoder on features: quiet."""

import pandas as pd
from sklearn.preprocessing import LabelEncoder, OneHotEncoder

TARGET = "species"

flowers = pd.read_csv("data/flowers.csv")
target_encoder = LabelEncoder()
y = target_encoder.fit_transform(flowers[TARGET])
flowers["label"] = LabelEncoder().fit_transform(flowers["label"])
labels = flowers["outcome"]
flowers["outcome"] = target_encoder.fit_transform(labels)
colours = OneHotEncoder(handle_unknown="ignore").fit_transform(flowers[["colour"]])
