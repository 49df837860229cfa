from astroid import nodes

from mldebt.analysis.apis import KERAS_MODEL_LOADERS
from mldebt.analysis.autograd import own_callee
from mldebt.analysis.loops import Loop, innermost_loop, loop_nodes
from mldebt.analysis.names import call_name
from mldebt.analysis.receivers import KERAS_MODEL, kind_of
from mldebt.analysis.tensor_ops import KERAS_SESSION_RESETS
from mldebt.rule import Rule
from mldebt.analysis.tree_index import descendants


class MemoryNotFreed(Rule):
    """## What it does
    Flags a Keras model built inside a loop (`keras.Sequential(...)`,
    `keras.Model(inputs, outputs)`, a Keras application, a subclass of
    `keras.Model` of this module, or a helper of the module that returns
    one) when the loop never calls `keras.backend.clear_session()`.

    ## Why is this bad
    Zhang et al. 2022 (Z#12, memory not freed): Keras keeps every model,
    layer name and graph it has built in a global session. A sweep, a
    cross-validation or a retraining loop that builds a fresh model per
    iteration grows memory with each one until the process is killed, and
    the layer names keep changing (`dense_37`), which breaks weight loading
    by name.

    ## Example
    ```python
    for units in candidates:
        model = build_model(units)
        model.fit(features, target)
    ```

    ## Use instead
    ```python
    for units in candidates:
        keras.backend.clear_session()
        model = build_model(units)
        model.fit(features, target)
    ```
    Loops that only load saved models, models built once and trained in a
    loop, and models kept after the iteration (appended to an ensemble or
    stored in a dict) are not flagged; nor are PyTorch modules.

    ## Options
    None.
    """

    code = "MLD830"
    symbol = "memory-not-freed"
    summary = "Keras models built in a loop without clear_session()"
    node_types = (nodes.Call,)

    def visit(self, node: nodes.Call) -> None:
        loop = innermost_loop(node)
        if loop is None or kind_of(node) != KERAS_MODEL or call_name(node) in KERAS_MODEL_LOADERS:
            return
        if isinstance(node.func, nodes.Attribute) and call_name(node) is None:
            # A method of some object that returns a model (``model.clone()``): not a build we can see.
            return
        if _frees_session(loop) or _kept(node, loop):
            return
        helper = own_callee(node)
        if helper is not None and _resets(descendants(helper, nodes.Call)):
            return
        self.report(
            node,
            "a new Keras model is built on every iteration of the loop and the old ones stay in the Keras "
            "session; call `keras.backend.clear_session()` at the start of each iteration",
        )


def _resets(calls) -> bool:
    return any(call_name(call) in KERAS_SESSION_RESETS for call in calls)


def _frees_session(loop: Loop) -> bool:
    calls = [node for node in loop_nodes(loop) if isinstance(node, nodes.Call)]
    if _resets(calls):
        return True
    return any(
        helper is not None and _resets(descendants(helper, nodes.Call))
        for helper in (own_callee(call) for call in calls)
    )


def _kept(build: nodes.Call, loop: Loop) -> bool:
    """Does the model outlive its iteration: stored in a container, an attribute or yielded?"""
    if not isinstance(build.parent, nodes.Assign):
        return not isinstance(build.parent, (nodes.Expr,))
    targets = build.parent.targets
    if len(targets) != 1 or not isinstance(targets[0], nodes.AssignName):
        return True
    name = targets[0].name
    for node in loop_nodes(loop):
        if isinstance(node, nodes.Name) and node.name == name:
            parent = node.parent
            if isinstance(parent, (nodes.Yield, nodes.List, nodes.Tuple, nodes.Dict)):
                return True
            if isinstance(parent, nodes.Call) and isinstance(parent.func, nodes.Attribute):
                if parent.func.attrname in ("append", "extend", "add", "insert", "setdefault"):
                    return True
            if isinstance(parent, nodes.Assign) and parent.value is node:
                return True
    return False
