"""Collision-severity notebook: data of unknown origin, scaled with a chained fit-then-transform before the split.

The frame comes from a Spark table, so nothing says what it is until the
scaler is fitted on it; `StandardScaler().fit(X).transform(X)` then hands
the scaled rows, test rows included in the fit, to the split.
"""

from pyspark.sql import SparkSession
from sklearn import preprocessing
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 1
COLUMNS = ["PERSONCOUNT", "PEDCOUNT", "PEDCYLCOUNT", "VEHCOUNT"]

spark = SparkSession.builder.getOrCreate()
collisions = spark.read.table("traffic.collisions").toPandas().dropna()
y = collisions["SEVERITYCODE"]
X = collisions[COLUMNS]
X = preprocessing.StandardScaler().fit(X).transform(X)  # [preprocessing-leakage]
X_train, X_test, y_train, y_test = train_test_split(X, y, train_size=0.7, random_state=SEED)
model = LogisticRegression(solver="newton-cg", random_state=SEED).fit(X_train, y_train)
print(classification_report(y_test, model.predict(X_test)))
print("AUC", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
