"""Where data is read from: the text of a location argument, and whether it is unstable.

``location_text(expr)`` rebuilds the visible text of a path or URL argument
from literals, f-strings, ``+``, ``%``, ``os.path.join``, ``pathlib.Path``
(also ``/``) and ``.format``, following names to what was bound to them; the
parts that come from parameters, configuration or the environment become
``{}``. ``unstable_reason(text)`` says why a location is unstable: a
hard-coded URL, an IP address, or an absolute path in someone's home folder.
A web API's endpoint and a base URL whose file name comes from elsewhere are
not data locations of their own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from astroid import nodes

from mldebt.analysis.names import qualified_name
from mldebt.analysis.apis import LOCATION_KEYWORDS, is_data_reader
from mldebt.analysis.values import attribute_values, bound_values, called_function, parameter_index
from mldebt.analysis.tree_index import descendants

HOLE = "{}"
_MAX_DEPTH = 12

_PATH_JOINS = frozenset({"os.path.join", "posixpath.join", "ntpath.join"})
_PATH_CLASSES = frozenset(
    {"pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.PurePosixPath",
     "pathlib.WindowsPath", "pathlib.PureWindowsPath"}
)
_TEXT_PRESERVING = frozenset({"builtins.str", "os.path.expanduser", "os.fspath", "os.path.abspath"})

# Web servers and object stores: the host of s3://bucket/key is the bucket.
_URL = re.compile(
    r"^(?P<scheme>https?|ftp|s3a?|gs|hdfs|abfss?|wasbs?|az)://(?P<host>\[[^\]]*\]|[^/:?#{}@]*)", re.IGNORECASE
)
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
_USER_PATH = re.compile(
    r"^(?:/home/[^/{}]+/|/Users/[^/{}]+/|~[/\\]|[A-Za-z]:[\\/]+Users[\\/]+)", re.IGNORECASE
)
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "[::1]", "::1"})


def location_text(
    expr: nodes.NodeNG, depth: int = _MAX_DEPTH, arguments: Mapping[str, nodes.NodeNG] | None = None
) -> str | None:
    """The literal text of a location expression, ``{}`` for unknown parts; ``None`` if no literal.

    ``arguments``: for a location inside a function, what a call passes for its parameters
    (``{"key": <'train'>}``); a parameter read there takes the text of that argument.
    """
    text = _text(expr, depth, arguments or {})
    return None if text is None or text.replace(HOLE, "") == "" else text


def _text(expr: nodes.NodeNG, depth: int, arguments: Mapping[str, nodes.NodeNG]) -> str | None:
    if depth <= 0:
        return None
    if isinstance(expr, nodes.Const):
        return expr.value if isinstance(expr.value, str) else None
    if isinstance(expr, nodes.JoinedStr):
        return "".join(_part(value, depth - 1, arguments) for value in expr.values)
    if isinstance(expr, nodes.FormattedValue):
        return _part(expr.value, depth - 1, arguments)
    if isinstance(expr, nodes.BinOp):
        if expr.op == "+":
            return _part(expr.left, depth - 1, arguments) + _part(expr.right, depth - 1, arguments)
        if expr.op == "/":
            return _part(expr.left, depth - 1, arguments) + "/" + _part(expr.right, depth - 1, arguments)
        if expr.op == "%":
            return _text(expr.left, depth - 1, arguments)
        return None
    if isinstance(expr, nodes.Name) and arguments and expr.name in arguments and _reads_parameter(expr):
        # The argument is an expression of the caller's module: its own names are followed there.
        return _text(arguments[expr.name], depth - 1, {})
    if isinstance(expr, (nodes.Name, nodes.Attribute)):
        values = bound_values(expr) if isinstance(expr, nodes.Name) else attribute_values(expr)
        return next((text for value in values if (text := _text(value, depth - 1, arguments)) is not None), None)
    if isinstance(expr, nodes.Call):
        return _call_text(expr, depth, arguments)
    return None


def _reads_parameter(name: nodes.Name) -> bool:
    scope, bindings = name.lookup(name.name)
    return (
        isinstance(scope, nodes.FunctionDef)
        and len(bindings) == 1
        and isinstance(bindings[0], nodes.AssignName)
        and bindings[0].parent is scope.args
    )


def _call_text(call: nodes.Call, depth: int, arguments: Mapping[str, nodes.NodeNG]) -> str | None:
    function = qualified_name(call.func)
    if function in _PATH_JOINS or function in _PATH_CLASSES:
        return "/".join(_part(arg, depth - 1, arguments) for arg in call.args) if call.args else None
    if function in _TEXT_PRESERVING and call.args:
        return _text(call.args[0], depth - 1, arguments)
    if isinstance(call.func, nodes.Attribute):
        if call.func.attrname == "format":
            return _text(call.func.expr, depth - 1, arguments)
        if call.func.attrname == "joinpath":
            parts = [call.func.expr, *call.args]
            return "/".join(_part(part, depth - 1, arguments) for part in parts)
        if call.func.attrname == "home" and qualified_name(call.func.expr) in _PATH_CLASSES:
            return "~"
    return None


def _part(expr: nodes.NodeNG, depth: int, arguments: Mapping[str, nodes.NodeNG]) -> str:
    text = _text(expr, depth, arguments)
    return HOLE if text is None else text


def is_remote(text: str) -> bool:
    """A URL of a web server or object store (``https://``, ``s3://``, ``gs://``, ``hdfs://``, ...)."""
    return bool(_URL.match(text))


def unstable_reason(text: str, *, in_tests: bool) -> str | None:
    """Why reading from ``text`` makes an unstable data dependency, or ``None``."""
    url = _URL.match(text)
    host = url.group("host").lower() if url else None
    if host is not None and host not in (HOLE, ""):
        if in_tests and host in LOCAL_HOSTS:
            return None
        if (
            _is_api_endpoint(text, host, url.end())
            or _file_chosen_elsewhere(text, url.end())
            or _immutable_file(text, host, url.end())
        ):
            return None
        return "the hard-coded URL"
    for address in _IPV4.findall(text):
        if all(int(part) <= 255 for part in address.split(".")) and not (
            in_tests and address in LOCAL_HOSTS
        ):
            return "the hard-coded IP address in"
    if _USER_PATH.match(text):
        return "the absolute user path"
    return None


def _is_api_endpoint(text: str, host: str, host_end: int) -> bool:
    """``https://api.github.com/...``, ``http://export.arxiv.org/api/query``: a service's API, not a data file.

    A request to an API asks a service a question (search, release
    metadata, a prediction); what it answers is the service's business, and
    pinning it to a snapshot is not possible. Data files are served from
    file paths.
    """
    path = text[host_end:].split("?", 1)[0].split("#", 1)[0]
    return host.split(".", 1)[0] == "api" or "api" in path.lower().split("/")


# A commit hash in the path pins the file (raw.githubusercontent.com/o/r/<sha>/..., a hub's resolve/<sha>/).
_COMMIT = re.compile(r"^[0-9a-f]{40}$")
# Archives whose numbered files never change once published: OpenML data files, Zenodo records.
_IMMUTABLE_BY_ID = (
    ("openml.org", re.compile(r"^/data/(?:get_csv|download)/\d+(?:/|$)")),
    ("zenodo.org", re.compile(r"^/records?/\d+/files/")),
)


def _immutable_file(text: str, host: str, host_end: int) -> bool:
    """The URL names one immutable version of a file: it is the snapshot a pin would point at."""
    path = text[host_end:].split("?", 1)[0].split("#", 1)[0]
    if any(_COMMIT.match(segment) for segment in path.split("/")):
        return True
    return any(
        (host == domain or host.endswith("." + domain)) and pattern.match(path) for domain, pattern in _IMMUTABLE_BY_ID
    )


def _file_chosen_elsewhere(text: str, host_end: int) -> bool:
    """``os.path.join(MIRROR, revision, name)``: only a base URL is literal, the file comes from the caller."""
    segments = [segment for segment in text[host_end:].split("?", 1)[0].split("/") if segment]
    return len(segments) >= 2 and segments[-1] == HOLE


def artifact_name(expr: nodes.NodeNG) -> str | None:
    """The file name an artifact is saved to or loaded from (``models/model.joblib`` -> ``model.joblib``).

    Follows a file handle back to the ``open(...)`` that made it
    (``with open(path, "wb") as handle: pickle.dump(model, handle)``).
    """
    for candidate in [expr, *(bound_values(expr) if isinstance(expr, nodes.Name) else [])]:
        if isinstance(candidate, nodes.Call) and qualified_name(candidate.func) in ("builtins.open", "io.open"):
            candidate = candidate.args[0] if candidate.args else candidate
        text = location_text(candidate)
        if text is not None:
            name = text.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
            return name if name and HOLE not in name else None
    return None


def location_arguments(call: nodes.Call) -> list[nodes.NodeNG]:
    """The arguments of a reader call that may name where it reads from."""
    return list(call.args[:1]) + [keyword.value for keyword in call.keywords or () if keyword.arg in LOCATION_KEYWORDS]


def reader_parameters(function: nodes.FunctionDef, depth: int = 2) -> dict[int, nodes.Call]:
    """Positions of the function's parameters that reach a data reader as its location, with that reader.

    ``def read_data(f): return pd.read_parquet(f)`` gives ``{0: pd.read_parquet(f)}``; a helper that hands
    the parameter to another helper of the project counts too, ``depth`` functions deep.
    """
    found: dict[int, nodes.Call] = {}
    for call in descendants(function, nodes.Call):
        if is_data_reader(qualified_name(call.func)):
            reaching = [(location, call) for location in location_arguments(call)]
        elif depth > 1 and (inner := called_function(call)) is not None and inner is not function:
            reaching = [
                (call.args[index], read)
                for index, read in reader_parameters(inner, depth - 1).items()
                if index < len(call.args)
            ]
        else:
            continue
        for location, read in reaching:
            index = parameter_index(location) if isinstance(location, nodes.Name) else None
            if index is not None:
                found.setdefault(index, read)
    return found
