from astroid import nodes

from mldebt.analysis.languages import foreign_language
from mldebt.rule import Rule


class MultipleLanguageGlue(Rule):
    """## What it does
    Flags Python code that hands part of the ML system to another language:
    `subprocess.run/call/check_call/check_output/Popen`, `os.system` and
    `os.popen` starting `java`, `Rscript`/`R`, `spark-submit`, `scala`,
    `julia`, `matlab` or `octave` (the program is read from the first list
    element or from the shell string, also through a variable), and the
    in-process bridges `rpy2` (`robjects.r(...)`, `importr`), `py4j`
    (`JavaGateway`), JPype (`jpype.startJVM`) and the MATLAB engine.

    ## Why is this bad
    Sculley et al. (§5.5, the multiple-languages smell): each extra language
    adds a toolchain, a dependency set and a boundary where data is passed
    through files, strings and exit codes. Tests and types stop at the
    boundary, and the step is hard to test, to reproduce and to hand over to
    an engineer who reads only one of the languages.

    ## Example
    ```python
    subprocess.run(["Rscript", "models/seasonal_fit.R", "data/sales.csv"], check=True)
    forecast = pd.read_csv("data/forecast.csv")
    ```

    ## Use instead
    Port the step to the language of the pipeline (statsmodels, scikit-learn,
    PySpark's Python API), or make it a separate stage of an orchestrated
    pipeline with a declared, versioned input and output instead of a call
    buried in Python code. Where the bridge is a deliberate decision,
    suppress the finding on that line with a comment saying why.

    Tooling (`git`, `docker`, `make`, `ls`, `gsutil`...) is not another
    language of the ML system and is not flagged.

    ## Options
    None.
    """

    code = "MLD103"
    symbol = "multiple-language-glue"
    summary = "Part of the ML system run in another language through a subprocess or bridge"
    node_types = (nodes.Call,)

    def visit(self, node: nodes.Call) -> None:
        found = foreign_language(node)
        if found is None:
            return
        boundary = (
            "values marshalled between Python and the other runtime"
            if found.bridge
            else "data passed through files, arguments and exit codes"
        )
        self.report(
            node,
            f"`{node.func.as_string()}` hands work to {found.language} through {found.through}: a second language "
            f"in the ML system, with {boundary}; port the step to Python or make it a separate pipeline stage "
            "with a declared input and output",
        )
