from astroid import nodes
from astroid.const import Context

from mldebt.analysis.api_kinds import LABEL_ENCODER_CLASSES, TARGET_COLUMN_NAMES
from mldebt.analysis.receivers import DATAFRAME, constructed_class, kind_of
from mldebt.rule import Rule
from mldebt.analysis.tree_index import descendants

_ENCODING_METHODS = frozenset({"fit_transform", "transform"})


class LabelEncoderOnFeatures(Rule):
    """## What it does
    Flags a scikit-learn `LabelEncoder` whose output is written into a
    DataFrame's feature column: `df[col] = encoder.fit_transform(df[col])`
    (a loop over categorical columns included) and
    `df[cols].apply(LabelEncoder().fit_transform)`. Encoding the target
    (`y = encoder.fit_transform(df["label"])`, a column named like a target
    such as `"label"` or `"target"`) is what it is for and is not flagged.

    ## Why is this bad
    `LabelEncoder` is documented for targets only. On a feature it invents an
    order (alphabetical codes 0, 1, 2...) that linear models, distance-based
    models and neural networks read as magnitudes; it takes one column and
    no `handle_unknown`, so serving a category unseen in training raises, and
    one encoder reused for several columns keeps only the last one's mapping.

    ## Example
    ```python
    encoder = LabelEncoder()
    for column in ["city", "device"]:
        frame[column] = encoder.fit_transform(frame[column])
    ```

    ## Use instead
    `OneHotEncoder(handle_unknown="ignore")` for nominal features, or
    `OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)`
    for tree models, inside a `ColumnTransformer`.

    ## Options
    None.
    """

    code = "MLD815"
    symbol = "label-encoder-on-features"
    summary = "`LabelEncoder` applied to feature columns"
    node_types = (nodes.Call,)

    def visit(self, node: nodes.Call) -> None:
        function = node.func
        if not isinstance(function, nodes.Attribute):
            return
        if function.attrname in _ENCODING_METHODS and constructed_class(function.expr) in LABEL_ENCODER_CLASSES:
            target = _assigned_column(node)
            if target is not None and kind_of(target.value) == DATAFRAME and not _is_target_column(target.slice):
                self.report(node, _MESSAGE)
        elif function.attrname == "apply" and kind_of(function.expr) == DATAFRAME and node.args:
            encoder = node.args[0]
            if (
                isinstance(encoder, nodes.Attribute)
                and encoder.attrname == "fit_transform"
                and constructed_class(encoder.expr) in LABEL_ENCODER_CLASSES
            ):
                self.report(node, _MESSAGE)


_MESSAGE = (
    "`LabelEncoder` is meant for targets: encode feature columns with `OneHotEncoder` or `OrdinalEncoder` "
    "(with `handle_unknown`) in a `ColumnTransformer`"
)


def _assigned_column(call: nodes.Call) -> nodes.Subscript | None:
    """``frame[col]`` when the call's value is assigned to a column."""
    assignment = call.parent
    if not isinstance(assignment, nodes.Assign) or len(assignment.targets) != 1:
        return None
    target = assignment.targets[0]
    return target if isinstance(target, nodes.Subscript) and target.ctx == Context.Store else None


def _is_target_column(key: nodes.NodeNG) -> bool:
    if isinstance(key, nodes.Const) and isinstance(key.value, str):
        return key.value.lower() in TARGET_COLUMN_NAMES or _named_target(key)
    if isinstance(key, nodes.Name):
        lowered = key.name.lower()
        return lowered.startswith("y") or "target" in lowered or "label" in lowered
    return True  # a key we cannot read may name the target: stay quiet


def _named_target(key: nodes.Const) -> bool:
    """Is the column read into a name like ``y``/``target`` or passed as ``y`` elsewhere in the module?"""
    for subscript in descendants(key.root(), nodes.Subscript):
        if not (isinstance(subscript.slice, nodes.Const) and subscript.slice.value == key.value):
            continue
        holder = subscript.parent
        if isinstance(holder, nodes.Assign):
            for target in holder.targets:
                if isinstance(target, nodes.AssignName) and target.name.lower().startswith(("y", "target", "label")):
                    return True
    return False
