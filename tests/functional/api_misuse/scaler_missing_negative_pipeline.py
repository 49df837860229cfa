"""Scale-sensitive models behind a scaler, tree models, and features of unknown origin."""

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder
from sklearn.svm import SVC

plants = pd.read_csv("data/plants.csv")
X_train, X_test, y_train, y_test = train_test_split(
    plants.drop(columns=["species"]), plants["species"], test_size=0.25, random_state=3
)
svm = make_pipeline(OneHotEncoder(handle_unknown="ignore"), SVC())
svm.fit(X_train, y_train)
forest = RandomForestClassifier(random_state=3)
forest.fit(X_train, y_train)


def fit_on_given(features, target):
    return SVC().fit(features, target)


def fit_on_ratios(frame: pd.DataFrame) -> SVC:
    ratios = frame[["a", "b"]] / frame[["a", "b"]].max()
    return SVC().fit(ratios, frame["y"])


# One feature has nothing to be out of scale with.
trend = SVC(kernel="linear").fit(plants[["height"]], plants["species"])
