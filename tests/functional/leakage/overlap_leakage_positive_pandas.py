"""Rows duplicated with pandas or sklearn.utils before the train/test split.

Upsampling the minority class with ``resample(replace=True)``, bootstrapping
the whole table to twice its size, and appending the churners a second time
all put identical rows in the training and the test part once the data is
split. The finding is on the call that creates the duplicates.
"""

import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.utils import resample

SEED = 71
MAX_ITER = 1000
FRAUD_FEATURES = ["amount", "hour", "merchant_risk", "card_age_days", "txn_last_24h"]
CHURN_FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]


def fraud_upsampled_minority() -> float:
    transactions = pd.read_csv("data/transactions.csv")
    legit = transactions[transactions["is_fraud"] == 0]
    fraud = transactions[transactions["is_fraud"] == 1]
    # Draw fraud cases with replacement until there are as many as legitimate ones.
    fraud_upsampled = resample(fraud, replace=True, n_samples=len(legit), random_state=SEED)  # [overlap-leakage]
    balanced = pd.concat([legit, fraud_upsampled])
    train_df, test_df = train_test_split(balanced, test_size=0.2, stratify=balanced["is_fraud"], random_state=SEED)
    model = HistGradientBoostingClassifier(random_state=SEED)
    model.fit(train_df[FRAUD_FEATURES], train_df["is_fraud"])
    return roc_auc_score(test_df["is_fraud"], model.predict_proba(test_df[FRAUD_FEATURES])[:, 1])


def churn_bootstrapped_to_double_size() -> float:
    customers = pd.read_csv("data/churn.csv")
    # The pilot region has few customers, so bootstrap it to twice its size.
    enlarged = customers.sample(frac=2, replace=True, random_state=SEED)  # [overlap-leakage]
    X_train, X_test, y_train, y_test = train_test_split(
        enlarged[CHURN_FEATURES], enlarged["churned"], test_size=0.2, random_state=SEED
    )
    model = LogisticRegression(max_iter=MAX_ITER).fit(X_train, y_train)
    return roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])


def churn_with_churners_appended_twice() -> float:
    customers = pd.read_csv("data/churn.csv")
    # Give churners more weight by appending them once more.
    weighted = pd.concat([customers, customers[customers.churned == 1]], ignore_index=True)  # [overlap-leakage]
    X_train, X_test, y_train, y_test = train_test_split(
        weighted[CHURN_FEATURES], weighted["churned"], test_size=0.2, random_state=SEED
    )
    model = LogisticRegression(max_iter=MAX_ITER).fit(X_train, y_train)
    return roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])


def churn_doubled_dataset() -> float:
    customers = pd.read_csv("data/churn.csv")
    # Two copies of every customer "to give the model more to learn from".
    doubled = pd.concat([customers] * 2, ignore_index=True)  # [overlap-leakage]
    X_train, X_test, y_train, y_test = train_test_split(
        doubled[CHURN_FEATURES], doubled["churned"], test_size=0.2, random_state=SEED
    )
    model = HistGradientBoostingClassifier(random_state=SEED).fit(X_train, y_train)
    return roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])
