"""Data files a module writes and reads, and whether a write is read back.

``file_access(call)`` says whether a call writes or reads a data file and
which expression names the file:

    frame.to_csv(path)        write   to_parquet, to_pickle, to_feather, to_json, to_excel, to_hdf, to_orc
    pd.read_csv(path)         read    read_parquet, read_pickle, read_feather, read_json, read_excel, ...
    np.save(path, array)      write   np.savez, np.savez_compressed, np.savetxt, array.tofile(path)
    np.load(path)             read    np.loadtxt, np.genfromtxt, np.fromfile
    frame.write_parquet(p)    write   polars write_*; polars read_*/scan_* read
    json.dump(obj, f)         write   when ``f`` is ``open(path, "w")``, directly or through ``with ... as f``
    json.load(f)              read    when ``f`` is ``open(path)``

``same_file(a, b)`` compares two such expressions: they name the same file
when they rebuild to the same literal path (``locations.location_text``:
``"tmp/x.csv"``, ``os.path.join("tmp", "x.csv")`` and ``Path("tmp") / "x.csv"``
agree), or when they are the same expression over the same variables (the
same ``path`` variable, ``TMP / "x.csv"`` with the same ``TMP``).
``read_back(writes, reads)`` pairs each write with the reads of its file that
come after it in the module: an intermediate file.

Model artifacts (``joblib``, ``pickle``, ``torch.save``) are left out on
purpose: saving a model and loading it elsewhere is what they are for.
In-memory buffers (``io.StringIO``, ``io.BytesIO``) are not files.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import posixpath

from astroid import nodes

from mldebt.analysis.apis import DATA_READER_PREFIXES, LOCATION_KEYWORDS, SAVE_METHODS, is_artifact_save
from mldebt.analysis.features import Position
from mldebt.analysis.locations import HOLE, artifact_name, location_text, reader_parameters
from mldebt.analysis.names import call_label, qualified_name
from mldebt.analysis.values import bound_values, called_function, called_method
from mldebt.analysis.tree_index import descendants

WRITE, READ = "write", "read"

_WRITE_METHODS = frozenset(
    {
        "to_csv", "to_parquet", "to_pickle", "to_feather", "to_json", "to_excel", "to_hdf", "to_orc",
        "to_stata", "tofile", "write_csv", "write_parquet", "write_ipc", "write_json", "write_ndjson",
        "write_avro", "write_excel",
    }
)
_WRITE_FUNCTIONS = frozenset({"numpy.save", "numpy.savez", "numpy.savez_compressed", "numpy.savetxt"})
_READ_FUNCTIONS = frozenset(
    {"numpy.load", "numpy.loadtxt", "numpy.genfromtxt", "numpy.fromfile", "pyarrow.parquet.read_table"}
)
# Readers that take a location but do not read a file written by this code.
_NOT_FILE_READERS = frozenset({"pandas.read_sql", "pandas.read_sql_query", "pandas.read_sql_table", "pandas.read_gbq"})
_JSON_MODULES = ("json", "ujson", "simplejson")
_OPEN = frozenset({"builtins.open", "io.open"})
_ACCESS_NAMES = _WRITE_METHODS | {
    name.rsplit(".", 1)[-1] for name in _WRITE_FUNCTIONS | _READ_FUNCTIONS
} | {"dump", "load"}
_BUFFERS = frozenset({"io.StringIO", "io.BytesIO"})
_SAVED_TO_KEYWORDS = LOCATION_KEYWORDS | {"f", "file", "filename", "path"}


@dataclasses.dataclass(frozen=True)
class FileAccess:
    """``node`` writes or reads (``mode``) the file named by ``path``."""

    node: nodes.Call
    mode: str
    path: nodes.NodeNG
    # Through a project helper: ``node`` calls it, ``through`` is the access inside it (``path`` is
    # its location) and ``text`` the location's text with the call's arguments for the parameters.
    through: nodes.Call | None = None
    text: str | None = None


def file_access(call: nodes.Call) -> FileAccess | None:
    """The data file a call writes or reads, or ``None``."""
    if not _may_access(call):
        return None
    name = qualified_name(call.func)
    if name is not None and name.rsplit(".", 1)[0] in _JSON_MODULES:
        return _json_access(call, name.rsplit(".", 1)[-1])
    if name in _WRITE_FUNCTIONS or _method(call) in _WRITE_METHODS:
        return _access(call, WRITE)
    if name in _READ_FUNCTIONS or _reads_frame_file(name):
        return _access(call, READ)
    return None


def _reads_frame_file(name: str | None) -> bool:
    return name is not None and name.startswith(DATA_READER_PREFIXES) and name not in _NOT_FILE_READERS


def _may_access(call: nodes.Call) -> bool:
    """A cheap test before resolving names: a method call must have a reader's or writer's name."""
    if isinstance(call.func, nodes.Attribute):
        method = call.func.attrname
        return method in _ACCESS_NAMES or method.startswith(("read_", "scan_"))
    return isinstance(call.func, nodes.Name)


def _method(call: nodes.Call) -> str | None:
    return call.func.attrname if isinstance(call.func, nodes.Attribute) else None


def _access(call: nodes.Call, mode: str) -> FileAccess | None:
    path = _location_argument(call)
    if path is None or _is_buffer(path):
        return None
    return FileAccess(call, mode, path)


def _location_argument(call: nodes.Call) -> nodes.NodeNG | None:
    if call.args:
        return call.args[0]
    for keyword in call.keywords or ():
        if keyword.arg in LOCATION_KEYWORDS:
            return keyword.value
    return None


def _is_buffer(path: nodes.NodeNG) -> bool:
    values = bound_values(path) if isinstance(path, nodes.Name) else [path]
    return any(isinstance(value, nodes.Call) and qualified_name(value.func) in _BUFFERS for value in values)


def _json_access(call: nodes.Call, function: str) -> FileAccess | None:
    """``json.dump(obj, f)`` / ``json.load(f)`` with ``f`` an ``open(path, mode)``."""
    if function == "dump" and len(call.args) > 1:
        handle, mode = call.args[1], WRITE
    elif function == "load" and call.args:
        handle, mode = call.args[0], READ
    else:
        return None
    opened = _opened_file(handle)
    if opened is None or _open_mode(opened) != mode or not opened.args:
        return None
    return FileAccess(call, mode, opened.args[0])


def _opened_file(handle: nodes.NodeNG) -> nodes.Call | None:
    candidates = bound_values(handle) if isinstance(handle, nodes.Name) else [handle]
    for candidate in candidates:
        if isinstance(candidate, nodes.Call) and qualified_name(candidate.func) in _OPEN:
            return candidate
    return None


def _open_mode(opened: nodes.Call) -> str:
    modes = list(opened.args[1:2]) + [keyword.value for keyword in opened.keywords or () if keyword.arg == "mode"]
    text = modes[0].value if modes and isinstance(modes[0], nodes.Const) else "r"
    return WRITE if isinstance(text, str) and set("wax") & set(text) else READ


def helper_accesses(call: nodes.Call) -> list[FileAccess]:
    """The data files a call of the project's own function or method writes or reads through its arguments.

    ``registry.put_dataset(key="train", dataset=frame)``, where the project's
    ``put_dataset`` runs ``dataset.to_csv(f"{self.base_dir}/{key}.csv")``,
    writes ``<base_dir>/train.csv``: each access inside the function whose
    location the call's arguments shape (with the text of the arguments in
    place of the parameters) counts as the call's own. Accesses that no
    argument shapes are the function's module's, recorded there.
    """
    function = _function_of(call)
    if function is None:
        return []
    found = []
    for inner in _accesses_in(function):
        arguments = _arguments(call, function)
        text = location_text(inner.path, arguments=arguments)
        if text is not None and text != location_text(inner.path):
            found.append(FileAccess(call, inner.mode, inner.path, inner.node, text))
    return found


@functools.lru_cache(maxsize=1024)
def _accesses_in(function: nodes.FunctionDef) -> tuple[FileAccess, ...]:
    # Cached per function: a helper of a shared module is called from many places.
    return tuple(
        access
        for inner in descendants(function, nodes.Call)
        if inner.scope() is function and (access := file_access(inner)) is not None
    )


def _arguments(call: nodes.Call, function: nodes.FunctionDef) -> dict[str, nodes.NodeNG]:
    """What the call passes for each parameter of ``function`` (defaults for those it leaves out)."""
    parameters = [argument.name for argument in function.args.args or []]
    if isinstance(function.parent, nodes.ClassDef) and isinstance(call.func, nodes.Attribute) and parameters:
        parameters = parameters[1:]
    defaults = function.args.defaults or []
    passed: dict[str, nodes.NodeNG] = dict(zip(parameters[len(parameters) - len(defaults):], defaults))
    for name, argument in zip(parameters, call.args):
        if isinstance(argument, nodes.Starred):
            break
        passed[name] = argument
    passed.update((keyword.arg, keyword.value) for keyword in call.keywords or () if keyword.arg is not None)
    return passed


def same_file(first: nodes.NodeNG, second: nodes.NodeNG) -> bool:
    """Do two location expressions name the same file? See the module docstring."""
    first_text, second_text = location_text(first), location_text(second)
    if first_text is not None and second_text is not None and HOLE not in first_text + second_text:
        return _normalized(first_text) == _normalized(second_text)
    return first.as_string() == second.as_string() and _same_variables(first, second)


def _normalized(text: str) -> str:
    return posixpath.normpath(text.replace("\\", "/"))


def _same_variables(first: nodes.NodeNG, second: nodes.NodeNG) -> bool:
    first_names = [first] if isinstance(first, nodes.Name) else descendants(first, nodes.Name)
    second_names = [second] if isinstance(second, nodes.Name) else descendants(second, nodes.Name)
    return len(first_names) == len(second_names) and all(
        _bindings(one) == _bindings(other) for one, other in zip(first_names, second_names)
    )


def _bindings(name: nodes.Name) -> frozenset[object]:
    _, bindings = name.lookup(name.name)
    return frozenset(id(binding) for binding in bindings) or frozenset({name.name})


def shown_path(path: nodes.NodeNG) -> str:
    """The file as a message shows it: its literal text when known, else the expression."""
    text = location_text(path)
    shown = repr(text) if text is not None and HOLE not in text else f"`{path.as_string()}`"
    return shown if len(shown) <= 60 else shown[:57] + "..."


def shown_access(access: FileAccess) -> str:
    """The file an access names, as a message shows it; through a helper, also where the helper writes or reads it."""
    if access.text is None or access.through is None:
        return shown_path(access.path)
    shown = repr(access.text) if len(access.text) <= 60 else repr(access.text[:57] + "...")
    where = os.path.basename(access.through.root().file or "") or "its module"
    return f"{shown} (through `{call_label(access.through)}` in {where}:{access.through.lineno})"


def read_back(writes: list[FileAccess], reads: list[FileAccess]) -> list[tuple[FileAccess, FileAccess]]:
    """(write, read) pairs: a file written and then read again further down the module."""
    return [
        (write, read)
        for write in writes
        for read in reads
        if _order(read.node) > _order(write.node) and same_file(write.path, read.path)
    ]


def _order(node: nodes.NodeNG) -> tuple[int, int]:
    return node.lineno, node.col_offset


def handed_on_reads(write: FileAccess) -> list[nodes.Call]:
    """Reads of a written file reached through the path its function returns.

    ``def ingest(): frame.to_csv(TRAIN); return TRAIN`` called in this
    module as ``train_path = stage.ingest()``, and ``train_path`` passed to
    a function of the project whose parameter reaches a reader
    (``def transform(path): pd.read_csv(path)``): the file is handed from
    one stage to the next by its path. Gives those reader calls.
    """
    function = write.node.scope()
    if not isinstance(function, nodes.FunctionDef):
        return []
    positions = _returned_positions(function, write.path)
    if not positions:
        return []
    reads: list[nodes.Call] = []
    calls = descendants(write.node.root(), nodes.Call)
    stage_calls = {id(call) for call in calls if call is not write.node and _function_of(call) is function}
    if not stage_calls:
        return []
    for call in calls:
        if not any(isinstance(argument, nodes.Name) for argument in call.args):
            continue
        handed = [
            index
            for index, argument in enumerate(call.args)
            if isinstance(argument, nodes.Name) and _holds_returned_path(argument, stage_calls, positions)
        ]
        if not handed:
            continue
        receiver = _function_of(call)
        if receiver is None or receiver is function:
            continue
        reached = reader_parameters(receiver)
        reads.extend(reached[index] for index in handed if index in reached)
    return reads


def _function_of(call: nodes.Call) -> nodes.FunctionDef | None:
    return called_function(call) if isinstance(call.func, nodes.Name) else called_method(call)


def _returned_positions(function: nodes.FunctionDef, path: nodes.NodeNG) -> set[int | None]:
    """Where the function's return values hold ``path``: ``None`` for the whole value, else the tuple position."""
    positions: set[int | None] = set()
    for statement in descendants(function, nodes.Return):
        if statement.value is None or statement.scope() is not function:
            continue
        if isinstance(statement.value, nodes.Tuple):
            positions.update(
                index for index, element in enumerate(statement.value.elts) if same_file(path, element)
            )
        elif same_file(path, statement.value):
            positions.add(None)
    return positions


def _holds_returned_path(name: nodes.Name, stage_calls: set[int], positions: set[int | None]) -> bool:
    """Is ``name`` bound to the returned path: ``path = stage()`` or ``train, test = stage()`` at that position?"""
    _, bindings = name.lookup(name.name)
    return bool(bindings) and all(_binds_returned_path(binding, stage_calls, positions) for binding in bindings)


def _binds_returned_path(binding: nodes.NodeNG, stage_calls: set[int], positions: set[int | None]) -> bool:
    if not isinstance(binding, nodes.AssignName):
        return False
    holder, index = binding.parent, None
    if isinstance(holder, nodes.Tuple) and not isinstance(holder.parent, nodes.Tuple):
        index, holder = holder.elts.index(binding), holder.parent
    return isinstance(holder, nodes.Assign) and id(holder.value) in stage_calls and index in positions



@dataclasses.dataclass(frozen=True)
class FileUse:
    """A file a module writes or reads, by name: what the project index keeps of its file accesses."""

    name: str  # "t3.csv"
    # The folder it sits in: "interim" for data/interim/t3.csv, "" for a bare t3.csv, None when the
    # path does not say (os.path.join(data_dir, "t3.csv")).
    folder: str | None
    mode: str  # WRITE or READ
    data: bool  # a data file (frame, array, JSON); False for models and files opened for writing
    position: Position
    # The whole location when a literal directory roots a path with unknown parts ("/opt/registry/{}/t3.csv").
    template: str | None = None


def file_uses(tree: nodes.Module) -> tuple[FileUse, ...]:
    """The named files the module writes (data, artifacts, files opened for writing) and the data files it reads.

    The project index gathers these over the project, so a rule judging one
    module can tell the project's own outputs from files that come from
    outside, and see a file one stage writes and the next reads.
    """
    uses = []
    for call in descendants(tree, nodes.Call):
        access = file_access(call)
        if access is not None:
            uses.append(use_of(access))
            continue
        helped = helper_accesses(call)
        if helped:
            uses.extend(use_of(access) for access in helped)
            continue
        for location in _written_locations(call):
            name, folder = _name_and_folder(location)
            if name is not None:
                uses.append(FileUse(name, folder, WRITE, False, Position.of(call)))
    return tuple(use for use in uses if use is not None)


def use_of(access: FileAccess) -> FileUse | None:
    """A data file access by the file's name, as ``file_uses`` records it; ``None`` when the name is unknown."""
    name, folder = _name_and_folder(access.path) if access.text is None else _text_name_and_folder(access.text)
    if name is None:
        return None
    return FileUse(name, folder, access.mode, True, Position.of(access.node), _template(access))


def same_file_name(first: FileUse, second: FileUse) -> bool:
    """The same file name in the same folder, both paths saying which (``train.csv`` is too common to go by).

    A folder that comes from elsewhere counts when both locations are the
    same text around it under a literal root (``/opt/registry/{}/train.csv``
    written through one helper, read through another).
    """
    if first.name != second.name:
        return False
    if first.folder is not None and first.folder == second.folder:
        return True
    return first.template is not None and first.template == second.template


def _template(access: FileAccess) -> str | None:
    """The whole location with its unknown parts, when a literal directory roots it: ``/opt/registry/{}/train.csv``."""
    text = access.text if access.text is not None else location_text(access.path)
    if text is None or HOLE not in text:
        return None
    normalized = _normalized(text)
    folders = normalized.split("/")[:-1]
    root = folders[: next((index for index, part in enumerate(folders) if HOLE in part), len(folders))]
    return normalized if any(part not in ("", ".", "..") for part in root) else None


def _name_and_folder(location: nodes.NodeNG) -> tuple[str | None, str | None]:
    name = artifact_name(location)
    if name is None:
        return None, None
    return name, _folder(location_text(location) or "", name)


def _text_name_and_folder(text: str) -> tuple[str | None, str | None]:
    name = text.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    if not name or HOLE in name:
        return None, None
    return name, _folder(text, name)


def _folder(text: str, name: str) -> str | None:
    parts = [part for part in text.replace("\\", "/").rstrip("/").split("/") if part not in ("", ".")]
    if len(parts) < 2:
        return "" if parts == [name] else None
    return parts[-2] if HOLE not in parts[-2] else None


def _written_locations(call: nodes.Call) -> list[nodes.NodeNG]:
    name = qualified_name(call.func)
    if name in _OPEN:
        return [call.args[0]] if call.args and _open_mode(call) == WRITE else []
    if is_artifact_save(name):
        # joblib.dump(obj, path), torch.save(obj, f), pickle.dump(obj, handle)
        return list(call.args[1:2]) + [
            keyword.value for keyword in call.keywords or () if keyword.arg in _SAVED_TO_KEYWORDS
        ]
    if name is None and isinstance(call.func, nodes.Attribute) and call.func.attrname in SAVE_METHODS:
        return list(call.args[:1])  # model.save(path), booster.save_model(path)
    return []
