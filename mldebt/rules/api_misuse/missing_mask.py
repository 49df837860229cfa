from astroid import nodes

from mldebt.analysis.tensor_ops import is_log_call, is_log_function, probability_origin
from mldebt.rule import Rule


class MissingMask(Rule):
    """## What it does
    Flags the logarithm of a probability that is neither clipped nor shifted
    away from zero: `torch.log`, `tf.math.log`, `np.log` or `.log()` of the
    output of a sigmoid, a softmax or `predict_proba`, directly or through
    variables, indexing and `1 - p`.

    ## Why is this bad
    Zhang et al. 2022 (Z#15, mask missing): a saturated sigmoid or softmax
    returns exactly 0 (or 1) in floating point, `log(0)` is `-inf`, and the
    loss and every gradient after it become `nan`. The run diverges long
    after the cause, usually on the one batch nobody looks at.

    ## Example
    ```python
    probs = torch.sigmoid(logits)
    loss = -(targets * torch.log(probs) + (1 - targets) * torch.log(1 - probs)).mean()
    ```

    ## Use instead
    Use the library's log-space function, which is stable by construction,
    or clip the argument:
    ```python
    loss = F.binary_cross_entropy_with_logits(logits, targets)
    log_probs = F.log_softmax(scores, dim=-1)
    torch.log(probs.clamp(min=eps))
    ```
    A value clipped (`clamp`, `clip`, `maximum`), shifted by an epsilon
    (`p + eps`) or masked (`torch.where`) is not flagged, nor is the log of a
    value that is not known to be a probability.

    ## Options
    None.
    """

    code = "MLD811"
    symbol = "missing-mask"
    summary = "Log of a probability that is not clipped away from zero"
    node_types = (nodes.Call,)

    def visit(self, node: nodes.Call) -> None:
        argument = is_log_call(node)
        if argument is None:
            return
        origin = probability_origin(argument)
        if origin is None:
            return
        function = node.func.as_string() if is_log_function(node) else f".{node.func.attrname}"
        self.report(
            node,
            f"`{function}(...)` takes the log of the probability from `{origin.func.as_string()}(...)`, which "
            "can be exactly 0; use the log-space function (`log_softmax`, `logsigmoid`, a loss `with_logits`) "
            "or clip the value first (`p.clamp(min=eps)`)",
        )
