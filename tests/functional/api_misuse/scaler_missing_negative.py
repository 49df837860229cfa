"""A module that scales its features before the SVM: quiet."""

import pandas as pd
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

readings = pd.read_csv("data/sensors.csv")
scaled = StandardScaler().fit_transform(readings[["pressure", "temperature"]])
detector = SVC()
detector.fit(scaled, readings["fault"])

