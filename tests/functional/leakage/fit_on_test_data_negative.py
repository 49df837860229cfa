"""Test and validation data used the right way: transformed, predicted, scored.

Everything is fitted on the training part; the test part only goes through
``transform``, ``predict``, ``predict_proba`` and ``score``. A validation set
passed as ``eval_set`` for early stopping is not fitted on. ``latest_orders``
contains "test" only as part of a word, and ``test_size`` is a setting.
No leakage is reported here.
"""

import pandas as pd
from lightgbm import LGBMClassifier, early_stopping
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 31
MAX_ITER = 700
N_TREES = 2000  # [hardcoded-hyperparameter]
LEARNING_RATE = 0.03  # [hardcoded-hyperparameter]
STOPPING_ROUNDS = 100
TEST_SIZE = 0.2
FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]
ORDER_FEATURES = ["basket_value", "items", "discount", "days_since_last_order"]


def churn_transform_and_score_test() -> dict:
    customers = pd.read_csv("data/churn.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers["churned"], test_size=TEST_SIZE, random_state=SEED
    )
    scaler = StandardScaler().fit(X_train)
    model = LogisticRegression(max_iter=MAX_ITER).fit(scaler.transform(X_train), y_train)
    X_test_scaled = scaler.transform(X_test)
    test_proba = model.predict_proba(X_test_scaled)[:, 1]
    return {
        "accuracy": model.score(X_test_scaled, y_test),
        "roc_auc": roc_auc_score(y_test, test_proba),
        "flagged": int(model.predict(X_test_scaled).sum()),
    }


def churn_pipeline_on_test() -> float:
    customers = pd.read_csv("data/churn.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers["churned"], test_size=TEST_SIZE, random_state=SEED
    )
    pipeline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=MAX_ITER))
    pipeline.fit(X_train, y_train)
    return average_precision_score(y_test, pipeline.predict_proba(X_test)[:, 1])


def fraud_with_early_stopping(X_train, y_train, X_val, y_val) -> LGBMClassifier:
    # The validation set only decides when boosting stops; it is never fitted on.
    model = LGBMClassifier(n_estimators=N_TREES, learning_rate=LEARNING_RATE, random_state=SEED)
    model.fit(X_train, y_train, eval_set=[(X_val, y_val)], callbacks=[early_stopping(STOPPING_ROUNDS)])
    return model


def production_scaler(latest_orders: pd.DataFrame) -> StandardScaler:
    # Scaling statistics for serving come from the most recent quarter of orders.
    return StandardScaler().fit(latest_orders[ORDER_FEATURES])


def score_test_window(model, scaler: StandardScaler, test_df: pd.DataFrame) -> pd.Series:
    proba = model.predict_proba(scaler.transform(test_df[FEATURES]))[:, 1]
    return pd.Series(proba, index=test_df.index, name="churn_probability")
