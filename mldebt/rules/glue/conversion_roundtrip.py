from astroid import nodes

from mldebt.analysis.conversions import ARRAY, DICT, FRAME, LIST, TENSOR, conversion, undone_conversion
from mldebt.analysis.names import call_label
from mldebt.rule import Rule

# JSON round trips (``json.loads(json.dumps(obj))``) make values JSON-safe; they are not ML glue.
_DATA_REPRESENTATIONS = frozenset({FRAME, ARRAY, TENSOR, LIST, DICT})


class ConversionRoundtrip(Rule):
    """## What it does
    Flags data converted from one representation to another and straight
    back in the same scope: DataFrame -> ndarray -> DataFrame, tensor ->
    ndarray -> tensor, list -> ndarray -> list, dict -> DataFrame -> dict.
    The value is followed through variables and through steps that keep
    the same data (indexing, `.copy()`, `.reshape()`, `.cpu()`,
    `.detach()`); the finding is at the conversion back and names the line
    of the first conversion.

    ## Why is this bad
    Sculley et al. (§5.1, glue code): a round trip does no work for the
    model. It copies the data twice, drops what the intermediate form
    cannot hold (column names, index, dtypes, device, gradients) and then
    rebuilds it by hand, which is where column orders and dtypes silently
    drift.

    ## Example
    ```python
    values = frame[FEATURES].to_numpy()
    frame = pd.DataFrame(values, columns=FEATURES)
    ```

    ## Use instead
    Stay in one representation: select, copy or cast the DataFrame (or
    tensor) directly, and convert once, at the boundary where another
    library needs a different one.
    ```python
    frame = frame[FEATURES].copy()
    ```
    Data that was changed between the two conversions (by a model, by
    arithmetic, by an in-place update such as `values[:, 0] = ...`) is not
    a round trip and is not flagged; neither are JSON round trips, which
    make values JSON-safe.

    ## Options
    None.
    """

    code = "MLD102"
    symbol = "conversion-roundtrip"
    summary = "Data converted to another representation and straight back"
    node_types = (nodes.Call, nodes.Attribute)

    def visit(self, node: nodes.Call | nodes.Attribute) -> None:
        back = conversion(node)
        if back is None or back.target not in _DATA_REPRESENTATIONS:
            return
        first = undone_conversion(back)
        if first is None or first.target not in _DATA_REPRESENTATIONS:
            return
        kind, via = back.target, first.target
        self.report(
            node,
            f"round trip {kind} -> {via} -> {kind}: `{call_label(first.node)}` on line {first.node.lineno} "
            f"made this data {_article(via)} and `{call_label(node)}` turns it back into {_article(kind)}; "
            "stay in one representation and convert once, where another library needs it",
        )


def _article(kind: str) -> str:
    return f"an {kind}" if kind == "ndarray" else f"a {kind}"
