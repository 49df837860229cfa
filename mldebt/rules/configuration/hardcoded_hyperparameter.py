from astroid import nodes

from mldebt.analysis.apis import (
    DEFAULT_HYPERPARAMETERS,
    TRAINING_FUNCTIONS,
    is_estimator_class,
    positional_hyperparameter,
)
from mldebt.analysis.names import call_name
from mldebt.rule import Option, Rule


class HardcodedHyperparameter(Rule):
    """## What it does
    Flags numeric literals given as hyperparameters (`n_estimators=350`,
    `lr=3e-4`, `hidden_layer_sizes=(128, 64)`) to the constructor of a model,
    optimizer, scheduler or trainer from scikit-learn, XGBoost, LightGBM,
    CatBoost, imbalanced-learn, PyTorch, Keras, transformers or Lightning,
    to `xgb.train`/`lgb.train`-style training functions and to
    `.set_params(...)`. An optimizer's learning rate given by position
    (`optim.SGD(params, 0.1)`, `keras.optimizers.Adam(1e-3)`) counts too.

    ## Why is this bad
    Sculley et al. (§6, configuration debt): hyperparameters are
    configuration. Buried in code they are hard to review, to change for an
    experiment, and to record with the model they produced, so the run that
    made a model cannot be reproduced or compared.

    ## Example
    ```python
    model = GradientBoostingRegressor(n_estimators=350, max_depth=4, learning_rate=0.05)
    ```

    ## Use instead
    Read them from a configuration file or the command line, and log them
    with the run:
    ```python
    model = GradientBoostingRegressor(**config.model.params)
    ```
    Names (`n_estimators=N_ESTIMATORS`), attributes (`lr=args.lr`) and
    lookups are not flagged, nor are `random_state`, `seed`, `test_size`,
    `cv`, `verbose` and `n_jobs`, which are not hyperparameters.

    ## Options
    - `hyperparameters` (list of names): the keyword arguments treated as
      hyperparameters; replaces the built-in list.
    - `extend-hyperparameters` (list of names, default `[]`): names added to
      the list.
    """

    code = "MLD402"
    symbol = "hardcoded-hyperparameter"
    summary = "Hyperparameter hard-coded as a literal in an estimator or optimizer constructor"
    node_types = (nodes.Call,)
    options = (
        Option("hyperparameters", "str-list", DEFAULT_HYPERPARAMETERS, "Keyword arguments that are hyperparameters."),
        Option("extend-hyperparameters", "str-list", (), "More keyword arguments that are hyperparameters."),
    )

    def __init__(self, module, settings) -> None:
        super().__init__(module, settings)
        self._names = frozenset(settings["hyperparameters"]) | frozenset(settings["extend-hyperparameters"])

    def visit(self, node: nodes.Call) -> None:
        if isinstance(node.func, nodes.Attribute) and node.func.attrname == "set_params":
            target = node.func.expr.as_string()
        else:
            callee = call_name(node)
            if not is_estimator_class(callee) and callee not in TRAINING_FUNCTIONS:
                return
            target = callee.rsplit(".", 1)[-1]
            self._check_positional(node, callee, target)
        for keyword in node.keywords or ():
            if keyword.arg in self._names and _is_numeric_literal(keyword.value):
                where = keyword if keyword.lineno is not None else keyword.value
                self._report(where, keyword.arg, keyword.value, target)

    def _check_positional(self, node: nodes.Call, callee: str, target: str) -> None:
        position = positional_hyperparameter(callee)
        if position is None:
            return
        index, name = position
        if len(node.args) > index and name in self._names and _is_numeric_literal(node.args[index]):
            self._report(node.args[index], name, node.args[index], target)

    def _report(self, node: nodes.NodeNG, name: str, value: nodes.NodeNG, target: str) -> None:
        self.report(
            node,
            f"hyperparameter `{name}={value.as_string()}` of `{target}` is hard-coded; read it from "
            "configuration and record it with the run",
        )


def _is_numeric_literal(node: nodes.NodeNG) -> bool:
    if isinstance(node, (nodes.Tuple, nodes.List)):
        return bool(node.elts) and all(_is_numeric_literal(element) for element in node.elts)
    if isinstance(node, nodes.UnaryOp) and node.op in ("-", "+"):
        node = node.operand
    return (
        isinstance(node, nodes.Const)
        and isinstance(node.value, (int, float))
        and not isinstance(node.value, bool)
    )
