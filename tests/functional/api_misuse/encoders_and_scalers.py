"""Churn model: categorical encoding and a kernel SVM, the quick way."""

import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import LabelEncoder
from sklearn.svm import SVC

FEATURES = ["tenure", "monthly_charges", "total_charges", "contract", "payment_method"]

frame = pd.read_csv("data/churn.csv")
encoder = LabelEncoder()
for column in ["contract", "payment_method"]:
    frame[column] = encoder.fit_transform(frame[column])  # [label-encoder-on-features]
frame["churn"] = LabelEncoder().fit_transform(frame["churn"])
frame[["gender", "partner"]] = frame[["gender", "partner"]].apply(LabelEncoder().fit_transform)  # [label-encoder-on-features]

X_train, X_test, y_train, y_test = train_test_split(
    frame[FEATURES], frame["churn"], test_size=0.2, random_state=7
)
classifier = SVC(probability=True)
classifier.fit(X_train, y_train)  # [scaler-missing]


def nearest_customers(path: str) -> KNeighborsClassifier:
    customers = pd.read_csv(path).dropna()
    neighbours = KNeighborsClassifier()
    neighbours.fit(customers.drop(columns=["churn"]).to_numpy(), customers["churn"])  # [scaler-missing]
    return neighbours
