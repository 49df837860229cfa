"""Train the churn model on the feature list imported from the sibling module.

Every column computed here is named in ``feature_lists.FEATURES``, which is
followed into the sibling module. Look-alike: nothing reported.
"""

import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

from feature_lists import FEATURES, TARGET

SEED = 37
N_TREES = 200  # [hardcoded-hyperparameter]
LEARNING_RATE = 0.1


def add_features(customers: pd.DataFrame) -> pd.DataFrame:
    customers["charges_per_month"] = customers["total_charges"] / customers["tenure_months"].clip(lower=1)
    customers["is_annual_contract"] = customers["contract_type"].isin(["one_year", "two_year"]).astype(int)
    customers["has_fiber"] = (customers["internet_service"] == "fiber").astype(int)
    return customers


def main() -> float:
    customers = add_features(pd.read_csv("data/churn.csv"))
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers[TARGET], test_size=0.2, random_state=SEED
    )
    model = GradientBoostingClassifier(n_estimators=N_TREES, learning_rate=LEARNING_RATE, random_state=SEED)
    model.fit(X_train, y_train)
    return roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])


if __name__ == "__main__":
    print("test AUC:", main())
