import functools

from astroid import nodes

from mldebt.analysis.apis import DOWNLOADERS, KERAS_MODEL_LOADERS, LOCATION_KEYWORDS, PICKLE_LOADERS
from mldebt.analysis.context import is_inference
from mldebt.analysis.locations import artifact_name, is_remote, location_text
from mldebt.analysis.names import call_name, qualified_name
from mldebt.analysis.storage import WRITE, file_uses
from mldebt.analysis.edits import keyword_insertion, source_lines
from mldebt.analysis.values import bound_values
from mldebt.finding import Fix
from mldebt.project import FILE_USES, ProjectIndex
from mldebt.rule import Rule

# How far a loaded value is followed back to a download (``open(urlretrieve(url)[0])``).
_ORIGIN_DEPTH = 3


class UnsafeModelDeserialization(Rule):
    """## What it does
    Flags loading a model or data file in a way that executes code stored in
    the file (`pickle.load(s)`, `joblib.load`, `dill`/`cloudpickle` loads,
    `pandas.read_pickle`, `numpy.load(..., allow_pickle=True)`, `torch.load`
    without `weights_only=True`, Keras `load_model(..., safe_mode=False)`)
    where the file can come from someone else: in serving or inference code
    (route handlers, a module that predicts with a model it does not fit),
    from a download or URL, or from a file the project itself never writes
    (shipped or downloaded weights, a colleague's pickle).

    ## Why is this bad
    A pickle is a program: loading it runs whatever its author put in it.
    Model files travel between people, buckets and model hubs, and a
    tampered one gives an attacker code execution on every training and
    serving machine that loads it. Serving code is where that matters most:
    it runs with production credentials.

    ## Example
    ```python
    @app.post("/predict")
    def predict(features: Features):
        model = joblib.load("models/price_model.joblib")
        ...

    weights = torch.load(urlretrieve(WEIGHTS_URL)[0])
    ```

    ## Use instead
    Use formats that hold only data: `safetensors`, ONNX, XGBoost/LightGBM
    JSON, `skops.io.load(path, trusted=[...])` for scikit-learn models, and
    `torch.load(path, weights_only=True)` for PyTorch state dicts. Where a
    pickle cannot be avoided, verify the file's hash before loading it and
    suppress the finding on that line.

    Outside serving code, a pipeline stage re-reading a pickle that another
    stage of the same project writes (by file name, anywhere in the
    project) is not flagged, nor is a load whose path comes from an argument
    or configuration: the project's own outputs are as trusted as its code.
    Neither is `pandas.read_pickle` outside serving code: a pickled frame
    is a data input of a training or analysis script (a prepared Kaggle
    dataset, a colleague's export), not a model. Tests are flagged only for
    downloads, and so are notebooks, outside the functions they serve from
    (a route handler, a demo's `predict`):
    a notebook that loads a model and predicts is its author analysing their
    own outputs (a scoring walk-through, an error analysis), not a service,
    and the file may come from another notebook of the project, which the
    project's file index does not read.

    ## Fix
    `torch.load(path)` without `weights_only` gets `weights_only=True`
    (`mldebt check --fix --unsafe-fixes`). The fix is unsafe: a checkpoint
    that pickles whole objects (a full model, an optimizer of a custom class)
    no longer loads and needs `torch.serialization.add_safe_globals` or a
    state dict. A call that passes `weights_only` or `**kwargs` is left alone.

    ## Options
    None.
    """

    code = "MLD903"
    symbol = "unsafe-model-deserialization"
    summary = "Model loaded with pickle-based deserialization that can run arbitrary code"
    node_types = (nodes.Call,)
    project_facts = frozenset({FILE_USES})
    ml_modules_only = False

    def visit(self, node: nodes.Call) -> None:
        loader = call_name(node)
        if loader is None:
            return
        advice = _unsafe_load_advice(loader, node)
        if advice is None:
            return
        origin = self._untrusted_origin(node)
        if origin is not None:
            self.report(node, f"`{node.func.as_string()}` {origin} {advice}", fix=self._weights_only_fix(loader, node))

    def _weights_only_fix(self, loader: str, call: nodes.Call) -> Fix | None:
        """``torch.load(p)`` -> ``torch.load(p, weights_only=True)``: unsafe, a full pickle then fails to load."""
        if loader != "torch.load" or any(keyword.arg in ("weights_only", None) for keyword in call.keywords or ()):
            return None
        edit = keyword_insertion(self._lines, call, "weights_only=True")
        return Fix((edit,), safe=False) if edit is not None else None

    @functools.cached_property
    def _lines(self) -> list[str]:
        return source_lines(self.module.text)

    def _untrusted_origin(self, call: nodes.Call) -> str | None:
        """Why the loaded file may come from someone else, or ``None`` when it is the project's own."""
        location = _location(call)
        if location is not None and _downloaded(location, _ORIGIN_DEPTH):
            return "of a downloaded file"
        if self.module.is_test_file:
            return None  # tests load the project's own fixtures and models
        if self._in_serving_code(call):
            return "in serving code"
        if self.module.notebook is not None:
            # Its author runs a notebook on their own outputs: predicting there is analysis, not a service,
            # and another notebook may have written the file (the project index reads only .py files).
            return None
        if is_inference(self.module.tree):
            return "in serving code"
        if call_name(call) in _DATA_FRAME_LOADERS:
            return None  # a frame of data outside serving: a data input, whoever wrote it, not a model
        name = artifact_name(location) if location is not None else None
        if name is not None and not self._written_here(name) and not self._index.writes_file(name):
            return f"of `{name}`, which no code of this project writes,"
        return None

    @functools.cached_property
    def _index(self) -> ProjectIndex:
        return ProjectIndex.for_file(self.module.path, self.module.settings)

    def _written_here(self, name: str) -> bool:
        """Does this module write the file itself (a notebook saving a model a later cell loads)?

        The project index reads files as saved on disk; the text being linted (an editor's unsaved
        buffer, the cells VS Code sends) may save it where the saved file does not.
        """
        return any(use.name == name and use.mode == WRITE for use in self._own_file_uses)

    @functools.cached_property
    def _own_file_uses(self):
        return file_uses(self.module.tree)

    def _in_serving_code(self, call: nodes.Call) -> bool:
        view = self.module.serving
        if view is None:
            return False
        code = view.code
        if self.module.notebook is not None:
            # A notebook's cells are its walk-through; only the functions it serves from (a demo's `predict`) serve.
            code = [root for root in code if isinstance(root, (nodes.FunctionDef, nodes.AsyncFunctionDef))]
        roots = {id(root) for root in code}
        return any(id(ancestor) in roots for ancestor in call.node_ancestors())


_DATA_FRAME_LOADERS = frozenset({"pandas.read_pickle"})


def _location(call: nodes.Call) -> nodes.NodeNG | None:
    if call.args:
        return call.args[0]
    for keyword in call.keywords or ():
        if keyword.arg in LOCATION_KEYWORDS | {"f", "file"}:
            return keyword.value
    return None


def _downloaded(expr: nodes.NodeNG, depth: int) -> bool:
    """Does the value come from a URL or a downloader, directly or through names, ``open`` and indexing?"""
    if depth <= 0:
        return False
    text = location_text(expr)
    if text is not None and is_remote(text):
        return True
    candidates = [expr, *(bound_values(expr) if isinstance(expr, nodes.Name) else [])]
    for candidate in candidates:
        while isinstance(candidate, (nodes.Subscript, nodes.Attribute)):
            candidate = candidate.value if isinstance(candidate, nodes.Subscript) else candidate.expr
        if isinstance(candidate, nodes.Call):
            name = qualified_name(candidate.func)
            if name in DOWNLOADERS:
                return True
            if candidate.args and (name in ("builtins.open", "io.open", "io.BytesIO") or _is_read(candidate)):
                if _downloaded(candidate.args[0] if candidate.args else candidate.func, depth - 1):
                    return True
            if isinstance(candidate.func, nodes.Attribute) and _downloaded(candidate.func.expr, depth - 1):
                return True
    return False


def _is_read(call: nodes.Call) -> bool:
    return isinstance(call.func, nodes.Attribute) and call.func.attrname in ("read", "getvalue", "content")


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
