"""Stage 1: clean the sensor readings and put every feature on one scale for the stages after it."""

import pandas as pd
from sklearn.preprocessing import StandardScaler

FEATURES = ["temperature", "vibration", "pressure"]

readings = pd.read_csv("data/raw/readings.csv").dropna()
readings[FEATURES] = StandardScaler().fit_transform(readings[FEATURES])
readings.to_csv("data/interim/scaled_readings.csv", index=False)  # [intermediate-file]
