import collections

from astroid import nodes

from mldebt.analysis.apis import FIT_METHODS, TRANSFORM_METHODS, is_prediction_call
from mldebt.analysis.conversions import Conversion, conversion
from mldebt.analysis.outputs import is_model_object
from mldebt.analysis.scopes import code_scope, definition_range, statements
from mldebt.rule import Option, Rule
from mldebt.analysis.tree_index import descendants


class GlueCode(Rule):
    """## What it does
    Flags a function whose body is mostly conversions between data
    representations (JSON, dict, DataFrame, ndarray, tensor, list) around a
    model call: `json.loads`, `request.get_json()`, `pd.DataFrame(...)`,
    `.to_dict()`, `.to_numpy()`, `.values`, `np.asarray`, `torch.tensor`,
    `torch.from_numpy`, `.numpy()`, `tf.convert_to_tensor`, `.tolist()`,
    `list(...)`, `dict(...)`. The model call is a `predict*`, `fit`,
    `transform` or a call of a model object. The finding is drawn on the
    `def` line, with the count and the chain of representations.

    ## Why is this bad
    Sculley et al. (§5.1, glue code): the code that massages data into and
    out of a general-purpose package soon outweighs the model call itself.
    Every conversion fixes a column order, a dtype, a shape or a key name
    by hand; the next model or library version needs all of them rewritten,
    and a mistake in one is silent skew between what was trained and what
    is served.

    ## Example
    ```python
    @app.post("/predict")
    def predict_price():
        payload = request.get_json()                          # json -> dict
        frame = pd.DataFrame([payload])                       # -> DataFrame
        features = frame[FEATURES].to_numpy(np.float32)       # -> ndarray
        with torch.no_grad():
            output = model(torch.from_numpy(features))        # -> tensor
        prices = pd.DataFrame(output.numpy(), columns=["price"])  # -> ndarray -> DataFrame
        return prices.to_json(orient="records")               # -> json
    ```

    ## Use instead
    Agree on one representation at the model's boundary and keep the
    conversions in one tested adapter: a scikit-learn `Pipeline` that takes
    the DataFrame as it arrives, a model wrapper with a typed `predict`
    (pydantic schema in, records out), or the serving framework's own
    signature (MLflow pyfunc, BentoML, TorchServe handlers).

    ## Options
    - `min-conversions` (integer, default `5`): conversions that make a
      function glue code. A plain adapter needs two (request to frame,
      prediction to response) and torch code often adds two more (to a
      tensor, back with `.numpy()`/`.tolist()`); five or more means the data
      passes through more representations than the model needs.
    - `min-share` (number, default `0.5`): the share of the function's
      statements that must contain a conversion, so that a long training
      function with a few scattered conversions is not called glue.
    """

    code = "MLD101"
    symbol = "glue-code"
    summary = "Function that is mostly conversions between data representations around a model call"
    node_types = (nodes.Call, nodes.Attribute)
    options = (
        Option("min-conversions", "int", 5, "Conversions between data representations that make a function glue code."),
        Option("min-share", "float", 0.5, "Share of a function's statements that must convert data."),
    )

    def __init__(self, module, settings) -> None:
        super().__init__(module, settings)
        self._conversions: dict[nodes.FunctionDef, list[Conversion]] = collections.defaultdict(list)

    def visit(self, node: nodes.Call | nodes.Attribute) -> None:
        found = conversion(node)
        if found is not None:
            function = code_scope(node)
            if isinstance(function, nodes.FunctionDef):
                self._conversions[function].append(found)

    def finish(self) -> None:
        for function, found in self._conversions.items():
            if len(found) < self.settings["min-conversions"]:
                continue
            body = statements(function)
            converting = {id(item.node.statement()) for item in found}
            if len(converting) < self.settings["min-share"] * len(body):
                continue
            # Model calls are counted only here, in the few functions that convert this much.
            own_calls = descendants(function, nodes.Call, skip=(nodes.FunctionDef, nodes.ClassDef))
            calls = sum(1 for call in own_calls if _is_model_call(call))
            if not calls:
                continue
            found.sort(key=_execution_order)
            self.report_range(
                *definition_range(function),
                f"`{function.name}` is mostly glue code: {len(found)} conversions between data "
                f"representations ({_chain(found)}) around {calls} model call{'s' if calls > 1 else ''}; "
                f"threshold {self.settings['min-conversions']}. Keep one representation at the model's boundary "
                "and the conversions in one tested adapter",
            )


def _is_model_call(call: nodes.Call) -> bool:
    if is_prediction_call(call):
        return True
    if isinstance(call.func, nodes.Attribute) and call.func.attrname in FIT_METHODS | TRANSFORM_METHODS:
        return True
    return is_model_object(call.func)


def _execution_order(item: Conversion) -> tuple[int, int]:
    """An inner call runs before the call around it, and ends before it too."""
    return item.node.end_lineno or item.node.lineno, item.node.end_col_offset or 0


def _chain(found: list[Conversion]) -> str:
    """``json -> dict -> DataFrame``: the representations in the order the data passes through them."""
    chain: list[str] = []
    for item in found:
        for kind in (item.source, item.target):
            if kind is not None and (not chain or chain[-1] != kind):
                chain.append(kind)
    return " -> ".join(chain)
