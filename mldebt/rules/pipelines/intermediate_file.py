import os

from astroid import nodes

from mldebt.analysis.names import call_label
from mldebt.analysis.storage import (
    READ,
    WRITE,
    FileAccess,
    file_access,
    handed_on_reads,
    helper_accesses,
    read_back,
    same_file_name,
    shown_access,
    shown_path,
    use_of,
)
from mldebt.project import FILE_USES, ProjectIndex
from mldebt.project_files import project_root
from mldebt.rule import Rule
from mldebt.source import is_test_path
from mldebt.analysis.tree_index import descendants

_ADVICE = (
    "an intermediate file between two steps of the same code; pass the data on in memory, or make the "
    "boundary an explicit, versioned stage output"
)
_ACROSS_STAGES_ADVICE = (
    "an intermediate file between two stages; make the hand-over an explicit, versioned stage output "
    "(a declared dataset of the pipeline), or pass the data on in memory"
)


class IntermediateFile(Rule):
    """## What it does
    Flags a data file that the code base writes and reads back: in one
    module, or across pipeline stages (one module writes it, another reads
    it): `to_csv(p)` ... `read_csv(p)`, `to_parquet`/`read_parquet`,
    `to_pickle`/`read_pickle`, `np.save`/`np.load`, `json.dump`/`json.load`
    through `open(p)`, and the like. In one module the file is recognised by
    the same literal path (however it is built: string, f-string,
    `os.path.join`, `pathlib`, module constants) or by the same variable;
    across modules by the same file name in the same folder, both paths
    saying which (`data/interim/t3.csv` and `INTERIM / "t3.csv"` with
    `INTERIM = Path("data/interim")`; a `train.csv` in a folder that comes
    from a parameter is not matched). Both ends
    are reported, each naming the other's file and line; a stage that
    reads the same file again is reported once. A stage that writes a file
    and returns its path, which its module then hands to a project function
    that reads it (`path = ingestion.run(); builder.build(path)`), is
    reported at the write, naming the read. A write or read through the
    project's own helper counts where the helper is called, when the call's
    arguments shape the location (`store.put_frame(run, "features", frame)`
    where `put_frame` runs `frame.to_parquet(f"{self.root}/{run}/{name}.parquet")`);
    such a location, with parts that come from elsewhere, matches another
    only as the same text under the same literal root
    (`/srv/store/{}/features.parquet`). Across modules, test files are
    left out: a test writes the fixture files its tests read. A memory spill is not
    flagged: the written variable is deleted between the write and the
    read in the same function (`frame.to_pickle(p); del frame; gc.collect()`
    ... `frame = pd.read_pickle(p)`), which frees memory in a script that
    holds more than fits rather than passing data between steps.

    ## Why is this bad
    Sculley et al. (§5.2, pipeline jungles): intermediate files are how
    jungles hold together. Each one is hidden state between steps: a stale
    file from yesterday's run is read when a step fails, two runs on one
    machine overwrite each other, and nobody can tell which version of the
    code produced the data a model was trained on.

    ## Example
    ```python
    features.to_parquet("tmp/features.parquet")
    ...
    train = pd.read_parquet("tmp/features.parquet")
    ```

    ## Use instead
    Pass the frame on in memory. Where a stage boundary is wanted (a slow
    step, a hand-over between jobs), make it explicit: a declared,
    versioned dataset of an orchestrated pipeline, not a path two places in
    one script happen to agree on. Reading an input and writing a final
    output are not intermediate files and are not flagged, nor are models
    and other artifacts (saved by training, loaded by serving: that is what
    they are for).

    ## Options
    None.
    """

    code = "MLD202"
    symbol = "intermediate-file"
    summary = "Data file written and read back by the same code base"
    node_types = (nodes.Call,)
    project_facts = frozenset({FILE_USES})

    def __init__(self, module, settings) -> None:
        super().__init__(module, settings)
        self._writes: list[FileAccess] = []
        self._reads: list[FileAccess] = []
        # Accesses through the project's own helpers: matched with other stages by the file they name.
        self._helper_writes: list[FileAccess] = []
        self._helper_reads: list[FileAccess] = []

    def visit(self, node: nodes.Call) -> None:
        access = file_access(node)
        if access is not None:
            (self._reads if access.mode == READ else self._writes).append(access)
            return
        for helped in helper_accesses(node):
            (self._helper_reads if helped.mode == READ else self._helper_writes).append(helped)

    def finish(self) -> None:
        first_read: dict[int, FileAccess] = {}
        last_write: dict[int, FileAccess] = {}
        spilled: set[int] = set()
        for write, read in read_back(self._writes, self._reads):
            if _spilled(write, read):
                spilled.update((id(write.node), id(read.node)))
                continue
            first_read.setdefault(id(write.node), read)
            last_write[id(read.node)] = write
        for write in self._writes:
            read = first_read.get(id(write.node))
            if read is not None:
                self.report(
                    write.node,
                    f"`{call_label(write.node)}` writes {shown_path(write.path)}, which this module "
                    f"reads back on line {read.node.lineno}: {_ADVICE}",
                )
        for read in self._reads:
            write = last_write.get(id(read.node))
            if write is not None:
                self.report(
                    read.node,
                    f"`{call_label(read.node)}` reads back {shown_path(read.path)}, which this module "
                    f"wrote on line {write.node.lineno}: {_ADVICE}",
                )
        if self.module.is_test_file:
            # A test writes the fixture files its tests read (often each test module the same one): setup, not stages.
            return
        reported = set(first_read) | set(last_write) | spilled
        reported |= self._report_other_stages(reported)
        self._report_handed_on(reported)

    def _report_other_stages(self, reported_here: set[int]) -> set[int]:
        """Each data write read by another module, and each data read another module writes; gives those reported."""
        here = os.path.abspath(self.module.path)
        index = ProjectIndex.for_file(self.module.path, self.module.settings)
        mine_by_access = [
            (access, mine)
            for access in (*self._writes, *self._reads, *self._helper_writes, *self._helper_reads)
            if id(access.node) not in reported_here and (mine := use_of(access)) is not None
        ]
        # A file named through a helper (``store.get_frame(run, "features")``) is named by its stem elsewhere too.
        names = {mine.name for _, mine in mine_by_access} | {
            os.path.splitext(mine.name)[0] for access, mine in mine_by_access if access.text is not None
        }
        naming = index.file_uses_naming(names)
        others = [
            (path, use)
            for path, found in naming.items()
            if path != here and not is_test_path(path, self.module.settings)
            for use in found
            if use.data
        ]
        # One hand-over per file and direction: a stage that reads the same file again is the same smell.
        seen: set[tuple[str, str, str | None]] = set()
        reported: set[int] = set()
        for access, mine in mine_by_access:
            wanted = READ if access.mode == WRITE else WRITE
            match = next(
                ((path, use) for path, use in others if use.mode == wanted and same_file_name(mine, use)), None
            )
            if match is None or (access.mode, mine.name, mine.folder) in seen:
                continue
            seen.add((access.mode, mine.name, mine.folder))
            reported.add(id(access.node))
            path, use = match
            where = index.place(path, use.position.line)
            verb, other = ("writes", "reads") if access.mode == WRITE else ("reads", "writes")
            self.report(
                access.node,
                f"`{call_label(access.node)}` {verb} {shown_access(access)}, which {where} {other}: "
                f"{_ACROSS_STAGES_ADVICE}",
            )
        return reported

    def _report_handed_on(self, reported: set[int]) -> None:
        """A write whose path the stage returns and this module hands to a reader of the next stage."""
        root = project_root(os.path.dirname(os.path.abspath(self.module.path or ".")))
        for write in self._writes:
            if id(write.node) in reported:
                continue
            read = next(iter(handed_on_reads(write)), None)
            if read is None:
                continue
            where = f"{os.path.relpath(read.root().file or self.module.path, root)}:{read.lineno}"
            self.report(
                write.node,
                f"`{call_label(write.node)}` writes {shown_path(write.path)} and returns its path, which "
                f"{where} reads: {_ACROSS_STAGES_ADVICE}",
            )


def _spilled(write: FileAccess, read: FileAccess) -> bool:
    """``frame.to_pickle(p); del frame; ...; frame = pd.read_pickle(p)``: memory freed for a while, not a stage boundary.

    The written variable is deleted in the same scope between the write and
    the read, which only makes sense to free memory in a script that holds
    more than fits.
    """
    written = _written_name(write.node)
    if written is None or write.node.scope() is not read.node.scope():
        return False
    start, end = write.node.lineno, read.node.lineno
    return any(
        start < statement.lineno < end
        and any(isinstance(target, nodes.DelName) and target.name == written for target in statement.targets)
        for statement in descendants(write.node.scope(), nodes.Delete)
    )


def _written_name(call: nodes.Call) -> str | None:
    """The variable whose data a write stores: the receiver of ``frame.to_csv(...)``, else a name passed to it."""
    function = call.func
    if isinstance(function, nodes.Attribute) and isinstance(function.expr, nodes.Name):
        return function.expr.name
    names = [argument.name for argument in call.args if isinstance(argument, nodes.Name)]
    return names[0] if len(names) == 1 else None
