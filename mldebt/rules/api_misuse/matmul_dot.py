from astroid import nodes

from mldebt.analysis.edits import operand_text, replace_node
from mldebt.analysis.names import call_name, may_be_one_of
from mldebt.analysis.receivers import array_ndim
from mldebt.finding import Fix
from mldebt.rule import Rule

# Where an expression can stand without parentheses around it.
_OPEN_CONTEXTS = (nodes.Assign, nodes.AnnAssign, nodes.AugAssign, nodes.Return, nodes.Expr, nodes.Keyword, nodes.List,
                  nodes.Tuple, nodes.Dict)

# Binary operators that bind less tightly than ``@``: ``a @ b + c`` needs no parentheses.
_LOOSER_OPERATORS = frozenset({"+", "-", "<<", ">>", "&", "^", "|"})


class MatmulDot(Rule):
    """## What it does
    Flags `np.dot(a, b)` when both operands are known to be 2-D arrays
    (`np.zeros((n, m))`, `x.reshape(-1, 1)`, `frame.to_numpy()`,
    `np.array([[...]])`, their transposes). Vectors, scalars and arrays of
    unknown shape are not flagged: `np.dot` of two vectors is an inner product.

    ## Why is this bad
    Zhang et al. 2022 (smell 9, "Matrix multiplication API misused"):
    `np.dot` means a different operation depending on its operands'
    dimensions (inner product, matrix product, sum-product over the last and
    second-to-last axes for N-D). For matrices, `a @ b` (`np.matmul`) says
    matrix product, reads like the formula and raises on a scalar operand
    instead of silently scaling.

    ## Example
    ```python
    weights = np.random.randn(n_features, n_hidden)
    hidden = np.dot(inputs.reshape(1, -1), weights)
    ```

    ## Use instead
    ```python
    hidden = inputs.reshape(1, -1) @ weights
    ```
    The fix rewrites the call to `a @ b`, with parentheses where the
    operands or the context need them.

    ## Options
    None.
    """

    code = "MLD810"
    symbol = "matmul-dot"
    summary = "`np.dot` on 2-D arrays instead of `@`"
    node_types = (nodes.Call,)

    def visit(self, node: nodes.Call) -> None:
        if len(node.args) != 2 or node.keywords or not may_be_one_of(node, ("dot",)):
            return
        if call_name(node) != "numpy.dot":
            return
        left, right = node.args
        if array_ndim(left) != 2 or array_ndim(right) != 2:
            return
        text = self.module.text
        product = f"{operand_text(text, left)} @ {operand_text(text, right)}"
        parent = node.parent
        standalone = (
            isinstance(parent, (*_OPEN_CONTEXTS, nodes.Compare))
            or isinstance(parent, nodes.Call) and parent.func is not node
            or isinstance(parent, nodes.BinOp) and parent.op in _LOOSER_OPERATORS
        )
        self.report(
            node,
            "`np.dot` of two matrices: write the matrix product as `a @ b` (`np.matmul`)",
            fix=Fix(edits=(replace_node(node, product if standalone else f"({product})"),)),
        )
