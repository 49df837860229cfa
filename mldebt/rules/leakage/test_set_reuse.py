from astroid import nodes

from mldebt.analysis.dataflow import TEST, VALIDATION, Evaluation, Value
from mldebt.rule import Rule
from mldebt.analysis.tree_index import descendants

# Calls that pick a best candidate from a set of scores.
_SELECTIONS = frozenset(
    {"max", "min", "sorted", "argmax", "argmin", "nanargmax", "nanargmin", "idxmax", "idxmin", "nlargest",
     "nsmallest", "sort_values", "sort", "most_common"}
)
_ORDERING = frozenset({"<", "<=", ">", ">="})


class TestSetReuse(Rule):
    """## What it does
    Flags a test set used to compare candidates (Yang et al.'s multi-test
    leakage): a loop over models, hyperparameter values or decision
    thresholds that scores each candidate on the same test data, two or
    more models scored one after another on the same test data, or two
    models' test scores compared. No explicit "pick the best" step is
    needed: reporting several candidates' test scores invites the choice.

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
    Cross-validation loops, where each fold has its own held-out part, one
    model reported with several metrics, and a scope whose choice is made on
    validation data or by cross-validation are not flagged.

    ## Options
    None.
    """

    code = "MLD604"
    symbol = "test-set-reuse"
    summary = "Test set used to compare candidates and pick the best one"

    def finish(self) -> None:
        events = self.module.provenance
        on_test = sorted(
            (
                evaluation for evaluation in events.evaluations
                if evaluation.data.part == TEST and not evaluation.data.fold and not evaluation.cross_validated
            ),
            key=lambda e: (e.node.lineno, e.node.col_offset),
        )
        validated_scopes = {
            id(evaluation.node.scope())
            for evaluation in events.evaluations
            if evaluation.data.part == VALIDATION or evaluation.data.fold or evaluation.cross_validated
        }
        judged_loops: set[int] = set()
        first_model: dict[int, list[Evaluation]] = {}
        reported_scopes: set[int] = set()
        for evaluation in on_test:
            scope = evaluation.node.scope()
            if id(scope) in validated_scopes:
                continue  # candidates were chosen on validation data or by cross-validation
            if self._loop_of_candidates(evaluation, events.loops, judged_loops):
                continue
            if evaluation.identity is None:
                continue
            earlier = next(
                (
                    other for other in first_model.get(id(scope), [])
                    # The same call seen again (a helper interpreted on its own and from its callers) is one model.
                    if other.identity != evaluation.identity and other.node is not evaluation.node
                    and other.data.lineage & evaluation.data.lineage
                ),
                None,
            )
            if earlier is not None:
                self.report_once(
                    evaluation.node,
                    f"`{evaluation.metric}` scores another model on the test data `{evaluation.data.label}` that "
                    f"already scored a model at line {earlier.node.lineno}; comparing models on the test set fits "
                    "the choice to it: compare them on a validation split or by cross-validation and use the test "
                    "set once",
                )
                first_model[id(scope)] = []
                reported_scopes.add(id(scope))
                continue
            first_model.setdefault(id(scope), []).append(evaluation)
        for comparison in events.comparisons:
            left, right = comparison.left, comparison.right
            if _two_models_on_one_test_set(left, right) and id(comparison.node.scope()) not in reported_scopes:
                self.report_once(
                    comparison.node,
                    f"two models are compared by their scores on the same test data `{left.input.label}`; compare "
                    "them on a validation split or by cross-validation and use the test set once",
                )

    def _loop_of_candidates(self, evaluation: Evaluation, loops: dict[int, nodes.NodeNG], judged: set[int]) -> bool:
        """One finding per loop whose candidates (models, settings, thresholds) are each scored on the test data."""
        for loop_id in evaluation.loops:
            if loop_id not in evaluation.candidate_varies or loop_id in evaluation.data.varies:
                continue
            loop = loops[loop_id]
            if id(loop) not in judged:
                judged.add(id(loop))
                picked = " and the best is then picked" if _selects(loop) else ""
                self.report_once(
                    evaluation.node,
                    f"`{evaluation.metric}` scores each candidate of the loop at line {loop.lineno} on the test "
                    f"data `{evaluation.data.label}`{picked}; select on a validation split or by cross-validation "
                    "and use the test set once",
                )
            return True
        return False


def _two_models_on_one_test_set(left: Value, right: Value) -> bool:
    if None in (left.identity, right.identity, left.input, right.input) or left.identity == right.identity:
        return False
    return left.input.part == right.input.part == TEST and bool(left.input.lineage & right.input.lineage)


def _selects(loop: nodes.NodeNG) -> bool:
    """Does the loop's scope pick a best candidate (``if score > best``, ``max(...)``) from the loop on?"""
    scope = loop.scope()
    for node in descendants(scope, (nodes.Compare, nodes.Call)):
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
