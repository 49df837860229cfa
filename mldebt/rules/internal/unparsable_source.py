from mldebt.rule import Rule


class UnparsableSource(Rule):
    """## What it does
    Reports a file that mldebt could not read or parse: a syntax error, an
    undecodable encoding, or an unreadable file. Only `mldebt check` reports
    it; pylint (`syntax-error`) and flake8 (`E999`) report the same problem
    under their own codes.

    ## Why is this bad
    No rule could look at the file, so its smells go unreported.

    ## Example
    ```
    train.py:3:12: MLD001 unparsable-source: syntax error: invalid syntax; no rule checked this file
    ```

    ## Use instead
    Fix the syntax error or save the file as UTF-8 (or declare its encoding
    with a `# -*- coding: ... -*-` line).

    ## Options
    None.
    """

    code = "MLD001"
    symbol = "unparsable-source"
    summary = "The file could not be decoded or parsed, so no rule checked it"
    severity = "error"
    ml_modules_only = False
