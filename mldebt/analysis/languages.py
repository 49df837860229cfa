"""Other languages' runtimes driven from Python: external programs and in-process bridges.

``foreign_language(call)`` names the language a call hands work to, the
program or bridge that does it, and whether it runs in a process of its own
or inside this one (a bridge), or returns ``None``:

    subprocess.run(["Rscript", "fit.R"])         R, through `Rscript`
    os.system(f"spark-submit --master yarn {j}")  Spark (JVM), through `spark-submit`
    robjects.r("source('model.R')")              R, through rpy2
    JavaGateway()                                Java, through py4j

The command is read from the first list element, or from the first word of
each part of a shell string (``cd jobs && Rscript fit.R`` runs R), through
variables, ``+`` and ``shlex.split`` too. Programs are matched by their file
name, so ``/opt/R/bin/Rscript`` is R. Tooling (``git``, ``docker``,
``make``, ``ls``) is not a language runtime and is never named.
"""

from __future__ import annotations

import dataclasses
import re

from astroid import nodes

from mldebt.analysis.locations import location_text
from mldebt.analysis.names import may_be_one_of, qualified_name
from mldebt.analysis.values import bound_values

PROCESS_LAUNCHERS = frozenset(
    {
        "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
        "subprocess.Popen", "subprocess.getoutput", "subprocess.getstatusoutput", "os.system", "os.popen",
        "asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell",
    }
)
LANGUAGE_PROGRAMS = {
    "java": "Java",
    "Rscript": "R",
    "R": "R",
    "spark-submit": "Spark (JVM)",
    "spark-shell": "Spark (JVM)",
    "scala": "Scala",
    "julia": "Julia",
    "matlab": "MATLAB",
    "octave": "Octave",
    "octave-cli": "Octave",
}
BRIDGES = {
    "rpy2.robjects.r": ("R", "rpy2"),
    "rpy2.robjects.packages.importr": ("R", "rpy2"),
    "py4j.java_gateway.JavaGateway": ("Java", "py4j"),
    "py4j.java_gateway.launch_gateway": ("Java", "py4j"),
    "jpype.startJVM": ("Java", "JPype"),
    "matlab.engine.start_matlab": ("MATLAB", "the MATLAB engine"),
}
_R_OBJECT = "rpy2.robjects.r"
_CALLED_NAMES = frozenset(name.rsplit(".", 1)[-1] for name in PROCESS_LAUNCHERS | BRIDGES.keys())
_SHELL_SEPARATORS = re.compile(r"&&|\|\||[;|\n]")
_PREFIX_WORDS = frozenset({"exec", "nohup", "env", "time", "sudo"})
_EXECUTABLE_SUFFIXES = (".exe", ".cmd", ".bat")
_MAX_DEPTH = 6


@dataclasses.dataclass(frozen=True)
class ForeignCall:
    """A call that runs ``language`` code through ``through`` (a program, or a bridge when ``bridge``)."""

    language: str
    through: str
    bridge: bool


def foreign_language(call: nodes.Call) -> ForeignCall | None:
    """The other language a call hands work to, or ``None``."""
    function = call.func
    if isinstance(function, nodes.Subscript):
        # An R function looked up by name and called, as in robjects.r["source"]("model.R")
        return _r_bridge() if qualified_name(function.value) == _R_OBJECT else None
    if isinstance(function, nodes.Attribute) and isinstance(function.expr, nodes.Attribute) and (
        function.expr.attrname == "r" and qualified_name(function.expr) == _R_OBJECT
    ):
        return _r_bridge()  # robjects.r.source("model.R")
    if not may_be_one_of(call, _CALLED_NAMES):
        return None
    name = qualified_name(function)
    if name in BRIDGES:
        language, bridge = BRIDGES[name]
        return ForeignCall(language, bridge, bridge=True)
    if name not in PROCESS_LAUNCHERS:
        return None
    command = call.args[0] if call.args else _keyword(call, "args") or _keyword(call, "cmd")
    for program in programs(command) if command is not None else ():
        if program in LANGUAGE_PROGRAMS:
            return ForeignCall(LANGUAGE_PROGRAMS[program], f"`{program}`", bridge=False)
    return None


def _r_bridge() -> ForeignCall:
    language, bridge = BRIDGES[_R_OBJECT]
    return ForeignCall(language, bridge, bridge=True)


def _keyword(call: nodes.Call, name: str) -> nodes.NodeNG | None:
    return next((keyword.value for keyword in call.keywords or () if keyword.arg == name), None)


def programs(command: nodes.NodeNG, depth: int = _MAX_DEPTH) -> list[str]:
    """File names of the programs a command (argument list or shell string) starts."""
    if depth <= 0:
        return []
    if isinstance(command, (nodes.List, nodes.Tuple)):
        return _first_word(command.elts[0]) if command.elts else []
    if isinstance(command, nodes.BinOp) and command.op == "+" and isinstance(
        command.left, (nodes.List, nodes.Tuple, nodes.Name)
    ):
        return programs(command.left, depth - 1)
    if isinstance(command, nodes.Name):
        return [program for value in bound_values(command) for program in programs(value, depth - 1)]
    if isinstance(command, nodes.Call) and qualified_name(command.func) == "shlex.split" and command.args:
        return _first_word(command.args[0])
    text = location_text(command)
    if text is None:
        return []
    return [word for part in _SHELL_SEPARATORS.split(text) for word in _program_word(part)]


def _first_word(expr: nodes.NodeNG) -> list[str]:
    text = location_text(expr)
    return _program_word(text) if text is not None else []


def _program_word(part: str) -> list[str]:
    """The program a shell command part starts, skipping ``VAR=x`` settings and ``nohup``-style prefixes."""
    for word in part.split():
        if "=" in word or word in _PREFIX_WORDS:
            continue
        name = word.replace("\\", "/").rsplit("/", 1)[-1]
        for suffix in _EXECUTABLE_SUFFIXES:
            name = name.removesuffix(suffix)
        return [name]
    return []
