"""Notebook: loan default models compared in one results table.

Exported from a notebook. Every model is fitted on all labelled rows and
scored on them, then the same kind of model is refitted on a training part
and scored on the validation part; the table puts the training accuracy
beside the validation accuracy, so the training score is a diagnostic of the
gap, not the reported performance. Those stay quiet. A second table holds
only training accuracies (the label-less ``test.csv`` is only predicted for
the submission), and one training score is printed beside the validation
score of a different kind of model: those are reported.
"""

import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

SEED = 5
TREE_DEPTH = 6  # [hardcoded-hyperparameter]
N_TREES = 200  # [hardcoded-hyperparameter]
N_TREES_TUNED = 500  # [hardcoded-hyperparameter]
COLUMNS = ["income", "loan_amount", "term_months", "credit_history", "dependents"]

applications = pd.read_csv("data/loans_train.csv")
applications = applications.dropna(subset=COLUMNS)
X_all = applications[COLUMNS]
y_all = applications["defaulted"]
X_part, X_valid, y_part, y_valid = train_test_split(X_all, y_all, test_size=0.25, random_state=SEED)
X_submit = pd.read_csv("data/loans_test.csv")[COLUMNS]

# Logistic regression, then the same model on the training part.
logit = LogisticRegression(max_iter=500)
logit.fit(X_all, y_all)
acc_logit = round(logit.score(X_all, y_all) * 100, 2)
logit = LogisticRegression(max_iter=500)
logit.fit(X_part, y_part)
acc_val_logit = round(logit.score(X_valid, y_valid) * 100, 2)

# A decision tree, the same way.
tree = DecisionTreeClassifier(max_depth=TREE_DEPTH, random_state=SEED)
tree.fit(X_all, y_all)
acc_tree = round(tree.score(X_all, y_all) * 100, 2)
tree = DecisionTreeClassifier(max_depth=TREE_DEPTH, random_state=SEED)
tree.fit(X_part, y_part)
acc_val_tree = round(tree.score(X_valid, y_valid) * 100, 2)

results = pd.DataFrame(
    {
        "Model": ["Logistic Regression", "Decision tree"],
        "Train accuracy": [acc_logit, acc_tree],
        "Validation accuracy": [acc_val_logit, acc_val_tree],
    }
)
results.sort_values(by="Validation accuracy", ascending=False)

# Boosting and a forest, scored on their training rows only, then submitted.
boost = GradientBoostingClassifier(random_state=SEED)
boost.fit(X_all, y_all)
acc_boost = round(boost.score(X_all, y_all) * 100, 2)  # [evaluation-on-training-data]
forest = RandomForestClassifier(n_estimators=N_TREES, random_state=SEED)
forest.fit(X_all, y_all)
acc_forest = round(forest.score(X_all, y_all) * 100, 2)  # [evaluation-on-training-data]
leaderboard = pd.DataFrame({"Model": ["Boosting", "Forest"], "Score": [acc_boost, acc_forest]})
leaderboard.sort_values(by="Score", ascending=False)
submission = pd.DataFrame({"id": range(len(X_submit)), "defaulted": forest.predict(X_submit)})
submission.to_csv("submission.csv", index=False)

# A tuned forest's training score shown beside the validation score of a different model.
deep_forest = RandomForestClassifier(n_estimators=N_TREES_TUNED, random_state=SEED)
deep_forest.fit(X_all, y_all)
print("forest train:", deep_forest.score(X_all, y_all), "logit validation:", acc_val_logit)  # [evaluation-on-training-data]
