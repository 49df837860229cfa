"""The shared tree index answers exactly what astroid's own walk would."""

from __future__ import annotations

from pathlib import Path

import astroid
import pytest
from astroid import nodes

import mldebt
from mldebt.analysis import tree_index
from mldebt.analysis.tree_index import descendants

TRAINING_SCRIPT = '''
"""Train and score a churn model."""
import pandas as pd
from sklearn.linear_model import LogisticRegression

frame = pd.read_csv("churn.csv")


class Trainer:
    def __init__(self, model):
        self.model = model

    def fit(self, features, labels):
        def log(step):
            print(f"step {step}")
        log(1)
        scores = [self.model.fit(features, labels).score(features, labels) for _ in range(2)]
        return lambda rows: self.model.predict(rows)


trainer = Trainer(LogisticRegression(C=0.5))
predict = trainer.fit(frame.drop(columns="churned"), frame["churned"])
'''

QUERIES = [
    nodes.Call,
    nodes.Name,
    (nodes.FunctionDef, nodes.AsyncFunctionDef),
    (nodes.Assign, nodes.Return),
    nodes.NodeNG,
]
SKIPS = [None, (nodes.FunctionDef, nodes.ClassDef), nodes.Lambda]


@pytest.mark.parametrize("classes", QUERIES)
@pytest.mark.parametrize("skip", SKIPS)
def test_every_subtree_gives_what_nodes_of_class_gives(classes, skip):
    tree = astroid.parse(TRAINING_SCRIPT)
    for node in tree.nodes_of_class(nodes.NodeNG):
        expected = list(node.nodes_of_class(classes, skip_klass=skip))
        found = descendants(node, classes, skip)
        assert [id(n) for n in found] == [id(n) for n in expected], node.as_string()


def test_every_node_comes_in_the_walk_order_of_nodes_of_class():
    tree = astroid.parse(TRAINING_SCRIPT)
    assert [id(n) for n in descendants(tree, nodes.NodeNG)] == [id(n) for n in tree.nodes_of_class(nodes.NodeNG)]


def test_a_tree_too_deep_to_walk_recursively_is_walked_with_a_stack(monkeypatch):
    def too_deep(root):
        raise RecursionError

    expected_tree = astroid.parse(TRAINING_SCRIPT)
    expected = [node.as_string() for node in descendants(expected_tree, nodes.Call)]
    monkeypatch.setattr(tree_index, "_walk_recursively", too_deep)
    tree = astroid.parse(TRAINING_SCRIPT)
    assert [node.as_string() for node in descendants(tree, nodes.Call)] == expected
    assert [id(n) for n in descendants(tree, nodes.NodeNG)] == [id(n) for n in tree.nodes_of_class(nodes.NodeNG)]


def test_a_node_outside_the_child_walk_is_walked_directly():
    tree = astroid.parse(TRAINING_SCRIPT)
    docstring = tree.doc_node
    assert docstring is not None
    assert descendants(docstring, nodes.Const) == [docstring]


def test_rules_and_analyses_ask_the_shared_index_rather_than_walking_trees_themselves():
    package = Path(mldebt.__file__).parent
    walking = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        if path.name != "tree_index.py" and ".nodes_of_class(" in path.read_text(encoding="utf-8")
    ]
    assert walking == [], "use mldebt.analysis.tree_index.descendants (one walk per tree)"
