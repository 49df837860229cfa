import os

from astroid import nodes

from mldebt.analysis.apis import is_data_reader
from mldebt.analysis.locations import location_arguments, location_text, reader_parameters, unstable_reason
from mldebt.analysis.values import called_function
from mldebt.analysis.names import call_name
from mldebt.rule import Rule

_WRITE_MODES = frozenset("wax")


class UnstableDataDependency(Rule):
    """## What it does
    Flags data read from a hard-coded URL (web servers and object stores:
    `https://`, `ftp://`, `s3://`, `gs://`, `hdfs://`, `abfs://`, `wasbs://`),
    IP address or absolute path in a user's home folder: `pd.read_csv`, `np.load`, `open`, `requests.get`,
    `urlopen`, `load_dataset` and similar readers, also when the location
    reaches the reader through a variable, an f-string, `os.path.join`,
    `pathlib.Path`, a constant of another module of the project
    (`from config import DATA_URL`), a configuration class, or the project's
    own helper functions (`read_data(DATA_URL)` where `read_data` hands its
    parameter to `pd.read_parquet`; reported where the location is handed
    over, naming the read). Locations from the environment
    (`os.environ.get("DATA_URL", default)`), arguments or configuration
    files are configured, not hard-coded, even with a literal default.

    ## Why is this bad
    Sculley et al. (§3.1, unstable data dependencies): a model silently
    depends on whatever that address serves today. The file behind a URL or
    on a colleague's laptop changes or vanishes without a version, and the
    code cannot run anywhere else (CI, a scheduler, a teammate's machine).

    ## Example
    ```python
    import pandas as pd

    LISTINGS_URL = "https://data.example.com/exports/listings_latest.csv"
    listings = pd.read_csv(LISTINGS_URL)
    ```

    ## Use instead
    Pass the location in from configuration, the command line or the
    environment, and point it at a versioned, immutable snapshot:
    ```python
    listings = pd.read_csv(config.data.listings_snapshot)
    ```
    Relative paths inside the repository (`data/raw/listings.csv`) and
    `localhost` in test files are fine. So are requests to a web API (a
    host named `api.` or an `/api/` path: a search, release metadata, a
    service call, which no snapshot can pin) and a base URL whose file name
    comes from elsewhere (`os.path.join(MIRROR, revision, name)`: the caller
    chooses, and can pin, the file). A URL that already names one immutable
    version of its file is the snapshot itself: a commit hash in the path
    (`raw.githubusercontent.com/org/repo/<40-hex sha>/data.csv`), an OpenML
    data file by id (`openml.org/data/get_csv/16826755/...`) or a Zenodo
    record's file.

    ## Options
    None.
    """

    code = "MLD302"
    symbol = "unstable-data-dependency"
    summary = "Data read from a hard-coded URL, IP address or absolute user path"
    node_types = (nodes.Call,)
    ml_modules_only = False

    def visit(self, node: nodes.Call) -> None:
        reader = call_name(node)
        if not is_data_reader(reader):
            self._check_helper_call(node)
            return
        if _opens_for_writing(node, reader):
            return
        for argument in location_arguments(node):
            text = location_text(argument)
            if text is None:
                continue
            reason = unstable_reason(text, in_tests=self.module.is_test_file)
            if reason is not None:
                shown = text if len(text) <= 70 else text[:67] + "..."
                self.report(
                    node,
                    f"`{node.func.as_string()}` reads from {reason} {shown!r}; pass the "
                    "location in from configuration and point it at a versioned snapshot",
                )
                return


    def _check_helper_call(self, call: nodes.Call) -> None:
        """``read_data(URL)`` where the project's ``read_data`` hands its parameter to a reader."""
        function = called_function(call)
        if function is None:
            return
        for index, read in sorted(reader_parameters(function).items()):
            if index >= len(call.args) or _opens_for_writing(read, call_name(read)):
                continue
            argument = call.args[index]
            text = location_text(argument)
            reason = unstable_reason(text, in_tests=self.module.is_test_file) if text is not None else None
            if reason is not None:
                shown = text if len(text) <= 70 else text[:67] + "..."
                where = os.path.basename(read.root().file or "") or "this module"
                self.report(
                    argument,
                    f"`{call.func.as_string()}` reads from {reason} {shown!r} (through "
                    f"`{read.func.as_string()}` in {where}:{read.lineno}); pass the location in from "
                    "configuration and point it at a versioned snapshot",
                )


def _opens_for_writing(call: nodes.Call, reader: str | None) -> bool:
    if reader not in ("builtins.open", "io.open"):
        return False
    modes = list(call.args[1:2]) + [k.value for k in call.keywords or () if k.arg == "mode"]
    return any(
        isinstance(mode, nodes.Const) and isinstance(mode.value, str) and _WRITE_MODES & set(mode.value)
        for mode in modes
    )
