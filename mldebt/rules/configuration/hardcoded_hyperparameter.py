import functools

from astroid import nodes

from mldebt.analysis.apis import (
    DEFAULT_HYPERPARAMETERS,
    TRAINING_FUNCTIONS,
    is_estimator_class,
    is_numerical_setting,
    positional_hyperparameter,
)
from mldebt.analysis.defaults import library_default
from mldebt.analysis.hyperparameters import (
    dict_entries,
    hyperparameter_dicts,
    is_config_module,
    params_dict_arguments,
    searched_keys,
)
from mldebt.analysis.names import call_name
from mldebt.analysis.values import globals_rebound, module_constant
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

    Hyperparameters written where real training code keeps them count too,
    each reported once where it is written, however many calls use it:
    - a dict literal (or `dict(...)`) whose numeric entries are
      hyperparameters and that reaches a model as its parameters:
      `xgb.train(params, dtrain)`, `lgb.train(params=params, ...)`,
      `lgb.cv`, `xgb.cv`, `Ridge(**ridge_args)`, `model.set_params(**best)`,
      also through a copy or a helper function's parameter; reported at the
      dict;
    - a module constant of the script (`INIT_LR = 1e-4` ...
      `Adam(lr=INIT_LR)`); reported at the constant.

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
    - attributes (`lr=args.lr`), lookups, names of the function's
      parameters, and constants imported from the project's configuration
      module or defined in one (`config.py`, `settings.py`, `params.py`,
      `constants.py`, ...); module constants of a script that rebinds its
      globals from a configurator (`exec(...)`, `globals().update(...)`);
    - dicts read from YAML/JSON or filled from arguments, dicts the code
      changes after writing them (`params.update(cfg)`,
      `params["eta"] = args.eta`) or builds on another mapping
      (`{**base, ...}`), an optuna `trial.suggest_*` search space, a dict
      written in a function handed to a tuner (`study.optimize(objective)`,
      `fmin(fn=objective)`), a search grid (`param_grid`);
    - a literal in an estimator given to `GridSearchCV`/`RandomizedSearchCV`
      whose grid sets the same hyperparameter (`clf__max_depth` for a
      pipeline step): it is a placeholder the search replaces;
    - model settings in `model.fit(...)`/`model.compile(...)` keywords
      (`epochs`, `batch_size`): not a constructor (the optimizer built for
      `compile` is one);
    - `random_state`, `seed`, `test_size`, `cv`, `verbose` and `n_jobs`,
      which are not hyperparameters;
    - solver and convergence settings: `tol`, an optimizer's `eps`, and
      `max_iter` where it caps a solver (`LogisticRegression`, `LinearSVC`;
      it is still flagged where it counts boosting rounds or epochs, as in
      `HistGradientBoosting*`, `MLP*` and `SGD*`);
    - a literal equal to the library's documented default
      (`RandomForestClassifier(n_estimators=100)`,
      `LogisticRegression(C=1.0)`, `torch.optim.Adam(lr=1e-3)`, a
      `LEARNING_RATE = 0.001` constant given to Adam, `num_leaves: 31` in
      an `lgb.train` dict): the call behaves the same without it. The table covers the common
      scikit-learn, LightGBM, PyTorch and Keras classes whose defaults are
      stable across versions (`mldebt/analysis/defaults.py`);
    - `weight_decay=0` of an optimizer that is given further parameter
      groups with `add_param_group`: the zero marks the group that must not
      decay (biases, norm weights), not a tuned value.

    ## Options
    - `hyperparameters` (list of names): the keyword arguments (and keys
      of parameter dicts) treated as hyperparameters; replaces the built-in
      list.
    - `extend-hyperparameters` (list of names, default `[]`): names added to
      the list.
    """

    code = "MLD402"
    symbol = "hardcoded-hyperparameter"
    summary = "Hyperparameter hard-coded as a literal, dict entry or script constant of a model or optimizer"
    node_types = (nodes.Call,)
    options = (
        Option("hyperparameters", "str-list", DEFAULT_HYPERPARAMETERS, "Keyword arguments that are hyperparameters."),
        Option("extend-hyperparameters", "str-list", (), "More keyword arguments that are hyperparameters."),
    )

    def __init__(self, module, settings) -> None:
        super().__init__(module, settings)
        self._names = frozenset(settings["hyperparameters"]) | frozenset(settings["extend-hyperparameters"])
        # Dicts and constants already reported: each is one finding however many calls it reaches.
        self._sources: set[int] = set()

    def visit(self, node: nodes.Call) -> None:
        if isinstance(node.func, nodes.Attribute) and node.func.attrname == "set_params":
            callee, target = None, node.func.expr.as_string()
            receiver = f"{target}.set_params"
        else:
            callee = call_name(node)
            if not is_estimator_class(callee) and callee not in TRAINING_FUNCTIONS:
                return
            target = callee.rsplit(".", 1)[-1]
            receiver = callee if callee in TRAINING_FUNCTIONS else target
        settings = [
            (name, argument)
            for name, argument in self._literal_arguments(node, callee)
            if self._hard_coded(callee, name, _value(argument))
            and not (name == "weight_decay" and _is_zero(_value(argument)) and _receives_parameter_groups(node))
        ]
        for expression in params_dict_arguments(node):
            for literal in hyperparameter_dicts(expression):
                entries = self._dict_settings(callee, literal)
                if node.parent_of(literal):
                    settings.extend(entries)
                elif entries:
                    self._report_dict(literal, entries, receiver, node)
        tuned = searched_keys(node) if settings else frozenset()
        settings = [(name, argument) for name, argument in settings if name not in tuned]
        self._report_constants(node, callee, target)
        if not settings:
            return
        listed = _listed(settings)
        if len(settings) == 1:
            claim, pronoun = f"hyperparameter {listed} of `{target}` is", "it"
        else:
            claim, pronoun = f"hyperparameters {listed} of `{target}` are", "them"
        self.report(
            _located(settings[0]),
            f"{claim} hard-coded; read {pronoun} from configuration and record {pronoun} with the run",
            end=_located(settings[-1]),
        )

    def _hard_coded(self, callee: str | None, name: str, value: nodes.NodeNG) -> bool:
        return (
            name in self._names
            and _is_numeric_literal(value)
            and not is_numerical_setting(callee, name)
            and not _equals(value, library_default(callee, name))
        )

    def _dict_settings(self, callee: str | None, literal: nodes.NodeNG) -> list[tuple[str, nodes.NodeNG]]:
        """(key, its value, or its keyword in ``dict(...)``) for each hard-coded entry."""
        return [(key, entry) for key, entry in dict_entries(literal) if self._hard_coded(callee, key, _value(entry))]

    def _report_dict(self, literal: nodes.NodeNG, entries: list, target: str, call: nodes.Call) -> None:
        """One finding at the dict, however many calls it reaches; the first call is named."""
        if id(literal) in self._sources:
            return
        self._sources.add(id(literal))
        if len(entries) == 1:
            claim, pronoun = f"hyperparameter {_listed(entries)} in this dict is", "it"
        else:
            claim, pronoun = f"hyperparameters {_listed(entries)} in this dict are", "them"
        self.report(
            literal,
            f"{claim} hard-coded and given to `{target}` (line {call.lineno}); "
            f"read {pronoun} from configuration and record {pronoun} with the run",
            end=_value(entries[-1][1]),
        )

    def _report_constants(self, node: nodes.Call, callee: str | None, target: str) -> None:
        """Module constants of this script given as hyperparameters: reported at the constant, once."""
        if self._constants_configurable:
            return
        for name, argument in self._constant_arguments(node, callee):
            constant = module_constant(_value(argument))
            if constant is None or id(constant) in self._sources or not self._hard_coded(callee, name, constant):
                continue
            if name in searched_keys(node):
                continue
            self._sources.add(id(constant))
            statement = constant.parent
            self.report(
                statement,
                f"hyperparameter `{_value(argument).name}` is a constant of this script given as `{name}` "
                f"of `{target}` (line {node.lineno}); read it from configuration and record it with the run",
            )

    @functools.cached_property
    def _constants_configurable(self) -> bool:
        """Are this module's constants configuration: a config module, or globals a configurator rebinds?"""
        return is_config_module(self.module.tree) or globals_rebound(self.module.tree)

    def _literal_arguments(self, node: nodes.Call, callee: str | None) -> list[tuple[str, nodes.NodeNG]]:
        """The hyperparameters given as numeric literals, by position (a learning rate) or keyword."""
        return [
            (name, argument) for name, argument in self._arguments(node, callee) if _is_numeric_literal(_value(argument))
        ]

    def _constant_arguments(self, node: nodes.Call, callee: str | None) -> list[tuple[str, nodes.NodeNG]]:
        """The hyperparameters given by a name, which may be a module constant."""
        return [
            (name, argument)
            for name, argument in self._arguments(node, callee)
            if isinstance(_value(argument), nodes.Name)
        ]

    def _arguments(self, node: nodes.Call, callee: str | None) -> list[tuple[str, nodes.NodeNG]]:
        """The hyperparameter arguments of a call: a learning rate by position, and keywords."""
        arguments = []
        position = positional_hyperparameter(callee)
        if position is not None:
            index, name = position
            if len(node.args) > index and name in self._names:
                arguments.append((name, node.args[index]))
        for keyword in node.keywords or ():
            if keyword.arg in self._names:
                arguments.append((keyword.arg, keyword))
        return arguments


# Entries named in a message; the rest are counted.
_LISTED = 5


def _listed(settings: list[tuple[str, nodes.NodeNG]]) -> str:
    named = ", ".join(f"`{name}={_value(argument).as_string()}`" for name, argument in settings[:_LISTED])
    rest = len(settings) - _LISTED
    return f"{named} and {rest} more" if rest > 0 else named


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
