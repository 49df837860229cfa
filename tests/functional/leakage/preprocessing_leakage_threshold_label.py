"""A label or feature thresholded at a statistic, chosen row by row.

Binarising salaries at the mean of every posting (``1 if s > mean else 0``
in an ``apply``) before the split lets the test rows set the threshold the
model learns to predict. The look-alikes threshold at a fixed business rule,
or at the median of the training part only, after the split.
"""

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 11
FEATURES = ["years_experience", "remote", "company_size", "seniority_level"]
HIGH_PAY = 90_000

postings = pd.read_csv("data/job_postings.csv")
postings["well_paid"] = postings["salary"].apply(lambda s: 1 if s > postings["salary"].mean() else 0)  # [preprocessing-leakage]
X_train, X_test, y_train, y_test = train_test_split(
    postings[FEATURES], postings["well_paid"], test_size=0.3, random_state=SEED
)
model = LogisticRegression(max_iter=500).fit(X_train, y_train)
print("AUC:", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))


def fixed_pay_line(jobs: pd.DataFrame) -> float:
    # A fixed pay line is no statistic of the rows.
    jobs["above_line"] = jobs["salary"].apply(lambda s: 1 if s > HIGH_PAY else 0)
    X_a, X_b, y_a, y_b = train_test_split(jobs[FEATURES], jobs["above_line"], test_size=0.3, random_state=SEED)
    fixed = LogisticRegression(max_iter=500).fit(X_a, y_a)
    return roc_auc_score(y_b, fixed.predict_proba(X_b)[:, 1])


def training_median_line(jobs: pd.DataFrame) -> float:
    # The threshold of the training part, applied to both parts after the split.
    train_rows, test_rows = train_test_split(jobs, test_size=0.3, random_state=SEED)
    line = train_rows["salary"].median()
    y_fit = train_rows["salary"].apply(lambda s: 1 if s > line else 0)
    y_held = test_rows["salary"].apply(lambda s: 1 if s > line else 0)
    median_model = LogisticRegression(max_iter=500).fit(train_rows[FEATURES], y_fit)
    return roc_auc_score(y_held, median_model.predict_proba(test_rows[FEATURES])[:, 1])
