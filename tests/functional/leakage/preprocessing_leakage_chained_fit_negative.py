"""Collision-severity notebook, done right: the chained fit-then-transform runs on the training rows only.

Split first; `StandardScaler().fit(X_train).transform(X_train)` is fitted on
the training part, and the same fitted scaler is kept to transform the test
part.
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
X_train, X_test, y_train, y_test = train_test_split(
    collisions[COLUMNS], collisions["SEVERITYCODE"], train_size=0.7, random_state=SEED
)
scaler = preprocessing.StandardScaler()
X_train = scaler.fit(X_train).transform(X_train)
X_test = scaler.transform(X_test)
model = LogisticRegression(solver="newton-cg", random_state=SEED).fit(X_train, y_train)
print(classification_report(y_test, model.predict(X_test)))
print("AUC", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
