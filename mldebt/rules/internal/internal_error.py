from mldebt.rule import Rule


class InternalError(Rule):
    """## What it does
    Reports that one of mldebt's rules raised an exception on this file. The
    finding names the rule, the file and the exception; every other rule's
    findings for the file are still reported.

    ## Why is this bad
    It is a bug in mldebt, not in your code: the named rule could not check
    this file, so its smell may be missed here.

    ## Example
    ```
    MLD000 internal-error: rule MLD401 hardcoded-threshold failed on line 12: RecursionError
    ```

    ## Use instead
    Please report it with the smallest file that reproduces it. Until it is
    fixed, ignore the failing rule for that file with `per-file-ignores`.

    ## Options
    None.
    """

    code = "MLD000"
    symbol = "internal-error"
    summary = "A rule failed on this file; the other rules still ran"
    severity = "error"
    ml_modules_only = False
