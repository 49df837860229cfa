"""Course notebook on a two-moons toy set that counts accuracy by hand instead of calling sklearn.

The helper `hits` compares predictions with labels one by one. The tuning
loop fits every smoothing value on the training points and counts its hits
on those same points, so the value it keeps is the one that memorises best.
The spam section further down scores only its training messages with
`(pred == y).mean()`.

Look-alikes that stay quiet: the iris section scores the held-out part by
hand next to a training diagnostic; two models' predictions compared with
each other measure agreement, not accuracy; misclassified test rows picked
out with a mask are only looked at.
"""

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import BernoulliNB, GaussianNB
from sklearn.tree import DecisionTreeClassifier

SEED = 5
ALPHAS = [0.01, 0.1, 0.5, 1.0, 2.0]
DEPTH = 3  # [hardcoded-hyperparameter]

points = np.loadtxt("data/moons.csv", delimiter=",")
train_xy, hold_xy, train_label, hold_label = train_test_split(points[:, :2], points[:, 2], random_state=SEED)


def hits(predicted, expected):
    correct = 0
    for i in range(len(expected)):
        if predicted[i] == expected[i]:  # [evaluation-on-training-data]
            correct += 1
    return correct / len(expected)


def tune_smoothing():
    best_alpha, best = None, 0.0
    for alpha in ALPHAS:
        candidate = BernoulliNB(alpha=alpha)
        candidate.fit(train_xy, train_label)
        rate = hits(candidate.predict(train_xy), train_label)
        if rate > best:
            best_alpha, best = alpha, rate
    return best_alpha


print("chosen alpha", tune_smoothing())

messages = pd.read_csv("data/spam_features.csv")
words, is_spam = messages.drop(columns=["spam"]), messages["spam"]
spam_model = GaussianNB().fit(words, is_spam)
spam_pred = spam_model.predict(words)
print("spam accuracy", (spam_pred == is_spam).mean())  # [evaluation-on-training-data]

flowers = pd.read_csv("data/iris.csv")
petals, species = flowers.drop(columns=["species"]), flowers["species"]
p_train, p_test, s_train, s_test = train_test_split(petals, species, test_size=0.3, random_state=SEED)
tree = DecisionTreeClassifier(max_depth=DEPTH, random_state=SEED).fit(p_train, s_train)
print("train accuracy", np.mean(tree.predict(p_train) == s_train))
tree_test_pred = tree.predict(p_test)
print("test accuracy", sum(tree_test_pred == s_test) / len(s_test))
print("misclassified", p_test[tree_test_pred != s_test])

logistic = LogisticRegression(max_iter=500).fit(p_train, s_train)
print("agreement with the tree", np.mean(logistic.predict(p_test) == tree_test_pred))
