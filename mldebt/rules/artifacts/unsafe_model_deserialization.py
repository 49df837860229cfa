from astroid import nodes

from mldebt.analysis.apis import KERAS_MODEL_LOADERS, PICKLE_LOADERS
from mldebt.analysis.names import call_name
from mldebt.rule import Rule


class UnsafeModelDeserialization(Rule):
    """## What it does
    Flags loading a model or data file in a way that executes code stored in
    the file: `pickle.load(s)`, `joblib.load`, `dill`/`cloudpickle` loads,
    `pandas.read_pickle`, `numpy.load(..., allow_pickle=True)`, `torch.load`
    without `weights_only=True`, and Keras `load_model(..., safe_mode=False)`.

    ## Why is this bad
    A pickle is a program: loading it runs whatever its author put in it.
    Model files travel between people, buckets and model hubs, and a
    tampered one gives an attacker code execution on every training and
    serving machine that loads it.

    ## Example
    ```python
    model = joblib.load("models/price_model.joblib")
    state = torch.load(checkpoint_path)
    ```

    ## Use instead
    Use formats that hold only data: `safetensors`, ONNX, XGBoost/LightGBM
    JSON, `skops.io.load(path, trusted=[...])` for scikit-learn models, and
    `torch.load(path, weights_only=True)` for PyTorch state dicts. Where a
    pickle cannot be avoided, verify the file's hash before loading it and
    suppress the finding on that line.

    ## Options
    None.
    """

    code = "MLD903"
    symbol = "unsafe-model-deserialization"
    summary = "Model loaded with pickle-based deserialization that can run arbitrary code"
    node_types = (nodes.Call,)

    def visit(self, node: nodes.Call) -> None:
        loader = call_name(node)
        if loader is None:
            return
        advice = _unsafe_load_advice(loader, node)
        if advice is not None:
            self.report(node, f"`{node.func.as_string()}` {advice}")


def _unsafe_load_advice(loader: str, call: nodes.Call) -> str | None:
    if loader in PICKLE_LOADERS:
        return (
            "unpickles the file, which runs any code it contains; use safetensors, ONNX or "
            "`skops.io.load(..., trusted=...)`, or verify the file's hash first"
        )
    if loader == "torch.load" and _keyword_constant(call, "weights_only") is not True:
        return "unpickles the checkpoint, which can run code; pass `weights_only=True`"
    if loader == "numpy.load" and _keyword_constant(call, "allow_pickle") is True:
        return "with `allow_pickle=True` unpickles object arrays, which can run code; store plain arrays"
    if loader in KERAS_MODEL_LOADERS and _keyword_constant(call, "safe_mode") is False:
        return "with `safe_mode=False` deserialises arbitrary Python lambdas; keep safe mode on"
    return None


def _keyword_constant(call: nodes.Call, name: str) -> object:
    for keyword in call.keywords or ():
        if keyword.arg == name and isinstance(keyword.value, nodes.Const):
            return keyword.value.value
    return None
