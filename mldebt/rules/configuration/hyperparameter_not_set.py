from astroid import nodes

from mldebt.analysis.apis import SEARCH_CLASSES, TORCH_OPTIMIZERS
from mldebt.analysis.defaults import key_hyperparameters
from mldebt.analysis.names import call_name
from mldebt.rule import Option, Rule
from mldebt.analysis.tree_index import descendants


class HyperparameterNotSet(Rule):
    """## What it does
    Flags an estimator or optimizer constructed with none of its key
    hyperparameters given: `RandomForestClassifier()`, `SVC()`,
    `XGBClassifier()`, `torch.optim.Adam(model.parameters())`. The key
    hyperparameters per class are a table (`mldebt/analysis/defaults.py`):
    trees' depth and count, regularisation strengths, learning rates.
    Opt-in: teams choose it together with MLD402 (hyperparameters set
    explicitly, from configuration).

    ## Why is this bad
    Zhang et al. (2022, smell 11): the defaults are the library's, not the
    team's. They differ between libraries and change between versions
    (scikit-learn changed `n_estimators` of forests from 10 to 100), so the
    same code trains a different model after an upgrade, and the run's
    record does not say which model it was.

    ## Example
    ```python
    model = GradientBoostingClassifier()
    optimizer = torch.optim.Adam(model.parameters())
    ```

    ## Use instead
    ```python
    model = GradientBoostingClassifier(**config.model)
    optimizer = torch.optim.Adam(model.parameters(), lr=config.lr)
    ```
    Not flagged: a constructor given `**params`, any key hyperparameter or a
    positional argument (`KMeans(8)`, `SGD(params, 0.1)`), classes not in
    the table, and estimators tuned by a search (`GridSearchCV(SVC(), grid)`,
    directly or through the pipeline or name handed to it) or through
    `.set_params(...)` on the name they are assigned to.

    ## Options
    - `classes` (list of class names, default `[]`): check only these
      classes of the table (`["RandomForestClassifier", "Adam"]`); empty
      checks all of them.
    """

    code = "MLD406"
    symbol = "hyperparameter-not-set"
    summary = "Estimator or optimizer constructed with none of its key hyperparameters set"
    node_types = (nodes.Call,)
    enabled_by_default = False
    options = (Option("classes", "str-list", (), "Check only these classes (by class name); empty: all."),)

    def visit(self, node: nodes.Call) -> None:
        name = call_name(node)
        keys = key_hyperparameters(name)
        if not keys or (self.settings["classes"] and name.rsplit(".", 1)[-1] not in self.settings["classes"]):
            return
        if any(keyword.arg is None or keyword.arg in keys for keyword in node.keywords or ()):
            return
        # torch optimizers take the parameters first; any other positional argument is a setting.
        parameters_first = name.startswith(TORCH_OPTIMIZERS)
        if len(node.args) > (1 if parameters_first else 0) or any(isinstance(arg, nodes.Starred) for arg in node.args):
            return
        if _tuned_elsewhere(node):
            return
        target = name.rsplit(".", 1)[-1]
        listed = ", ".join(f"`{key}`" for key in keys)
        self.report(
            node,
            f"`{target}` is built with none of its key hyperparameters ({listed}), so the library version's "
            "defaults decide the model; set them explicitly from configuration",
        )


def _tuned_elsewhere(call: nodes.Call) -> bool:
    """Is the estimator handed to a search, or tuned with ``set_params``, in its scope?"""
    for ancestor in call.node_ancestors():
        if isinstance(ancestor, nodes.Call) and call_name(ancestor) in SEARCH_CLASSES:
            return True
        if ancestor.is_statement:
            break
    statement = call.statement()
    if not (isinstance(statement, nodes.Assign) and len(statement.targets) == 1):
        return False
    target = statement.targets[0]
    if not isinstance(target, (nodes.AssignName, nodes.AssignAttr)):
        return False
    held = target.as_string()
    for other in descendants(call.scope(), nodes.Call):
        if isinstance(other.func, nodes.Attribute) and other.func.attrname == "set_params":
            if other.func.expr.as_string() == held:
                return True
        elif call_name(other) in SEARCH_CLASSES:
            arguments = list(other.args) + [keyword.value for keyword in other.keywords or ()]
            if any(argument.as_string() == held for argument in arguments):
                return True
    return False
