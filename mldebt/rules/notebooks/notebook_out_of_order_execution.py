from mldebt.rule import Rule


class NotebookOutOfOrderExecution(Rule):
    """## What it does
    Flags a saved notebook whose code cells' execution counts (the `[3]` of
    `In [3]`) do not increase from top to bottom: a cell was run after a
    cell below it, or again after a kernel restart. It reports once per
    notebook, at the first cell that ran out of order, with how many did.
    Unexecuted cells are skipped, so an unexecuted notebook and a clean
    Run All (counts 1, 2, 3, ... possibly with gaps) are quiet.

    ## Why is this bad
    Sculley et al. (§5.5, prototype smell): results produced in a notebook
    become the basis for decisions and for the production pipeline. Saved
    outputs from an out-of-order run depend on kernel state that the
    notebook, read or run top to bottom, does not recreate: the scores in
    it are not reproducible by anyone who runs it.

    ## Example
    ```text
    In [4]: X_train, X_test, y_train, y_test = train_test_split(X, y)
    In [2]: model.fit(X_train, y_train)      # ran before the split above it
    ```

    ## Use instead
    Restart the kernel and run all cells (Kernel > Restart & Run All)
    before saving or sharing, or clear the outputs; in CI, execute the
    notebook top to bottom (`jupyter nbconvert --execute`) instead of
    trusting its saved outputs.

    ## Options
    None.
    """

    code = "MLD901"
    symbol = "notebook-out-of-order-execution"
    summary = "A saved notebook whose code cells were run out of top-to-bottom order"
    ml_modules_only = False
    notebooks_only = True

    def finish(self) -> None:
        notebook = self.module.notebook
        if notebook is None:
            return
        latest = None  # the cell above with the highest execution count so far
        out_of_order = []
        for cell in notebook.cells:
            if cell.execution_count is None:
                continue
            if latest is not None and cell.execution_count <= latest.execution_count:
                out_of_order.append((cell, latest))
            elif latest is None or cell.execution_count > latest.execution_count:
                latest = cell
        # A finding needs a line of Python: a %%bash cell that ran out of order is reported at the cell it ran after.
        for cell, above in out_of_order:
            shown = cell if cell.line_count else above if above.line_count else None
            if shown is None:
                continue
            others = f" ({len(out_of_order)} cells ran out of order)" if len(out_of_order) > 1 else ""
            first_line = notebook.source_lines[shown.first_line - 1]
            self.report_range(
                shown.first_line,
                0,
                shown.first_line,
                len(first_line),
                f"cell {cell.index} ran as In [{cell.execution_count}] after cell {above.index} above it ran as "
                f"In [{above.execution_count}]{others}: the saved results come from a run that Run All would not "
                "repeat; restart the kernel and run all cells before saving",
            )
            return
