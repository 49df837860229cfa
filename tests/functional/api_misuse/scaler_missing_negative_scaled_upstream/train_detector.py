"""Stage 2: the failure detector trains on the features stage 1 already scaled."""

import pandas as pd
from sklearn.svm import SVC

readings = pd.read_csv("data/interim/scaled_readings.csv")  # [intermediate-file]
detector = SVC(C=1.0, probability=True)
detector.fit(readings[["temperature", "vibration", "pressure"]], readings["failed"])

raw = pd.read_csv("data/raw/readings.csv").dropna()
raw_detector = SVC(C=1.0)
raw_detector.fit(raw[["temperature", "vibration", "pressure"]], raw["failed"])  # [scaler-missing]
