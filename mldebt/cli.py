"""``mldebt check | rules | explain``: the standalone front door.

Exit status: 0 no findings (or none at the ``--fail-on`` severity), 1
findings, 2 usage or configuration error. With ``--fix`` the status is that
of the findings left after fixing; with ``--diff`` (which prints no
findings) it is 1 when there is something to fix, as with ruff.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import difflib
import json
import os
import sys
from collections.abc import Sequence

from mldebt import __version__, baseline, fixes, result_cache, summary_cache
from mldebt.config import HostOverrides, Settings, load_file, settings_for
from mldebt.docs import rule_page
from mldebt.engine import analyze, check_notebook
from mldebt.errors import ConfigError
from mldebt.finding import Finding
from mldebt.notebook import is_notebook_path, is_notebook_text, read_notebook_text
from mldebt.project_files import iter_checked_files
from mldebt.registry import FAMILIES, all_rules, find_rule, pylint_message_id, validate_selectors
from mldebt.report import RENDERERS, Report, render_statistics
from mldebt.report.fingerprints import Fingerprint, fingerprints
from mldebt.report.outcome import SEVERITIES
from mldebt.rule import Rule
from mldebt.rules.internal.unparsable_source import UnparsableSource
from mldebt.source import UnreadableSource, decode_source, read_source

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
STDIN = "-"
# Fewer files than this per worker and a process pool costs more than it saves.
_FILES_PER_WORKER = 8


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        return arguments.command(arguments)
    except ConfigError as error:
        print(f"mldebt: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`mldebt explain X | head`): nothing left to say.
        sys.stderr.close()
        return EXIT_CLEAN


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mldebt",
        description="Find the hidden technical debt in machine-learning code.",
    )
    parser.add_argument("--version", action="version", version=f"mldebt {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check", help="check files and folders", description="Check Python files, Jupyter notebooks and folders."
    )
    check.add_argument(
        "paths", nargs="*", metavar="PATH",
        help="files (.py, .ipynb) or folders to check (default: the current folder); `-` reads the standard input",
    )
    check.add_argument("--format", choices=sorted(RENDERERS), default="text", help="output format (default: text)")
    check.add_argument(
        "--statistics", action="store_true",
        help="print how many findings each rule made instead of the findings (text or json)",
    )
    check.add_argument("--output-file", metavar="FILE", help="write the output to FILE instead of the standard output")
    check.add_argument("--select", help="comma-separated rules to enable instead of the configured set")
    check.add_argument("--extend-select", help="comma-separated rules to enable as well (e.g. opt-in rules)")
    check.add_argument("--ignore", help="comma-separated rules to disable")
    check.add_argument(
        "--config",
        metavar="FILE",
        help="use this pyproject.toml or team file instead of the nearest pyproject.toml",
    )
    check.add_argument(
        "--force-exclude", action="store_true",
        help="apply the configured `exclude` also to paths named on the command line (for pre-commit)",
    )
    check.add_argument(
        "--stdin-filename", metavar="PATH",
        help="with `-`: the file name the standard input stands for (for its configuration and messages)",
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument(
        "--fail-on", choices=SEVERITIES, default=SEVERITIES[0],
        help="exit 1 only for findings of this severity or higher (default: info, any finding)",
    )
    check.add_argument("--baseline", metavar="FILE", help="report only findings this baseline file does not know")
    check.add_argument(
        "--write-baseline", metavar="FILE",
        help="write every current finding to FILE as the baseline, and exit 0",
    )
    check.add_argument(
        "-j", "--jobs", type=_positive, default=os.cpu_count() or 1, metavar="N",
        help="check files in N processes (default: the number of cores); the output does not depend on N",
    )
    check.add_argument(
        "--fix", action="store_true",
        help="apply the safe fixes of the findings to the files (on `-`, print the fixed source), then report what is left",
    )
    check.add_argument(
        "--diff", action="store_true",
        help="print the fixes as a unified diff and write nothing; exit 1 when there is something to fix",
    )
    check.add_argument(
        "--unsafe-fixes", action="store_true",
        help="with --fix or --diff: apply also the fixes that may change behaviour (such as "
        "`weights_only=True` for torch.load)",
    )
    check.add_argument(
        "--no-cache", action="store_true",
        help="neither read nor write the result cache (the project index's summaries are still cached)",
    )
    check.add_argument(
        "--cache-dir",
        metavar="DIR",
        help=f"keep the caches here (default: ${summary_cache.ENVIRONMENT_VARIABLE}, "
        "else the user's cache folder; never inside the checked project)",
    )
    check.set_defaults(command=_check)

    rules = commands.add_parser("rules", help="list every rule", description="List every rule.")
    rules.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text",
        help="markdown prints the table the README carries",
    )
    rules.set_defaults(command=_rules)

    explain = commands.add_parser(
        "explain", help="show a rule's documentation", description="Show a rule's documentation."
    )
    explain.add_argument(
        "rule", metavar="CODE|SYMBOL|ID", help="for example MLD401, hardcoded-threshold or pylint's W7401"
    )
    explain.set_defaults(command=_explain)
    return parser


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return number


@dataclasses.dataclass(frozen=True)
class _Checker:
    """What every worker needs to check a file the way the command line asked (picklable)."""

    fixed: Settings | None
    overrides: HostOverrides
    cache_dir: str | None
    use_cache: bool

    def settings(self, path: str) -> Settings:
        return (self.fixed or settings_for(path)).with_overrides(self.overrides)


@dataclasses.dataclass(frozen=True)
class _Checked:
    """One file's findings, sorted, with one fingerprint each."""

    findings: tuple[Finding, ...]
    fingerprints: tuple[Fingerprint, ...]


def _check(arguments: argparse.Namespace) -> int:
    overrides = HostOverrides(
        select=_selectors(arguments.select, "--select"),
        extend_select=_selectors(arguments.extend_select, "--extend-select") or (),
        ignore=_selectors(arguments.ignore, "--ignore") or (),
    )
    fixed = load_file(arguments.config) if arguments.config else None
    cache_dir = os.path.abspath(arguments.cache_dir) if arguments.cache_dir else None
    summary_cache.use_folder(cache_dir)
    checker = _Checker(fixed, overrides, cache_dir, use_cache=not arguments.no_cache)
    known = baseline.load(arguments.baseline) if arguments.baseline else frozenset()
    paths = arguments.paths or ["."]
    fixing = arguments.fix or arguments.diff
    if arguments.unsafe_fixes and not fixing:
        raise ConfigError("--unsafe-fixes goes with --fix or --diff")
    if fixing and arguments.write_baseline:
        raise ConfigError("--fix and --diff do not go with --write-baseline")
    if STDIN in paths:
        if paths != [STDIN]:
            raise ConfigError("`-` (the standard input) cannot be combined with other paths")
        if fixing:
            return _fix_stdin(arguments, checker)
        results, files_checked = _check_stdin(arguments, checker)
    else:
        missing = [path for path in paths if not os.path.exists(path)]
        if missing:
            raise ConfigError(f"no such file or folder: {', '.join(missing)}")
        files = list(_files(paths, fixed, force_exclude=arguments.force_exclude))
        if arguments.diff:
            return _show_diff(files, checker, arguments)
        if arguments.fix:
            results = _fix_files(files, checker, arguments)
        else:
            results = _check_files(files, checker, arguments.jobs)
        files_checked = len(files)
    pairs = [(finding, mark) for result in results for finding, mark in zip(result.findings, result.fingerprints)]
    if arguments.write_baseline:
        baseline.write(arguments.write_baseline, [mark for _, mark in pairs])
        print(f"mldebt: wrote {len(pairs)} findings to the baseline {arguments.write_baseline}", file=sys.stderr)
        return EXIT_CLEAN
    reported = [(finding, mark) for finding, mark in pairs if mark.digest not in known]
    report = Report(
        findings=[finding for finding, _ in reported],
        fingerprints=[mark.digest for _, mark in reported],
        files_checked=files_checked,
        baselined=len(pairs) - len(reported),
    )
    _emit(arguments, report)
    failing = SEVERITIES[SEVERITIES.index(arguments.fail_on):]
    if any(finding.severity in failing for finding in report.findings) and not arguments.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _emit(arguments: argparse.Namespace, report: Report) -> None:
    if arguments.statistics:
        if arguments.format not in ("text", "json"):
            raise ConfigError("--statistics prints text or json, not --format " + arguments.format)
        output = render_statistics(report, arguments.format)
    else:
        output = RENDERERS[arguments.format](report)
    _write_output(arguments, output)


def _write_output(arguments: argparse.Namespace, output: str) -> None:
    if not arguments.output_file:
        sys.stdout.write(output)
        return
    try:
        with open(arguments.output_file, "w", encoding="utf-8") as stream:
            stream.write(output)
    except OSError as error:
        raise ConfigError(f"cannot write {arguments.output_file}: {error.strerror or error}") from None


def _check_stdin(arguments: argparse.Namespace, checker: _Checker) -> tuple[list[_Checked], int]:
    path = arguments.stdin_filename or STDIN
    settings = checker.settings(arguments.stdin_filename or ".")
    if arguments.stdin_filename and arguments.force_exclude and _excluded_by_name(path, settings):
        return [], 0
    try:
        text = decode_source(sys.stdin.buffer.read())
    except UnreadableSource as error:
        return [_checked("", _unreadable(path, error, settings))], 1
    # Named as a notebook, the input may be its JSON or (from an editor) its code cells joined as Python.
    as_notebook = is_notebook_path(path) and is_notebook_text(text)
    return [_analyzed(path, text, settings, as_notebook=as_notebook)], 1


def _fix_stdin(arguments: argparse.Namespace, checker: _Checker) -> int:
    """``--fix -``: print the fixed source to the standard output, as ruff does, and the findings
    left to the standard error (or ``--output-file``); ``--diff -``: print the diff only.

    The standard output always carries the whole source, so an editor that
    replaces its buffer with it loses nothing: a notebook, an undecodable or
    unparsable input comes back byte for byte as it was read.
    """
    path = arguments.stdin_filename or STDIN
    settings = checker.settings(arguments.stdin_filename or ".")
    data = sys.stdin.buffer.read()
    excluded = arguments.stdin_filename and arguments.force_exclude and _excluded_by_name(path, settings)
    if excluded:
        result = fixes.FixedFile(path, "", "", "utf-8", (), 0)
    elif is_notebook_path(path):
        result = _unfixed_notebook(path, data, settings)
    else:
        result = fixes.fix_bytes(path, data, settings, unsafe=arguments.unsafe_fixes)
    if result.problem:
        print(f"mldebt: {path}: {result.problem}", file=sys.stderr)
    _hint_unsafe([result], arguments)
    if arguments.diff:
        _write_output(arguments, result.diff())
        return EXIT_FINDINGS if result.changed and not arguments.exit_zero else EXIT_CLEAN
    sys.stdout.flush()
    sys.stdout.buffer.write(result.text.encode(result.encoding) if result.changed else data)
    sys.stdout.flush()
    checked = _checked(result.text, list(result.findings))
    report = Report(findings=checked.findings, fingerprints=[mark.digest for mark in checked.fingerprints],
                    files_checked=0 if excluded else 1)
    if report.findings or arguments.output_file:
        output = RENDERERS[arguments.format](report)
        if arguments.output_file:
            _write_output(arguments, output)
        else:
            sys.stderr.write(output)
    failing = SEVERITIES[SEVERITIES.index(arguments.fail_on):]
    if any(finding.severity in failing for finding in report.findings) and not arguments.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _unfixed_notebook(path: str, data: bytes, settings: Settings) -> fixes.FixedFile:
    """A notebook on the standard input is never fixed; its findings are still reported."""
    try:
        text = decode_source(data)
    except UnreadableSource as error:
        return fixes.FixedFile(path, "", "", "utf-8", tuple(_unreadable(path, error, settings)), 0)
    checked = _analyzed(path, text, settings, as_notebook=is_notebook_text(text))
    return fixes.FixedFile(path, text, text, "utf-8", checked.findings, 0)


def _check_files(files: list[str], checker: _Checker, jobs: int) -> list[_Checked]:
    """Each file's result, in the order of ``files`` whatever the number of processes."""
    return _per_file(_check_file, files, checker, jobs)


def _per_file(work, files: list[str], checker: _Checker, jobs: int) -> list:
    """``work(path, checker)`` for every file, in the order of ``files``, in up to ``jobs`` processes."""
    workers = min(jobs, len(files) // _FILES_PER_WORKER)
    if workers <= 1:
        return [work(path, checker) for path in files]
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, initializer=summary_cache.use_folder, initargs=(checker.cache_dir,)
    ) as pool:
        chunk = max(1, len(files) // (workers * 4))
        return list(pool.map(work, files, [checker] * len(files), chunksize=chunk))


def _fixed_files(files: list[str], checker: _Checker, arguments: argparse.Namespace) -> list[fixes.FixedFile]:
    """Every file fixed in memory, analysed afresh (the result cache holds no fixes)."""
    work = _unsafe_fix_file if arguments.unsafe_fixes else _safe_fix_file
    results = _per_file(work, files, checker, arguments.jobs)
    for result in results:
        if result.problem:
            print(f"mldebt: {result.path}: {result.problem}", file=sys.stderr)
    return results


def _safe_fix_file(path: str, checker: _Checker) -> fixes.FixedFile:
    return fixes.fix_file(path, checker.settings(path), unsafe=False)


def _unsafe_fix_file(path: str, checker: _Checker) -> fixes.FixedFile:
    return fixes.fix_file(path, checker.settings(path), unsafe=True)


def _fix_files(files: list[str], checker: _Checker, arguments: argparse.Namespace) -> list[_Checked]:
    """``--fix``: write the fixed files and return what is left to report."""
    results = _fixed_files(files, checker, arguments)
    written = 0
    for result in results:
        if result.changed:
            try:
                result.write()
            except OSError as error:
                raise ConfigError(f"cannot write {result.path}: {error.strerror or error}") from None
            written += 1
    applied = sum(result.applied for result in results)
    left = sum(len(result.findings) for result in results)
    fixed = _count(applied, "fix", "fixes")
    print(f"mldebt: applied {fixed} in {_count(written, 'file', 'files')}; {left} findings remain", file=sys.stderr)
    _hint_unsafe(results, arguments)
    return [_checked(result.text, list(result.findings)) for result in results]


def _show_diff(files: list[str], checker: _Checker, arguments: argparse.Namespace) -> int:
    """``--diff``: print what ``--fix`` would change and write nothing; exit 1 when it would change something."""
    results = _fixed_files(files, checker, arguments)
    output = "".join(result.diff() for result in results)
    _write_output(arguments, output)
    applied = sum(result.applied for result in results)
    changed = sum(1 for result in results if result.changed)
    print(f"mldebt: would apply {_count(applied, 'fix', 'fixes')} in {_count(changed, 'file', 'files')}",
          file=sys.stderr)
    _hint_unsafe(results, arguments)
    return EXIT_FINDINGS if changed and not arguments.exit_zero else EXIT_CLEAN


def _hint_unsafe(results: list[fixes.FixedFile], arguments: argparse.Namespace) -> None:
    hidden = 0 if arguments.unsafe_fixes else sum(result.unsafe_left for result in results)
    if hidden:
        print(f"mldebt: {_count(hidden, 'more fix', 'more fixes')} may change behaviour: "
              "review them with `--diff --unsafe-fixes`, apply them with `--fix --unsafe-fixes`", file=sys.stderr)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _check_file(path: str, checker: _Checker) -> _Checked:
    """The file's findings; a notebook is read as a notebook, never as Python."""
    settings = checker.settings(path)
    as_notebook = is_notebook_path(path)
    try:
        text = read_notebook_text(path) if as_notebook else read_source(path)
    except UnreadableSource as error:
        return _checked("", _unreadable(path, error, settings))
    if not checker.use_cache:
        return _analyzed(path, text, settings, as_notebook=as_notebook)
    entry = result_cache.entry_path(path, text, settings)
    cached = result_cache.load(entry, path)
    if cached is not None:
        return _Checked(*map(tuple, cached))
    checked = _analyzed(path, text, settings, as_notebook=as_notebook)
    result_cache.store(entry, path, list(checked.findings), list(checked.fingerprints))
    return checked


def _analyzed(path: str, text: str, settings: Settings, *, as_notebook: bool) -> _Checked:
    if not as_notebook:
        findings = analyze(path, text, settings)
        if is_notebook_path(path):
            # A notebook's code cells piped in as Python: `--fix` never edits a notebook, so no fix is offered.
            findings = [dataclasses.replace(finding, fix=None) for finding in findings]
        return _checked(text, findings)
    findings, notebook = check_notebook(path, text, settings)
    if notebook is None:
        return _checked("", findings)
    # Fingerprints read the statement in the joined code: moving or inserting cells keeps them.
    marks = fingerprints([notebook.joined(finding) for finding in findings], notebook.source)
    return _Checked(tuple(findings), tuple(marks))


def _checked(text: str, findings: list[Finding]) -> _Checked:
    return _Checked(tuple(findings), tuple(fingerprints(findings, text)))


def _unreadable(path: str, error: UnreadableSource, settings: Settings) -> list[Finding]:
    if UnparsableSource not in settings.enabled_rules(path):
        return []
    return [
        Finding(path, error.line, error.column, error.line, error.column, UnparsableSource.code,
                UnparsableSource.symbol, f"{error}; no rule checked this file", UnparsableSource.severity)
    ]


def _selectors(text: str | None, option: str) -> tuple[str, ...] | None:
    if text is None:
        return None
    return validate_selectors([item.strip() for item in text.split(",") if item.strip()], option)


def _files(paths: Sequence[str], fixed: Settings | None, *, force_exclude: bool):
    """Files named on the command line, and Python files and notebooks in folders minus configured excludes.

    With ``force_exclude``, a named path is dropped too when it, or a folder
    it lies in, matches an ``exclude`` pattern (pre-commit names every file).
    """

    def governing(path: str) -> Settings:
        return fixed or settings_for(os.path.dirname(path) or ".")

    def excluded(path: str) -> bool:
        return governing(path).excludes(path)

    for path in paths:
        if force_exclude and _excluded_by_name(path, fixed or settings_for(path)):
            continue
        if os.path.isdir(path):
            yield from iter_checked_files(path, prune=excluded)
        else:
            yield path


def _excluded_by_name(path: str, settings: Settings) -> bool:
    return any(pattern.matches(path) for pattern in settings.exclude)


def _family_slug(rule: type[Rule]) -> str:
    return rule.__module__.split(".")[2]


def _rules(arguments: argparse.Namespace) -> int:
    rows = [
        {
            "code": rule.code,
            "symbol": rule.symbol,
            "family": _family_slug(rule),
            "enabled_by_default": rule.enabled_by_default,
            "pylint_id": pylint_message_id(rule),
            "severity": rule.severity,
            "summary": rule.summary,
        }
        for rule in all_rules()
    ]
    if arguments.format == "json":
        print(json.dumps(rows, indent=2))
        return EXIT_CLEAN
    if arguments.format == "markdown":
        print(rules_table())
        return EXIT_CLEAN
    width = max(len(row["symbol"]) for row in rows)
    for row in rows:
        default = "default" if row["enabled_by_default"] else "opt-in"
        print(f"{row['code']}  {row['pylint_id']}  {default:<7}  {row['symbol']:<{width}}  {row['summary']}")
    return EXIT_CLEAN


def rules_table() -> str:
    """The Markdown rule table of the README, generated from the registry."""
    lines = [
        "| Code | Symbol | Family | pylint | Default | What it flags |",
        "|---|---|---|---|---|---|",
    ]
    for rule in all_rules():
        default = "on" if rule.enabled_by_default else "opt-in"
        lines.append(
            f"| {rule.code} | `{rule.symbol}` | {FAMILIES[rule.family()]} | {pylint_message_id(rule)} "
            f"| {default} | {rule.summary} |"
        )
    return "\n".join(lines)


def _explain(arguments: argparse.Namespace) -> int:
    rule = find_rule(arguments.rule) or _by_pylint_id(arguments.rule)
    if rule is None:
        names = [name for each in all_rules() for name in (each.code, each.symbol, pylint_message_id(each))]
        close = difflib.get_close_matches(arguments.rule, names, n=1) or difflib.get_close_matches(
            arguments.rule.upper(), names, n=1
        )
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        print(f"mldebt: error: no rule {arguments.rule!r}{hint}; `mldebt rules` lists them all", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(rule_page(rule))
    return EXIT_CLEAN


def _by_pylint_id(name: str) -> type[Rule] | None:
    return next((rule for rule in all_rules() if pylint_message_id(rule) == name.upper()), None)
