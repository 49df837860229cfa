import os
import re

from astroid import nodes

from mldebt.analysis.values import module_constant
from mldebt.project_files import project_root, project_sources
from mldebt.rule import Option, Rule

# Never a switch for an experiment: type-checking guards.
_NOT_EXPERIMENT_FLAGS = frozenset({"TYPE_CHECKING"})


class DeadExperimentalBranch(Rule):
    """## What it does
    Flags an `if` whose condition can never change: a constant (`if False:`,
    `if 0:`, `if True: ... else:`) or a module-level flag such as
    `USE_XGBOOST = False` that is assigned once and never reassigned
    anywhere in the project. The finding spans the `if` and the branch that
    can never run.

    ## Why is this bad
    Sculley et al. (§5.3, dead experimental codepaths): experiments left
    behind a switch accumulate. Each dead branch still has to be read,
    kept compiling and reasoned about, and an accidental flip runs code that
    has not been tested in years (Sculley's example cost a company $465
    million).

    ## Example
    ```python
    USE_XGBOOST = False

    if USE_XGBOOST:
        model = XGBRegressor(n_estimators=800)
    else:
        model = GradientBoostingRegressor()
    ```

    ## Use instead
    Delete the experiment (version control remembers it), or make the
    switch real configuration read from the command line, a config file or
    the environment.

    ## Options
    - `allow` (list of names, default `["DEBUG"]`): module-level flags that
      are meant to be edited by hand, such as `DEBUG`.
    """

    code = "MLD701"
    symbol = "dead-experimental-branch"
    summary = "Branch behind a constant or a never-changed module-level flag"
    node_types = (nodes.If,)
    options = (Option("allow", "str-list", ("DEBUG",), "Module-level flags meant to be edited by hand."),)
    ml_modules_only = False

    def visit(self, node: nodes.If) -> None:
        verdict = self._constant_truth(node.test)
        if verdict is None:
            return
        truth, why = verdict
        dead = node.body if not truth else node.orelse
        if not dead:
            return
        keyword = "elif" if self._is_elif(node) else "if"
        where = "body" if not truth else "else branch"
        first, last = dead[0].fromlineno, dead[-1].tolineno
        lines = f"line {first}" if first == last else f"lines {first}-{last}"
        self.report(
            node,
            f"`{keyword} {node.test.as_string()}:` is always {truth}{why}, so its {where} "
            f"({lines}) never runs; delete the experiment "
            "or read the switch from configuration",
            end=dead[-1],
        )

    def _constant_truth(self, test: nodes.NodeNG) -> tuple[bool, str] | None:
        if isinstance(test, nodes.UnaryOp) and test.op == "not":
            inner = self._constant_truth(test.operand)
            return None if inner is None else (not inner[0], inner[1])
        if isinstance(test, nodes.Const):
            return bool(test.value), ""
        if isinstance(test, nodes.Name) and self._is_experiment_flag(test.name):
            constant = module_constant(test)
            if constant is not None and not self._reassigned_elsewhere(test.name):
                return (
                    bool(constant.value),
                    f" ({test.name} is set to {constant.value!r} on line {constant.lineno} "
                    "and never reassigned)",
                )
        return None

    def _is_elif(self, node: nodes.If) -> bool:
        return self.module.lines[node.lineno - 1].lstrip().startswith("elif")

    def _is_experiment_flag(self, name: str) -> bool:
        return name not in _NOT_EXPERIMENT_FLAGS and name not in self.settings["allow"]

    def _reassigned_elsewhere(self, name: str) -> bool:
        """Does another file of the project assign to the flag (``config.USE_X = True``)?"""
        here = os.path.abspath(self.module.path) if self.module.path else ""
        root = project_root(os.path.dirname(here) or ".")
        assignment = re.compile(
            rf"(?<![\w]){re.escape(name)}\s*(?::[^=\n]+)?=(?!=)|setattr\([^)\n]*['\"]{re.escape(name)}['\"]"
        )
        return any(path != here and assignment.search(text) for path, text in project_sources(root))
