from astroid import nodes

from mldebt.analysis.api_kinds import SCALE_SENSITIVE_ESTIMATORS, SCALERS, is_reader
from mldebt.analysis.apis import HOLDOUT_SPLITTERS
from mldebt.analysis.locations import artifact_name, location_arguments
from mldebt.analysis.names import qualified_name
from mldebt.analysis.receivers import constructed_class
from mldebt.analysis.storage import WRITE, file_uses
from mldebt.analysis.values import bound_values
from mldebt.project import FILE_USES, ProjectIndex
from mldebt.rule import Option, Rule
from mldebt.analysis.tree_index import descendants

_MAX_STEPS = 64
# Methods that select or clean rows and columns without changing the features' scales.
_SAME_SCALE_METHODS = frozenset(
    {"drop", "dropna", "fillna", "copy", "to_numpy", "astype", "reset_index", "select_dtypes", "sample", "head",
     "reshape", "iloc", "loc"}
)
# Datasets whose features share one unit (pixel intensities).
_EVEN_SCALE_DATASETS = frozenset({"sklearn.datasets.load_digits", "sklearn.datasets.fetch_olivetti_faces"})
_SAME_SCALE_ATTRIBUTES = frozenset({"values", "data", "iloc", "loc"})


class ScalerMissing(Rule):
    """## What it does
    Flags `fit` of a scale-sensitive scikit-learn estimator (SVMs, nearest
    neighbours, PCA, SGD, MLP, Ridge/Lasso/ElasticNet, k-means) on features
    that come straight from a data source: followed back through
    assignments, column selections, `dropna`/`fillna`/`to_numpy` and
    `train_test_split`, every path reaches a reader (`pd.read_csv`,
    `load_*`/`fetch_*` datasets) without passing a scaler or any
    other transformation. A single selected column (`frame[["sqft"]]`),
    estimators inside a `Pipeline`, features built by
    arithmetic or by calls mldebt cannot follow, modules that create a
    scaler, and features read from a file the project itself writes (an
    earlier stage, another notebook, may have scaled them) are not flagged. `LogisticRegression` is not in the default list:
    it is fitted on raw columns in most tutorials and baselines, where its
    mild default penalty rarely changes the result; add it with
    `extend-estimators` when your team wants it.

    ## Why is this bad
    Zhang et al. 2022 (smell 10, "Data scaling before scale-sensitive
    operation missing"): distances, kernels, penalties and gradient steps
    weigh each feature by its units, so a feature in thousands (income)
    drowns one in units (age); the model's quality then depends on how
    columns happen to be measured.

    ## Example
    ```python
    frame = pd.read_csv("patients.csv")
    X_train, X_test, y_train, y_test = train_test_split(frame[FEATURES], frame["label"])
    SVC().fit(X_train, y_train)
    ```

    ## Use instead
    ```python
    model = make_pipeline(StandardScaler(), SVC()).fit(X_train, y_train)
    ```

    ## Options
    - `extend-estimators` (list of qualified class names, default `[]`): more
      scale-sensitive estimators, e.g.
      `["sklearn.linear_model.LogisticRegression"]`.
    """

    code = "MLD816"
    symbol = "scaler-missing"
    summary = "Scale-sensitive estimator fitted on unscaled features"
    node_types = (nodes.Call,)
    project_facts = frozenset({FILE_USES})
    options = (
        Option("extend-estimators", "str-list", (), "More scale-sensitive estimator classes (qualified names)."),
    )

    def __init__(self, module, settings) -> None:
        super().__init__(module, settings)
        self._module_scales: bool | None = None

    def visit(self, node: nodes.Call) -> None:
        function = node.func
        if not (isinstance(function, nodes.Attribute) and function.attrname == "fit" and node.args):
            return
        estimator = constructed_class(function.expr)
        if estimator is None or self._scales_anywhere():
            return
        if estimator not in SCALE_SENSITIVE_ESTIMATORS and estimator not in self.settings["extend-estimators"]:
            return
        readers: list[nodes.Call] = []
        if (
            not _single_column(node.args[0])
            and _raw_features(node.args[0], 0, set(), readers)
            and not any(self._reads_project_output(reader) for reader in readers)
        ):
            short = estimator.rsplit(".", 1)[-1]
            self.report(
                node,
                f"`{short}` depends on feature scales and these features are unscaled: "
                f"fit `make_pipeline(StandardScaler(), {short}())`",
            )

    def _reads_project_output(self, reader: nodes.Call) -> bool:
        """A file another stage of the project writes may hold features that stage already scaled."""
        locations = location_arguments(reader)
        name = artifact_name(locations[0]) if locations else None
        if name is None:
            return False
        written_here = any(use.name == name and use.mode == WRITE for use in file_uses(self.module.tree))
        return written_here or ProjectIndex.for_file(self.module.path, self.module.settings).writes_file(name)

    def _scales_anywhere(self) -> bool:
        if self._module_scales is None:
            self._module_scales = any(
                qualified_name(call.func) in SCALERS for call in descendants(self.module.tree, nodes.Call)
            )
        return self._module_scales


def _raw_features(expr: nodes.NodeNG, steps: int, seen: set[int], readers: list[nodes.Call]) -> bool:
    """Does every path of ``expr``'s value lead to a data source through scale-keeping steps only?"""
    if steps > _MAX_STEPS or id(expr) in seen:
        return False
    seen.add(id(expr))
    if isinstance(expr, nodes.Name):
        values = bound_values(expr)
        if not values:
            return False
        split = [value for value in values if _is_split(value)]
        if split:
            return all(_split_input(value, expr, steps, seen, readers) for value in values)
        return all(_raw_features(value, steps + 1, seen, readers) for value in values)
    if isinstance(expr, nodes.Subscript):
        return _raw_features(expr.value, steps + 1, seen, readers)
    if isinstance(expr, nodes.Attribute):
        return expr.attrname in _SAME_SCALE_ATTRIBUTES and _raw_features(expr.expr, steps + 1, seen, readers)
    if isinstance(expr, nodes.Call):
        name = qualified_name(expr.func)
        if _reads_raw_features(name):
            readers.append(expr)
            return True
        function = expr.func
        if isinstance(function, nodes.Attribute) and function.attrname in _SAME_SCALE_METHODS:
            return _raw_features(function.expr, steps + 1, seen, readers)
    return False


def _single_column(features: nodes.NodeNG) -> bool:
    """``frame[["sqft"]]``: one feature has no other feature to be out of scale with."""
    return (
        isinstance(features, nodes.Subscript) and isinstance(features.slice, nodes.List) and len(features.slice.elts) == 1
    )


def _reads_raw_features(name: str | None) -> bool:
    """Readers of files and of real-world datasets (generated ``make_*`` data is already standardised)."""
    if name is None:
        return False
    if name.startswith(("sklearn.datasets.load_", "sklearn.datasets.fetch_")):
        return name not in _EVEN_SCALE_DATASETS
    return is_reader(name)


def _is_split(value: nodes.NodeNG) -> bool:
    return isinstance(value, nodes.Call) and qualified_name(value.func) in HOLDOUT_SPLITTERS


def _split_input(
    value: nodes.NodeNG, name: nodes.Name, steps: int, seen: set[int], readers: list[nodes.Call]
) -> bool:
    """``X_train`` from ``train_test_split(X, y)``: the input at the output's position."""
    if not _is_split(value):
        return _raw_features(value, steps + 1, seen, readers)
    _, bindings = name.lookup(name.name)
    for binding in bindings:
        if isinstance(binding, nodes.AssignName) and isinstance(binding.parent, nodes.Tuple):
            position = binding.parent.elts.index(binding)
            arrays = [argument for argument in value.args if not isinstance(argument, nodes.Starred)]
            if position // 2 < len(arrays):
                return _raw_features(arrays[position // 2], steps + 1, seen, readers)
    return False
