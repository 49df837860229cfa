from astroid import nodes

from mldebt.analysis.outputs import model_output_origin
from mldebt.rule import Option, Rule

_ORDERING = frozenset({"<", "<=", ">", ">="})
# 0 is a score's natural decision boundary (decision_function > 0) and 0 and 1
# bound a probability; comparing with them checks a range, it tunes nothing.
_ALWAYS_ALLOWED = frozenset({0.0, 1.0})
# Below this a literal is a numerical guard (``cdf_delta > 1e-5`` before a
# log, ``norm < 1e-8``), not a decision threshold anybody tunes.
_NUMERICAL_GUARD = 1e-3


class HardcodedThreshold(Rule):
    """## What it does
    Flags a numeric literal compared (`<`, `<=`, `>`, `>=`) with a model
    output: the value of `predict_proba`, `decision_function`, `predict`,
    `score_samples`, a model call, a network's `forward()`, `sigmoid`/`softmax`,
    or anything derived from them through assignments, indexing, arithmetic,
    loops and comprehensions, what the project's own functions and methods
    return (`self.probability(row)`), and a parameter that the module's own
    calls feed with one (`self.postprocess(proba)` and `score > 0.35` in
    `postprocess`).

    ## Why is this bad
    Sculley et al. (§7.1, fixed thresholds in dynamic systems): a decision
    threshold is tuned for one model on one data distribution. Written into
    code, it silently goes stale on the next retrain, and nobody sees which
    value production runs with.

    ## Example
    ```python
    proba = model.predict_proba(features)[:, 1]
    if proba[0] > 0.73:
        flag_for_review(order)
    ```

    ## Use instead
    Keep the threshold with the model (saved next to it when it is tuned) or
    in configuration, and give it a name:
    ```python
    if proba[0] > settings.review_threshold:
        flag_for_review(order)
    ```
    A variable set to a literal inside the function (`cutoff = 0.73`) is as
    hard-coded as the literal and is flagged too; module-level named
    constants are settings and are not. Equality with class labels
    (`pred == 1`), comparisons with 0 and 1, numerical guards (a literal
    below 0.001 in absolute value, such as `cdf_delta > 1e-5` before a log)
    and comparisons inside `assert` statements are not thresholds and are
    not flagged.

    ## Options
    - `allow` (list of numbers, default `[]`): thresholds your team accepts
      in code, e.g. `[0.5]` for the default classification cut-off.
    """

    code = "MLD401"
    symbol = "hardcoded-threshold"
    summary = "Model output compared with a hard-coded threshold"
    node_types = (nodes.Compare,)
    options = (
        Option("allow", "float-list", (), "Threshold values accepted in code, such as 0.5."),
    )

    def visit(self, node: nodes.Compare) -> None:
        if isinstance(node.statement(), nodes.Assert):
            return
        allowed = _ALWAYS_ALLOWED.union(self.settings["allow"])
        left = node.left
        for operator, right in node.ops:
            if operator in _ORDERING:
                for literal, other in ((left, right), (right, left)):
                    value = _numeric_literal(_local_literal(literal))
                    if value is None or value in allowed or 0 < abs(value) < _NUMERICAL_GUARD:
                        continue
                    origin = model_output_origin(other)
                    if origin is not None:
                        self.report(node, _message(literal, other, origin))
                        return
            left = right


def _local_literal(node: nodes.NodeNG) -> nodes.NodeNG:
    """A function-local name bound once to a literal is as hard-coded as the literal.

    Module-level names (``THRESHOLD = 0.8``) are named settings and stay quiet.
    """
    if not isinstance(node, nodes.Name):
        return node
    scope, bindings = node.lookup(node.name)
    if isinstance(scope, nodes.Module) or len(bindings) != 1 or not isinstance(bindings[0], nodes.AssignName):
        return node
    assign = bindings[0].parent
    if isinstance(assign, (nodes.Assign, nodes.AnnAssign)) and assign.value is not None:
        return assign.value
    return node


def _numeric_literal(node: nodes.NodeNG) -> float | None:
    sign = 1.0
    if isinstance(node, nodes.UnaryOp) and node.op in ("-", "+"):
        sign = -1.0 if node.op == "-" else 1.0
        node = node.operand
    if isinstance(node, nodes.Const) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return sign * float(node.value)
    return None


def _message(literal: nodes.NodeNG, value: nodes.NodeNG, origin: nodes.Call) -> str:
    produced = origin.func.as_string()
    source = f"`{value.as_string()}`"
    # Name the model call only when the compared expression does not show it already.
    if value.as_string() != origin.as_string() and not value.parent_of(origin):
        source += f" (from `{produced}(...)` on line {origin.lineno})"
    threshold = literal.as_string()
    if isinstance(literal, nodes.Name):
        threshold = f"{_local_literal(literal).as_string()} (`{literal.name}`, set in the function)"
    return (
        f"{source} is compared with the hard-coded threshold {threshold}; "
        "load the threshold from configuration or store it with the model"
    )
