"""Fraud data oversampled before it is split into train and test.

SMOTE, ADASYN and random oversampling create copies or near-copies of the
rare fraud cases. Done before the split, copies of the same transaction land
on both sides, and the model is tested on rows it has, in effect, already
seen. The finding is on the resampling call.
"""

import pandas as pd
from imblearn.over_sampling import ADASYN, SMOTE, RandomOverSampler
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 67
N_TREES = 300  # [hardcoded-hyperparameter]
MAX_ITER = 1000
FEATURES = ["amount", "hour", "merchant_risk", "card_age_days", "txn_last_24h"]
TARGET = "is_fraud"

transactions = pd.read_csv("data/transactions.csv")
X = transactions[FEATURES]
y = transactions[TARGET]

# Fraud is 0.3% of transactions: synthesise minority cases until the classes are even.
X_balanced, y_balanced = SMOTE(random_state=SEED).fit_resample(X, y)  # [overlap-leakage]
X_train, X_test, y_train, y_test = train_test_split(X_balanced, y_balanced, test_size=0.2, random_state=SEED)
forest = RandomForestClassifier(n_estimators=N_TREES, random_state=SEED, n_jobs=-1).fit(X_train, y_train)
print("test ROC AUC:", roc_auc_score(y_test, forest.predict_proba(X_test)[:, 1]))


def card_fraud_with_random_oversampling() -> float:
    cards = pd.read_csv("data/card_transactions.csv")
    sampler = RandomOverSampler(random_state=SEED)
    X_over, y_over = sampler.fit_resample(cards[FEATURES], cards[TARGET])  # [overlap-leakage]
    X_tr, X_te, y_tr, y_te = train_test_split(X_over, y_over, test_size=0.25, stratify=y_over, random_state=SEED)
    model = LogisticRegression(max_iter=MAX_ITER).fit(X_tr, y_tr)
    return average_precision_score(y_te, model.predict_proba(X_te)[:, 1])


def insurance_claims_with_adasyn() -> float:
    claims = pd.read_csv("data/insurance_claims.csv")
    features = claims.drop(columns=["fraudulent"])
    adasyn = ADASYN(random_state=SEED)
    features_res, labels_res = adasyn.fit_resample(features, claims["fraudulent"])  # [overlap-leakage]
    X_train, X_test, y_train, y_test = train_test_split(features_res, labels_res, test_size=0.2, random_state=SEED)
    model = RandomForestClassifier(n_estimators=N_TREES, random_state=SEED).fit(X_train, y_train)
    return roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])
