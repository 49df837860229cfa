import functools

from astroid import nodes

from mldebt.analysis.values import globals_rebound, module_constant
from mldebt.project import ASSIGNED_NAMES, ProjectIndex
from mldebt.rule import Option, Rule
from mldebt.analysis.tree_index import descendants

# Never a switch for an experiment: type-checking guards.
_NOT_EXPERIMENT_FLAGS = frozenset({"TYPE_CHECKING"})


class DeadExperimentalBranch(Rule):
    """## What it does
    Flags an `if` whose condition can never change: a constant (`if False:`,
    `if 0:`, `if True: ... else:`) or a module-level flag such as
    `USE_XGBOOST = False` that is assigned once and never reassigned
    anywhere in the project. The finding spans the `if` and the branch that
    can never run. A flag that guards several `if`s is one finding, on its
    first `if`, naming the others. A module that runs `exec(...)` or
    `globals().update(...)` at module level (a command-line configurator
    overriding the defaults) may rebind any flag, so its flags are not
    flagged.

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
    project_facts = frozenset({ASSIGNED_NAMES})

    def visit(self, node: nodes.If) -> None:
        verdict = self._constant_truth(node.test)
        if verdict is None:
            return
        truth, why = verdict
        dead = node.body if not truth else node.orelse
        if not dead:
            return
        others = self._other_branches_on_flag(node)
        if others is None:
            return
        keyword = "elif" if self._is_elif(node) else "if"
        where = "body" if not truth else "else branch"
        first, last = dead[0].fromlineno, dead[-1].tolineno
        lines = f"line {first}" if first == last else f"lines {first}-{last}"
        self.report(
            node,
            f"`{keyword} {node.test.as_string()}:` is always {truth}{why}, so its {where} "
            f"({lines}) never runs{others}; delete the experiment "
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
            if constant is not None and not self._globals_rebound and not self._reassigned_elsewhere(test.name):
                return (
                    bool(constant.value),
                    f" ({test.name} is set to {constant.value!r} on line {constant.lineno} "
                    "and never reassigned)",
                )
        return None

    def _other_branches_on_flag(self, node: nodes.If) -> str | None:
        """For the first ``if`` on a flag, the text naming the other ``if``s on it; ``None`` for the later ones.

        One switch is one decision to delete, so it is one finding however many branches it guards.
        """
        flag = _flag_name(node.test)
        if flag is None:
            return ""
        guarded = [
            other
            for other in descendants(self.module.tree, nodes.If)
            if _flag_name(other.test) == flag and self._constant_truth(other.test) is not None
        ]
        if guarded and guarded[0] is not node:
            return None
        rest = [str(other.lineno) for other in guarded[1:]]
        if not rest:
            return ""
        return f" (the flag also guards the `if` on line{'s' if len(rest) > 1 else ''} {', '.join(rest)})"

    @functools.cached_property
    def _globals_rebound(self) -> bool:
        return globals_rebound(self.module.tree)

    def _is_elif(self, node: nodes.If) -> bool:
        return self.module.lines[node.lineno - 1].lstrip().startswith("elif")

    def _is_experiment_flag(self, name: str) -> bool:
        return name not in _NOT_EXPERIMENT_FLAGS and name not in self.settings["allow"]

    def _reassigned_elsewhere(self, name: str) -> bool:
        """Does another file of the project assign to the flag (``config.USE_X = True``)?"""
        return ProjectIndex.for_file(self.module.path, self.module.settings).assigned_elsewhere(name, self.module.path)


def _flag_name(test: nodes.NodeNG) -> str | None:
    while isinstance(test, nodes.UnaryOp) and test.op == "not":
        test = test.operand
    return test.name if isinstance(test, nodes.Name) else None
