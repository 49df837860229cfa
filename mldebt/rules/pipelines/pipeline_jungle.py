import collections

from astroid import nodes

from mldebt.analysis.preparation import JOIN, preparation_step, reassigns_frame
from mldebt.analysis.scopes import code_scope, definition_range
from mldebt.analysis.storage import READ, FileAccess, file_access, read_back
from mldebt.rule import Option, Rule


class PipelineJungle(Rule):
    """## What it does
    Counts the ad-hoc data-preparation steps on data frames in each
    function, and in the module-level code: joins (`merge`, `join`,
    `pd.concat`, `pd.merge`), other frame operations (`groupby`, `apply`,
    `dropna`, `fillna`, `filter`, `rename`, `sort_values`, `sample`,
    `pivot`, `melt`, `query`, `assign`, `astype`, ...), a frame
    variable rebuilt from itself (`df = df[df.price > 0]`,
    `df = add_features(df)`), and intermediate files (a frame written and
    read back by the module). A scope with at least `min-steps` of them is
    reported once: at its `def` line, or at the first step of module-level
    code, with the counts. A `drop` of columns or rows is not a step of its
    own (it removes data and builds nothing); `df = df.drop(...)` still
    counts as the frame rebuilt from itself. In a notebook only its
    functions are counted: the code of its cells is an exploration, run and
    read one step at a time (on the primer, EDA and course notebooks whose
    features a project's modules implement), not the pipeline that runs.

    ## Why is this bad
    Sculley et al. (§5.2, pipeline jungles): data preparation grown one
    scrape, join and sampling step at a time, with intermediate files in
    between, ends up as a jungle that nobody can test as a whole, where
    errors are hard to find and recovering from a failure means re-running
    everything. Training and serving each need the same preparation, and a
    jungle cannot be shared, so it is written twice and drifts.

    ## Example
    ```python
    orders = pd.read_csv("exports/orders.csv")
    orders = orders.merge(customers, on="customer_id", how="left")
    orders = orders.dropna(subset=["amount"])
    orders.to_csv("tmp/orders_clean.csv", index=False)
    daily = pd.read_csv("tmp/orders_clean.csv").groupby("day").sum()
    ...  # and ten more steps like these
    ```

    ## Use instead
    Design the preparation as a pipeline: named, tested functions for each
    stage, chained in one place, with the fitted parts in a scikit-learn
    `Pipeline`/`ColumnTransformer`, and data passed between stages in
    memory or as declared, versioned datasets of an orchestrated pipeline.
    A scikit-learn pipeline's steps are not frame operations and are never
    counted.

    ## Options
    - `min-steps` (integer, default `10`): steps that make a scope a
      pipeline jungle. A focused preparation function (load, join two
      sources, clean, select) has five or six; ten means several stages are
      tangled in one place.
    """

    code = "MLD201"
    symbol = "pipeline-jungle"
    summary = "Scope with many ad-hoc data-preparation steps on data frames"
    node_types = (nodes.Call, nodes.Assign)
    options = (Option("min-steps", "int", 10, "Data-preparation steps that make a scope a pipeline jungle."),)

    def __init__(self, module, settings) -> None:
        super().__init__(module, settings)
        self._steps: dict[nodes.NodeNG, list[tuple[nodes.NodeNG, str]]] = collections.defaultdict(list)
        self._reassignments: dict[nodes.NodeNG, list[nodes.Assign]] = collections.defaultdict(list)
        self._files: list[FileAccess] = []

    def visit(self, node: nodes.Call | nodes.Assign) -> None:
        if isinstance(node, nodes.Assign):
            if reassigns_frame(node):
                self._reassignments[code_scope(node)].append(node)
            return
        step = preparation_step(node)
        if step is not None and not _drops_columns(node):
            self._steps[code_scope(node)].append((node, step))
        access = file_access(node)
        if access is not None:
            self._files.append(access)

    def finish(self) -> None:
        intermediate: dict[nodes.NodeNG, dict[int, FileAccess]] = collections.defaultdict(dict)
        writes = [access for access in self._files if access.mode != READ]
        reads = [access for access in self._files if access.mode == READ]
        for write, _ in read_back(writes, reads):
            intermediate[code_scope(write.node)][id(write.node)] = write
        with_steps = {id(node.statement()) for steps in self._steps.values() for node, _ in steps}
        for scope in {*self._steps, *self._reassignments, *intermediate}:
            if isinstance(scope, nodes.ClassDef):
                continue
            if isinstance(scope, nodes.Module) and self.module.notebook is not None:
                continue  # a notebook's cells are exploration read step by step, not a pipeline that runs
            steps = self._steps[scope]
            reassignments = [node for node in self._reassignments[scope] if id(node) not in with_steps]
            files = list(intermediate[scope].values())
            total = len(steps) + len(reassignments) + len(files)
            if total >= self.settings["min-steps"]:
                joins = sum(1 for _, kind in steps if kind == JOIN)
                first = min([node for node, _ in steps] + reassignments + [f.node for f in files], key=_position)
                self._report(scope, first, total, joins, len(files))

    def _report(self, scope: nodes.NodeNG, first: nodes.NodeNG, total: int, joins: int, files: int) -> None:
        details = [f"{joins} join{'s' if joins != 1 else ''}"] if joins else []
        if files:
            details.append(f"{files} intermediate file{'s' if files != 1 else ''}")
        counted = f"{total} data-preparation steps" + (f" ({', '.join(details)})" if details else "")
        advice = (
            f"{counted}; threshold {self.settings['min-steps']}: a pipeline jungle. Split it into named, tested "
            "stages chained in one place, and pass data between them in memory or as versioned datasets"
        )
        if isinstance(scope, nodes.FunctionDef):
            self.report_range(*definition_range(scope), f"`{scope.name}` has {advice}")
        else:
            self.report(first, f"module-level code has {advice}")


def _position(node: nodes.NodeNG) -> tuple[int, int]:
    return node.lineno, node.col_offset


def _drops_columns(call: nodes.Call) -> bool:
    return isinstance(call.func, nodes.Attribute) and call.func.attrname == "drop"
