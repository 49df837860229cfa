from astroid import nodes

from mldebt.analysis.names import call_label
from mldebt.analysis.storage import READ, FileAccess, file_access, read_back, shown_path
from mldebt.rule import Rule

_ADVICE = (
    "an intermediate file between two steps of the same code; pass the data on in memory, or make the "
    "boundary an explicit, versioned stage output"
)


class IntermediateFile(Rule):
    """## What it does
    Flags a data file that the module writes and then reads back:
    `to_csv(p)` ... `read_csv(p)`, `to_parquet`/`read_parquet`,
    `to_pickle`/`read_pickle`, `np.save`/`np.load`, `json.dump`/`json.load`
    through `open(p)`, and the like. The file is recognised by the same
    literal path (however it is built: string, f-string, `os.path.join`,
    `pathlib`) or by the same variable. Both ends are reported, each naming
    the other's line.

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
    output are not intermediate files and are not flagged.

    ## Options
    None.
    """

    code = "MLD202"
    symbol = "intermediate-file"
    summary = "Data file written and read back by the same module"
    node_types = (nodes.Call,)

    def __init__(self, module, settings) -> None:
        super().__init__(module, settings)
        self._writes: list[FileAccess] = []
        self._reads: list[FileAccess] = []

    def visit(self, node: nodes.Call) -> None:
        access = file_access(node)
        if access is not None:
            (self._reads if access.mode == READ else self._writes).append(access)

    def finish(self) -> None:
        first_read: dict[int, FileAccess] = {}
        last_write: dict[int, FileAccess] = {}
        for write, read in read_back(self._writes, self._reads):
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
