import re
from collections.abc import Iterable

from astroid import nodes

from mldebt.analysis.apis import DATA_READER_PREFIXES, FIT_METHODS, METADATA_ATTRIBUTES, TRAINING_FUNCTIONS
from mldebt.analysis.names import call_label, call_name, may_be_one_of
from mldebt.analysis.values import trace
from mldebt.rule import Rule
from mldebt.analysis.tree_index import descendants

# ``# In[ ]:`` and ``# In[12]:``, as ``jupyter nbconvert --to script`` writes them.
_CELL_MARKER = re.compile(r"^#\s*In\s*\[[\s\d]*\]:")
_ANY_CELL_MARKER = re.compile(r"#\s*In\s*\[")
_IPYTHON_FUNCTIONS = {
    "get_ipython": frozenset({"IPython.get_ipython", "IPython.core.getipython.get_ipython"}),
    "display": frozenset({"IPython.display.display", "IPython.core.display.display"}),
}
_TRAINING_FUNCTION_NAMES = frozenset(name.rsplit(".", 1)[-1] for name in TRAINING_FUNCTIONS)
# ``if is_notebook():``, ``if in_colab():``: code that checks where it runs supports notebooks on purpose.
_ENVIRONMENT_CHECK = re.compile(r"^_?(is|in|running)_?(notebook|jupyter|ipython|colab|kaggle)", re.IGNORECASE)
# ``if debug:``, ``if args.smoke_test:``: a sample read only in an explicit debug mode.
_DEBUG_SWITCH = re.compile(r"debug|smoke|dry_?run|fast_dev|quick_?run", re.IGNORECASE)


class PrototypeCode(Rule):
    """## What it does
    Flags notebook leftovers in a `.py` module: `get_ipython()` calls,
    `display(...)` calls (IPython's, or a `display` the module never
    defines), `# In[ ]:` / `# In[12]:` markers of a notebook export
    (reported once, at the first marker, with the count), and training on a
    truncated sample: a `read_csv(..., nrows=N)` or `.head(N)` whose rows
    reach a `fit`. Test files and notebooks themselves are not checked.
    Deliberate notebook support is not flagged: IPython imported inside a
    function, or used under an `if is_notebook():`-style check. Neither is
    a chosen window of a file (`skiprows=` with `nrows=`) nor a sample read
    only under a debug switch (`if debug:`, `if args.smoke_test:`).

    ## Why is this bad
    Sculley et al. (§5.5, the prototype smell): code that was written to try
    an idea on a small sample, in a notebook, ends up as the production
    pipeline. It only runs inside IPython, depends on cell order, and trains
    on the first few thousand rows that were enough for the demo, so the
    model in production is not the one anybody evaluated.

    ## Example
    ```python
    # In[3]:
    df = pd.read_csv("data/transactions.csv", nrows=5000)
    display(df.describe())
    model.fit(df[FEATURES], df["label"])
    ```

    ## Use instead
    Turn the notebook into a module deliberately: remove the IPython calls
    and export markers, log summaries instead of displaying them, and read
    the full data, or make the sample size an explicit, logged setting
    (`nrows=config.sample_rows`). Jupytext-style `# %%` cells are a
    deliberate format and are not flagged.

    ## Options
    None.
    """

    code = "MLD104"
    symbol = "prototype-code"
    summary = "Notebook leftovers or training on a truncated sample in a Python module"
    node_types = (nodes.Call,)

    def __init__(self, module, settings) -> None:
        super().__init__(module, settings)
        self._active = not module.is_test_file and not module.path.endswith(".ipynb")
        self._fits: list[nodes.Call] = []

    def visit(self, node: nodes.Call) -> None:
        if not self._active:
            return
        leftover = _notebook_function(node)
        if leftover is not None:
            self.report(
                node,
                f"`{leftover}(...)` only works inside IPython/Jupyter: a notebook leftover in a Python module; "
                "log or return the value instead",
            )
        elif _is_fit(node):
            self._fits.append(node)

    def finish(self) -> None:
        if not self._active:
            return
        self._report_cell_markers()
        reported: set[int] = set()
        for fit in self._fits:
            for truncation, shown, rows in _truncations(fit):
                if id(truncation) not in reported:
                    reported.add(id(truncation))
                    self.report(
                        truncation,
                        f"{shown} keeps only the first {rows} rows, and they reach `{call_label(fit)}` "
                        f"on line {fit.lineno}: the model trains on a prototype's sample; read the full data or "
                        "make the sample size a configured, logged setting",
                    )

    def _report_cell_markers(self) -> None:
        if not _ANY_CELL_MARKER.search(self.module.text):
            return  # spares tokenising the module for its comments
        markers = [comment for comment in self.module.own_line_comments if _CELL_MARKER.match(comment.text)]
        if markers:
            first = markers[0]
            count = len(markers)
            self.report_range(
                first.line,
                first.column,
                first.line,
                first.column + len(first.text),
                f"this module is an exported notebook: {count} `# In[ ]:` cell marker{'s' if count > 1 else ''}; "
                "turn it into functions run in a fixed order, or keep it as a notebook",
            )


def _notebook_function(call: nodes.Call) -> str | None:
    """``get_ipython`` or ``display`` when the call is IPython's, or a name the module never binds.

    Deliberate notebook support is not a leftover: IPython imported inside a
    function (where it is used only when present), or a call under an
    ``if is_notebook():``-style environment check.
    """
    if not isinstance(call.func, nodes.Name) or call.func.name not in _IPYTHON_FUNCTIONS:
        return None
    name = call.func.name
    _, bindings = call.func.lookup(name)
    if bindings and call_name(call) not in _IPYTHON_FUNCTIONS[name]:
        return None
    if any(not isinstance(binding.scope(), nodes.Module) for binding in bindings) or _under(call, _ENVIRONMENT_CHECK):
        return None
    return name


def _under(node: nodes.NodeNG, condition: re.Pattern) -> bool:
    """Is ``node`` in the body of an ``if`` whose condition names something matching ``condition``?"""
    for ancestor in node.node_ancestors():
        parent = ancestor.parent
        if isinstance(parent, nodes.If) and ancestor in parent.body and _names_match(parent.test, condition):
            return True
    return False


def _names_match(test: nodes.NodeNG, condition: re.Pattern) -> bool:
    for part in (test, *descendants(test, (nodes.Name, nodes.Attribute))):
        name = part.name if isinstance(part, nodes.Name) else part.attrname if isinstance(part, nodes.Attribute) else None
        if name is not None and condition.search(name):
            return True
    return False


def _is_fit(call: nodes.Call) -> bool:
    if isinstance(call.func, nodes.Attribute) and call.func.attrname in FIT_METHODS:
        return bool(call.args or call.keywords)
    return may_be_one_of(call, _TRAINING_FUNCTION_NAMES) and call_name(call) in TRAINING_FUNCTIONS


def _truncations(fit: nodes.Call) -> Iterable[tuple[nodes.Call, str, int]]:
    """Reads with a literal ``nrows=`` and literal ``.head(n)`` calls whose rows reach ``fit``."""
    arguments = [*fit.args, *(keyword.value for keyword in fit.keywords or ())]
    for argument in arguments:
        for node in trace(argument, _data_origins):
            if isinstance(node, nodes.Call):
                truncated = _truncated_rows(node)
                if truncated is not None and not _under(node, _DEBUG_SWITCH):
                    yield node, *truncated


def _truncated_rows(call: nodes.Call) -> tuple[str, int] | None:
    """How a message shows the truncating call, and how many rows it keeps."""
    if isinstance(call.func, nodes.Attribute) and call.func.attrname == "head":
        if not call.args and not call.keywords:
            return "`.head()`", 5
        count = call.args[0] if call.args else call.keywords[0].value
        return (f"`.head({count.value})`", count.value) if _is_count(count) else None
    if not _is_reader(call):
        return None
    if any(keyword.arg == "skiprows" for keyword in call.keywords or ()):
        return None  # skiprows with nrows reads a chosen window of the file, not its first rows
    for keyword in call.keywords or ():
        if keyword.arg in ("nrows", "n_rows") and _is_count(keyword.value):
            return f"`{call.func.as_string()}(..., {keyword.arg}={keyword.value.value})`", keyword.value.value
    return None


def _is_reader(call: nodes.Call) -> bool:
    if isinstance(call.func, nodes.Attribute) and not call.func.attrname.startswith("read_"):
        return False
    name = call_name(call)
    return name is not None and name.startswith(DATA_READER_PREFIXES)


def _is_count(node: nodes.NodeNG) -> bool:
    return isinstance(node, nodes.Const) and isinstance(node.value, int) and not isinstance(node.value, bool)


def _data_origins(node: nodes.NodeNG) -> Iterable[nodes.NodeNG]:
    """Where the rows of a value come from: the frame it is taken from and the data a call is given."""
    if isinstance(node, nodes.Subscript):
        return (node.value,)
    if isinstance(node, nodes.Attribute):
        return () if node.attrname in METADATA_ATTRIBUTES else (node.expr,)
    if isinstance(node, nodes.Call):
        if _is_reader(node):
            return ()  # a reader's arguments are a location and options, not rows
        origins = [*node.args, *(keyword.value for keyword in node.keywords or ())]
        if isinstance(node.func, nodes.Attribute):
            origins.insert(0, node.func.expr)
        return origins
    if isinstance(node, nodes.BinOp):
        return (node.left, node.right)
    if isinstance(node, (nodes.Tuple, nodes.List)):
        return node.elts
    if isinstance(node, (nodes.NamedExpr, nodes.Starred)):
        return (node.value,)
    return ()
