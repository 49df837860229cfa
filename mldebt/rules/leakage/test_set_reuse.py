from astroid import nodes

from mldebt.analysis.dataflow import TEST, Value
from mldebt.rule import Rule

# Calls that pick a best candidate from a set of scores.
_SELECTIONS = frozenset(
    {"max", "min", "sorted", "argmax", "argmin", "nanargmax", "nanargmin", "idxmax", "idxmin", "nlargest",
     "nsmallest", "sort_values", "sort", "most_common"}
)
_ORDERING = frozenset({"<", "<=", ">", ">="})


class TestSetReuse(Rule):
    """## What it does
    Flags a test set used to compare candidates and pick the best: a loop
    over models, hyperparameter values or decision thresholds that scores
    each candidate on the same test split and then selects one, or two
    models scored on the same test split and compared.

    ## Why is this bad
    Choosing by test score fits the choice to the test set: the winner's
    test score is optimistic, and no untouched data is left to estimate how
    it will really do (Yang et al. 2022, "multi-test leakage").

    ## Example
    ```python
    for C in (0.01, 0.1, 1.0):
        model = LogisticRegression(C=C).fit(X_train, y_train)
        score = f1_score(y_test, model.predict(X_test))
        if score > best_score:
            best_score, best_C = score, C
    ```

    ## Use instead
    Select on a validation split or by cross-validation (`GridSearchCV` on
    the training split), then evaluate the chosen model once on the test set.
    Cross-validation loops, where each fold has its own held-out part, are
    not flagged.

    ## Options
    None.
    """

    code = "MLD604"
    symbol = "test-set-reuse"
    summary = "Test set used to compare candidates and pick the best one"

    def finish(self) -> None:
        events = self.module.provenance
        judged_loops: set[int] = set()
        for evaluation in sorted(events.evaluations, key=lambda e: (e.node.lineno, e.node.col_offset)):
            data = evaluation.data
            if data.part != TEST or data.fold or evaluation.cross_validated:
                continue
            for loop_id in evaluation.loops:
                loop = events.loops[loop_id]
                if id(loop) in judged_loops:
                    continue
                if loop_id in evaluation.candidate_varies and loop_id not in data.varies and _selects(loop):
                    # One finding per selection loop, at its first test-set metric.
                    judged_loops.add(id(loop))
                    self.report_once(
                        evaluation.node,
                        f"`{evaluation.metric}` scores each candidate of the loop at line {loop.lineno} on the test "
                        f"data `{data.label}` and the best is then picked; select on a validation split or by "
                        "cross-validation and use the test set once",
                    )
                    break
        for comparison in events.comparisons:
            left, right = comparison.left, comparison.right
            if _two_models_on_one_test_set(left, right):
                self.report_once(
                    comparison.node,
                    f"two models are compared by their scores on the same test data `{left.input.label}`; compare "
                    "them on a validation split or by cross-validation and use the test set once",
                )


def _two_models_on_one_test_set(left: Value, right: Value) -> bool:
    if None in (left.identity, right.identity, left.input, right.input) or left.identity == right.identity:
        return False
    return left.input.part == right.input.part == TEST and bool(left.input.lineage & right.input.lineage)


def _selects(loop: nodes.NodeNG) -> bool:
    """Does the loop's scope pick a best candidate (``if score > best``, ``max(...)``) from the loop on?"""
    scope = loop.scope()
    for node in scope.nodes_of_class((nodes.Compare, nodes.Call)):
        if node.lineno is None or node.lineno < loop.lineno:
            continue
        if isinstance(node, nodes.Compare) and any(operator in _ORDERING for operator, _ in node.ops):
            if loop.parent_of(node):
                return True
        elif isinstance(node, nodes.Call):
            name = node.func.attrname if isinstance(node.func, nodes.Attribute) else getattr(node.func, "name", "")
            if name in _SELECTIONS:
                return True
    return False
