"""Validation rows fitted on after they have served as validation, or to calibrate.

The review-sentiment team picks the regularisation strength on a validation
split carved out of the training part, then refits the chosen model on the
training and validation rows together (standard practice: the validation set
has done its job) and scores it once on the untouched test part. The
validation rows are fitted on, but only after they stopped being used to
judge anything. Calibrating a prefitted model's probabilities on a held-out
validation set (the test set stays untouched) is the documented use of
``CalibratedClassifierCV(cv="prefit")``. No leakage is reported here.
"""

import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

SEED = 37
MAX_ITER = 1000
VOCAB_SIZE = 30000  # [hardcoded-hyperparameter]
C_GRID = [0.01, 0.1, 1.0, 10.0]


def sentiment_model() -> float:
    reviews = pd.read_csv("data/reviews.csv")
    docs_dev, docs_test, y_dev, y_test = train_test_split(
        reviews["text"], reviews["positive"], test_size=0.2, random_state=SEED
    )
    docs_train, docs_val, y_train, y_val = train_test_split(docs_dev, y_dev, test_size=0.25, random_state=SEED)

    val_auc = {}
    for c_value in C_GRID:
        candidate = make_pipeline(
            TfidfVectorizer(max_features=VOCAB_SIZE), LogisticRegression(C=c_value, max_iter=MAX_ITER)
        )
        candidate.fit(docs_train, y_train)
        val_auc[c_value] = roc_auc_score(y_val, candidate.predict_proba(docs_val)[:, 1])
    best_c = max(val_auc, key=val_auc.get)

    final = make_pipeline(TfidfVectorizer(max_features=VOCAB_SIZE), LogisticRegression(C=best_c, max_iter=MAX_ITER))
    final.fit(pd.concat([docs_train, docs_val]), pd.concat([y_train, y_val]))
    test_auc = roc_auc_score(y_test, final.predict_proba(docs_test)[:, 1])
    print(f"validation AUC {val_auc[best_c]:.3f}, test AUC {test_auc:.3f} with C={best_c}")
    return test_auc


def calibrate_on_validation(model, X_val: pd.DataFrame, y_val: pd.Series) -> CalibratedClassifierCV:
    # The trained model stays frozen; only the sigmoid mapping its scores to probabilities is fitted.
    return CalibratedClassifierCV(model, cv="prefit", method="sigmoid").fit(X_val, y_val)
