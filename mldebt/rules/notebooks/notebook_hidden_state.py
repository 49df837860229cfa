import functools
import math
import re

from astroid import nodes

from mldebt.rule import Rule
from mldebt.analysis.tree_index import descendants

# Names IPython defines in every kernel: output history (`_`, `_3`, `Out`), input history, shell helpers.
_IPYTHON_NAME = re.compile(r"_+|_i{1,3}|_i?\d+|_[ido]h|In|Out|get_ipython|display|exit|quit")


class NotebookHiddenState(Rule):
    """## What it does
    Flags a name that a notebook cell uses while it is first defined in a
    later cell: the cell only ran because an earlier session had already
    run the cell below. Names defined in an earlier cell or earlier in the
    same cell, imports, builtins, IPython's own names (`_`, `Out`) and
    names a magic brings in (`%run`, `%store -r`, `x = !ls`) are fine;
    code in function bodies runs when called and is not judged. After a
    `%run` or a `from module import *`, names cannot be told apart and the
    rest of the notebook is not checked. Reported once per name and cell.

    ## Why is this bad
    Sculley et al. (§5.5, prototype smell) and Yang et al. (2022): a
    notebook is read and rerun top to bottom, but it was run in whatever
    order its author clicked. A value used before the cell that defines it
    comes from hidden kernel state: Run All raises `NameError`, or worse,
    finds a stale value from an earlier, different run of that cell.

    ## Example
    ```python
    # cell 3
    model.fit(X_train, y_train)
    # cell 4
    model = GradientBoostingClassifier(random_state=SEED)
    ```

    ## Use instead
    Move the definition above its first use (here, create the model in
    cell 3 or before), then restart the kernel and run all cells to check
    that the notebook runs top to bottom.

    ## Options
    None.
    """

    code = "MLD902"
    symbol = "notebook-hidden-state"
    summary = "A notebook cell uses a name that only a later cell defines"
    node_types = (nodes.Name, nodes.AssignName)
    ml_modules_only = False
    notebooks_only = True

    def visit(self, node: nodes.Name | nodes.AssignName) -> None:
        if isinstance(node, nodes.AssignName) and not isinstance(node.parent, nodes.AugAssign):
            return  # a plain binding; `total += x` reads `total` too
        notebook = self.module.notebook
        cell = notebook.cell_at(node.lineno) if notebook else None
        first_cell = self._first_defining_cell.get(node.name)
        if cell is None or first_cell is None or first_cell <= cell.index:
            return
        if cell.index >= self._names_unknown_from or _IPYTHON_NAME.fullmatch(node.name):
            return
        if not _runs_with_its_cell(node) or _guarded_by_name_error(node) or _bound_in_inner_scope(node):
            return
        if ("name", node.name, cell.index) in self._reported:
            return
        self._reported.add(("name", node.name, cell.index))
        self.report(
            node,
            f"`{node.name}` is used in cell {cell.index} but first defined in cell {first_cell} below it: "
            "this cell only works with kernel state left by an earlier run, and Run All fails here; "
            "define it in this cell or above",
        )

    @functools.cached_property
    def _first_defining_cell(self) -> dict[str, int]:
        """For each module-level name, the first cell that binds it."""
        notebook = self.module.notebook
        first: dict[str, int] = {}
        for name, bindings in self.module.tree.locals.items():
            for binding in bindings:
                if isinstance(binding, nodes.AssignName) and isinstance(binding.parent, nodes.AugAssign):
                    continue
                cell = notebook.cell_at(binding.lineno) if binding.lineno else None
                if cell is not None and cell.index < first.get(name, cell.index + 1):
                    first[name] = cell.index
        return first

    @functools.cached_property
    def _names_unknown_from(self) -> float:
        """The first cell after which names may come from anywhere: a %run-like magic or a star import."""
        notebook = self.module.notebook
        cells = [cell.index for cell in notebook.cells if cell.defines_unknown_names]
        for statement in descendants(self.module.tree, nodes.ImportFrom):
            if any(name == "*" for name, _ in statement.names):
                cell = notebook.cell_at(statement.lineno)
                if cell is not None:
                    cells.append(cell.index)
        return min(cells, default=math.inf)


def _runs_with_its_cell(node: nodes.NodeNG) -> bool:
    """Not in the body of a function or lambda, which runs when called (defaults and decorators run now)."""
    child, parent = node, node.parent
    while parent is not None:
        if isinstance(parent, (nodes.FunctionDef, nodes.AsyncFunctionDef)) and child in parent.body:
            return False
        if isinstance(parent, nodes.Lambda) and child is parent.body:
            return False
        child, parent = parent, parent.parent
    return True


def _guarded_by_name_error(node: nodes.NodeNG) -> bool:
    """``try: model except NameError: model = train()`` tests deliberately whether an earlier run left it."""
    child, parent = node, node.parent
    while parent is not None:
        if isinstance(parent, nodes.Try) and child in parent.body:
            for handler in parent.handlers:
                caught = handler.type
                names = caught.elts if isinstance(caught, nodes.Tuple) else [caught]
                if any(isinstance(name, nodes.Name) and name.name == "NameError" for name in names):
                    return True
        child, parent = parent, parent.parent
    return False


def _bound_in_inner_scope(node: nodes.NodeNG) -> bool:
    """A comprehension variable or a class attribute of the same name shadows the module's."""
    scope, _ = node.lookup(node.name)
    return not isinstance(scope, nodes.Module)
