from astroid import nodes

from mldebt.analysis.receivers import TORCH_MODULE, kind_of
from mldebt.finding import Edit, Fix
from mldebt.rule import Rule


class ForwardCall(Rule):
    """## What it does
    Flags `net.forward(x)` on a PyTorch `nn.Module` other than `self`:
    a module of the library (`nn.Linear(...)`), an instance of the module's
    own `nn.Module` subclasses, or an attribute or parameter holding one.

    ## Why is this bad
    Zhang et al. 2022 (Z#19, forward bypassing): `net(x)` runs
    `nn.Module.__call__`, which calls `forward` and also the registered
    forward hooks and pre-hooks (used by pruning, quantisation observers,
    feature extraction, profilers and some distributed wrappers). Calling
    `forward` directly skips them silently.

    ## Example
    ```python
    logits = model.forward(batch)
    ```

    ## Use instead
    ```python
    logits = model(batch)
    ```
    `self.forward(...)`, `super().forward(...)` and the unbound parent call
    `Base.forward(self, ...)` inside a subclass are how a module's own code
    reaches its `forward` and are not flagged; nor is `forward` on anything
    not known to be a PyTorch module (an OpenCV `dnn` net, a class of your
    own). `mldebt check --fix` rewrites `net.forward(x)` to `net(x)`.

    ## Options
    None.
    """

    code = "MLD821"
    symbol = "forward-call"
    summary = "nn.Module called through .forward() instead of directly"
    node_types = (nodes.Call,)

    def visit(self, node: nodes.Call) -> None:
        function = node.func
        if not isinstance(function, nodes.Attribute) or function.attrname != "forward":
            return
        receiver = function.expr
        if isinstance(receiver, nodes.Name) and receiver.name == "self" or kind_of(receiver) != TORCH_MODULE:
            return
        edit = self._drop_forward(function)
        self.report(
            node,
            f"`{receiver.as_string()}.forward(...)` skips the module's forward hooks; "
            f"call the module itself: `{receiver.as_string()}(...)`",
            fix=Fix(edits=(edit,), safe=True) if edit is not None else None,
        )

    def _drop_forward(self, function: nodes.Attribute) -> Edit | None:
        """Delete ``.forward`` (the dot through the name) when it sits on one line."""
        line = function.end_lineno
        end = function.end_col_offset
        if line is None or end is None or line > len(self.module.lines):
            return None
        text = self.module.lines[line - 1].encode("utf-8")
        start = end - len("forward")
        if text[start:end] != b"forward":
            return None
        dot = start - 1
        while dot >= 0 and text[dot : dot + 1] in (b" ", b"\t"):
            dot -= 1
        if dot < 0 or text[dot : dot + 1] != b".":
            return None
        return Edit(line, dot, line, end, "")
