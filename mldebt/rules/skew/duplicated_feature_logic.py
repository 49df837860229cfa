from mldebt.analysis.features import WHOLE_FRAME, Step
from mldebt.project import TRAINING, ProjectIndex, training_behind
from mldebt.rule import Rule

# Steps that are uses of shared objects, not computations written out.
_NOT_LOGIC = frozenset({"applied-transformer", "function", "fitted-transformer", "wall-clock"})


class DuplicatedFeatureLogic(Rule):
    """## What it does
    Flags a feature computation in serving code that is written out again,
    identically (up to variable names), in the project's training code,
    e.g. `REFERENCE_YEAR - df["year_built"]` in training and
    `REFERENCE_YEAR - payload["year_built"]` in serving.

    ## Why is this bad
    Two copies of one computation are consistent today and diverge at the
    first change made to only one of them: the classic start of train/serve
    skew (Sculley et al. §4, §5.4). It is reported as information: nothing
    is wrong yet.

    ## Example
    ```python
    # train.py
    df["age"] = REFERENCE_YEAR - df["year_built"]
    # serve.py
    age = REFERENCE_YEAR - payload["year_built"]
    ```

    ## Use instead
    One feature function in a module both import:
    ```python
    from house_prices.features import house_age
    ```

    ## Options
    None.
    """

    code = "MLD504"
    symbol = "duplicated-feature-logic"
    project_facts = frozenset({TRAINING})
    summary = "Feature computation written out separately in training and serving"
    severity = "info"

    def finish(self) -> None:
        found = training_behind(self.module)
        if found is None:
            return
        view, summaries = found
        index = ProjectIndex.for_file(self.module.path, self.module.settings)
        training = {
            step.expression: (summary, step)
            for summary in summaries
            for step in summary.steps
            if step.kind not in _NOT_LOGIC and "COL(" in step.expression
        }
        repeated = [step for step in view.steps if step.kind not in _NOT_LOGIC and step.expression in training]
        # A repeated computation inside a larger repeated one (`np.log1p(x)` in
        # `np.log1p(x) * 2`) is part of that copy, not a second one.
        copies = [step for step in repeated if not any(other.position.encloses(step.position) for other in repeated)]
        reported: set[str] = set()
        for step in copies:
            if step.expression in reported:
                continue
            reported.add(step.expression)
            summary, original = training[step.expression]
            where = index.place(summary.path, original.position.line)
            position = step.position
            self.report_range(
                position.line, position.column, position.end_line, position.end_column,
                f"this computation{_of_feature(original, step)} repeats the training code's ({where}); move it "
                "into one feature function that training and serving both import",
            )


def _of_feature(original: Step, copy: Step) -> str:
    """The feature computed, named as training names the column it creates (serving may name a source)."""
    feature = next((step.feature for step in (original, copy) if step.feature != WHOLE_FRAME), None)
    return f" of `{feature}`" if feature else ""
