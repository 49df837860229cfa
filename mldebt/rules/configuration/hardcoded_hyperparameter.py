from astroid import nodes

from mldebt.analysis.apis import (
    DEFAULT_HYPERPARAMETERS,
    TRAINING_FUNCTIONS,
    is_estimator_class,
    is_numerical_setting,
    positional_hyperparameter,
)
from mldebt.analysis.defaults import library_default
from mldebt.analysis.names import call_name
from mldebt.rule import Option, Rule
from mldebt.analysis.tree_index import descendants


class HardcodedHyperparameter(Rule):
    """## What it does
    Flags numeric literals given as hyperparameters (`n_estimators=350`,
    `lr=3e-4`, `hidden_layer_sizes=(128, 64)`) to the constructor of a model,
    optimizer, scheduler or trainer from scikit-learn, XGBoost, LightGBM,
    CatBoost, imbalanced-learn, PyTorch, Keras, transformers or Lightning,
    to `xgb.train`/`lgb.train`-style training functions and to
    `.set_params(...)`. An optimizer's learning rate given by position
    (`optim.SGD(params, 0.1)`, `keras.optimizers.Adam(1e-3)`) counts too.
    One call is one finding, spanning its hard-coded hyperparameters and
    naming all of them: they have one cause and one fix.

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
    Not flagged, because they hide no modelling choice:
    - names (`n_estimators=N_ESTIMATORS`), attributes (`lr=args.lr`) and
      lookups;
    - `random_state`, `seed`, `test_size`, `cv`, `verbose` and `n_jobs`,
      which are not hyperparameters;
    - solver and convergence settings: `tol`, an optimizer's `eps`, and
      `max_iter` where it caps a solver (`LogisticRegression`, `LinearSVC`;
      it is still flagged where it counts boosting rounds or epochs, as in
      `HistGradientBoosting*`, `MLP*` and `SGD*`);
    - a literal equal to the library's documented default
      (`RandomForestClassifier(n_estimators=100)`,
      `LogisticRegression(C=1.0)`, `torch.optim.Adam(lr=1e-3)`): the call
      behaves the same without it. The table covers the common
      scikit-learn, LightGBM, PyTorch and Keras classes whose defaults are
      stable across versions (`mldebt/analysis/defaults.py`);
    - `weight_decay=0` of an optimizer that is given further parameter
      groups with `add_param_group`: the zero marks the group that must not
      decay (biases, norm weights), not a tuned value.

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
            callee, target = None, node.func.expr.as_string()
        else:
            callee = call_name(node)
            if not is_estimator_class(callee) and callee not in TRAINING_FUNCTIONS:
                return
            target = callee.rsplit(".", 1)[-1]
        settings = [
            (name, argument)
            for name, argument in self._literal_arguments(node, callee)
            if not is_numerical_setting(callee, name)
            and not _equals(_value(argument), library_default(callee, name))
            and not (name == "weight_decay" and _is_zero(_value(argument)) and _receives_parameter_groups(node))
        ]
        if not settings:
            return
        listed = ", ".join(f"`{name}={_value(argument).as_string()}`" for name, argument in settings)
        if len(settings) == 1:
            claim, pronoun = f"hyperparameter {listed} of `{target}` is", "it"
        else:
            claim, pronoun = f"hyperparameters {listed} of `{target}` are", "them"
        self.report(
            _located(settings[0]),
            f"{claim} hard-coded; read {pronoun} from configuration and record {pronoun} with the run",
            end=_located(settings[-1]),
        )

    def _literal_arguments(self, node: nodes.Call, callee: str | None) -> list[tuple[str, nodes.NodeNG]]:
        """The hyperparameters given as numeric literals, by position (a learning rate) or keyword."""
        arguments = []
        position = positional_hyperparameter(callee)
        if position is not None:
            index, name = position
            if len(node.args) > index and name in self._names and _is_numeric_literal(node.args[index]):
                arguments.append((name, node.args[index]))
        for keyword in node.keywords or ():
            if keyword.arg in self._names and _is_numeric_literal(keyword.value):
                arguments.append((keyword.arg, keyword))
        return arguments


def _located(setting: tuple[str, nodes.NodeNG]) -> nodes.NodeNG:
    """The node a setting is reported at: the keyword (``lr=3e-4``), or the value where it has no position."""
    argument = setting[1]
    return argument if argument.lineno is not None else _value(argument)


def _value(argument: nodes.NodeNG) -> nodes.NodeNG:
    return argument.value if isinstance(argument, nodes.Keyword) else argument


def _literal_value(node: nodes.NodeNG) -> object:
    if isinstance(node, (nodes.Tuple, nodes.List)):
        return tuple(_literal_value(element) for element in node.elts)
    if isinstance(node, nodes.UnaryOp):
        return -node.operand.value if node.op == "-" else node.operand.value
    return node.value


def _equals(node: nodes.NodeNG, default: object) -> bool:
    return default is not None and _literal_value(node) == default


def _is_zero(node: nodes.NodeNG) -> bool:
    return _literal_value(node) == 0


def _receives_parameter_groups(node: nodes.Call) -> bool:
    """Is the optimizer built here given more parameter groups (``opt.add_param_group(...)``) in the same scope?

    Then the constructor's settings are those of the first group only, and a zero
    weight decay marks the group that must not decay (biases, norms), not a choice.
    """
    assign = node.parent
    if not (isinstance(assign, nodes.Assign) and len(assign.targets) == 1):
        return False
    target = assign.targets[0]
    if not isinstance(target, (nodes.AssignName, nodes.AssignAttr)):
        return False
    receiver = target.as_string()
    return any(
        isinstance(call.func, nodes.Attribute)
        and call.func.attrname == "add_param_group"
        and call.func.expr.as_string() == receiver
        for call in descendants(node.scope(), nodes.Call)
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
