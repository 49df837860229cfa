"""Review-sentiment classifier evaluated with a report and a confusion matrix only.

The first threshold-dependent metric is the classification report inside the
evaluation function; the balanced accuracy and the confusion matrix further
down do not add findings (one per module).
"""

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, classification_report, confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

SEED = 83
MAX_ITER = 1000
VOCAB_SIZE = 50000  # [hardcoded-hyperparameter]


def evaluate(pipeline, docs, labels) -> str:
    report = classification_report(labels, pipeline.predict(docs), digits=3)  # [threshold-dependent-validation]
    return report


def main() -> None:
    reviews = pd.read_csv("data/reviews.csv")
    docs_train, docs_test, y_train, y_test = train_test_split(
        reviews["text"], reviews["positive"], test_size=0.2, stratify=reviews["positive"], random_state=SEED
    )
    pipeline = make_pipeline(
        TfidfVectorizer(max_features=VOCAB_SIZE, ngram_range=(1, 2)),
        LogisticRegression(max_iter=MAX_ITER),
    )
    pipeline.fit(docs_train, y_train)
    print(evaluate(pipeline, docs_test, y_test))
    predicted = pipeline.predict(docs_test)
    print("balanced accuracy:", balanced_accuracy_score(y_test, predicted))
    print(confusion_matrix(y_test, predicted))


if __name__ == "__main__":
    main()
