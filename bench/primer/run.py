"""Run mldebt over public ML repositories at pinned commits and compare with the last stored run.

    python bench/primer/run.py                    # check every repository, diff against expected/
    python bench/primer/run.py --update           # store this run as the new expected/
    python bench/primer/run.py --repo nanoGPT -j 2

Each repository of REPOS.tsv is extracted from its snapshot (a bare git directory or a
clone's ``.git``) at its pinned commit into a folder of its own, given a ``.git`` so it
looks like a user's checkout, and checked as its own project with
``python -m mldebt check --format json --exit-zero .``. The primer never runs in CI and
no test depends on it; see bench/primer/README.md.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import dataclasses
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

PRIMER_DIR = Path(__file__).resolve().parent
EXPECTED_DIR = PRIMER_DIR / "expected"
DEFAULT_REPOS = Path("/work/shared/primer/REPOS.tsv")
DEFAULT_SNAPSHOTS = Path("/work/.mirror")
DEFAULT_WORK = Path(tempfile.gettempdir()) / "mldebt-primer"
INTERNAL_ERROR = "MLD000"
# mldebt check exits 0 (clean) or 1 (findings); --exit-zero makes it 0 either way.
CLEAN_EXITS = (0, 1)
# Written inside the extraction's .git, where mldebt never looks, to know it can be reused.
EXTRACTED_MARKER = "primer-extracted-commit"
MISSING_LIST = "primer-missing-files"
EXAMPLES_PER_RULE = 3
# The fields a stored finding keeps, in the order findings are sorted by.
SORT_FIELDS = ("path", "line", "column", "code", "symbol", "message")
STORED_FIELDS = SORT_FIELDS + ("end_line", "end_column")


@dataclasses.dataclass(frozen=True)
class Repository:
    name: str  # owner/name
    commit: str

    @property
    def slug(self) -> str:
        """The file-name form, owner__name."""
        return self.name.replace("/", "__")


@dataclasses.dataclass
class Outcome:
    """What one repository's run produced."""

    repository: Repository
    findings: list[dict] = dataclasses.field(default_factory=list)
    seconds: float = 0.0
    files: int = 0
    skipped: str | None = None  # why the repository could not be checked at all
    crash: str | None = None  # exit code and stderr of a run that crashed
    missing_files: list[str] = dataclasses.field(default_factory=list)

    def counts(self) -> collections.Counter:
        return collections.Counter(finding["symbol"] for finding in self.findings)

    def internal_errors(self) -> list[dict]:
        return [finding for finding in self.findings if finding["code"] == INTERNAL_ERROR]


def read_repositories(path: Path) -> list[Repository]:
    """The repo and commit columns of REPOS.tsv (a header line, tab-separated)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    repo_column, commit_column = header.index("repo"), header.index("commit")
    repositories = []
    for line in lines[1:]:
        if not line.strip():
            continue
        cells = line.split("\t")
        repositories.append(Repository(cells[repo_column].strip(), cells[commit_column].strip()))
    return repositories


def git_directory(snapshots: Path, repository: Repository) -> Path | None:
    """The snapshot's git directory: ``<owner>+<name>/repo`` (bare) or ``.../repo/.git`` (a clone)."""
    base = snapshots / repository.name.replace("/", "+") / "repo"
    for candidate in (base / ".git", base):
        if (candidate / "HEAD").is_file() and (candidate / "objects").is_dir():
            return candidate
    return None


def _git(git_dir: Path, *arguments: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "--git-dir", str(git_dir), *arguments], check=False, **kwargs)


def extract(git_dir: Path, commit: str, destination: Path) -> list[str]:
    """Check the commit out into ``destination`` (reused when already there); the files that were absent.

    ``git archive`` fails as a whole when a snapshot lacks a blob (some leave out large
    files), so then every blob is written one by one and the absent ones are skipped.
    """
    marker = destination / ".git" / EXTRACTED_MARKER
    missing_list = destination / ".git" / MISSING_LIST
    if marker.is_file() and marker.read_text(encoding="utf-8").strip() == commit:
        return missing_list.read_text(encoding="utf-8").splitlines() if missing_list.is_file() else []
    if destination.exists():
        shutil.rmtree(destination)
    destination.mkdir(parents=True)
    archive = _git(git_dir, "archive", "--format=tar", commit, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    missing: list[str] = []
    if archive.returncode == 0:
        subprocess.run(["tar", "-x", "-C", str(destination)], input=archive.stdout, check=True)
    else:
        missing = _extract_blob_by_blob(git_dir, commit, destination)
    subprocess.run(["git", "init", "-q", str(destination)], check=True)
    missing_list.write_text("".join(path + "\n" for path in missing), encoding="utf-8")
    marker.write_text(commit + "\n", encoding="utf-8")
    return missing


def _extract_blob_by_blob(git_dir: Path, commit: str, destination: Path) -> list[str]:
    listing = _git(git_dir, "ls-tree", "-r", "-z", commit, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if listing.returncode != 0:
        raise RuntimeError(listing.stderr.decode(errors="replace").strip())
    missing = []
    for entry in listing.stdout.decode("utf-8", errors="surrogateescape").split("\0"):
        if not entry:
            continue
        meta, path = entry.split("\t", 1)
        mode, kind, sha = meta.split()
        if kind != "blob":  # submodules
            continue
        blob = _git(git_dir, "cat-file", "blob", sha, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if blob.returncode != 0:
            missing.append(path)
            continue
        target = destination / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if mode == "120000":
            os.symlink(blob.stdout.decode("utf-8", errors="surrogateescape"), target)
        else:
            target.write_bytes(blob.stdout)
    return missing


def count_python_files(folder: Path) -> int:
    return sum(1 for path in folder.rglob("*.py") if ".git" not in path.relative_to(folder).parts)


def run_mldebt(python: str, folder: Path, cache_dir: Path) -> tuple[list[dict] | None, str | None, float]:
    """(findings, crash report, seconds) of ``mldebt check`` run in ``folder`` as its own project.

    ``-P`` keeps the checked folder off ``sys.path``: a repository's own ``types.py`` or
    ``tokenize.py`` must not shadow the standard library mldebt runs on.
    """
    environment = dict(os.environ, MLDEBT_CACHE_DIR=str(cache_dir))
    start = time.perf_counter()
    result = subprocess.run(
        [python, "-P", "-m", "mldebt", "check", "--format", "json", "--exit-zero", "."],
        cwd=folder, env=environment, capture_output=True, text=True, check=False,
    )
    seconds = time.perf_counter() - start
    if result.returncode not in CLEAN_EXITS or "Traceback" in result.stderr:
        return None, f"exit code {result.returncode}\n{result.stderr.strip()}", seconds
    try:
        raw = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        return None, f"output is not JSON ({error}); stderr:\n{result.stderr.strip()}", seconds
    return normalise(raw), None, seconds


def normalise(raw: Iterable[dict]) -> list[dict]:
    """Findings with paths relative to the repository, only the stable fields, in a stable order."""
    findings = []
    for finding in raw:
        kept = {field: finding[field] for field in STORED_FIELDS}
        kept["path"] = Path(os.path.normpath(str(finding["path"]))).as_posix()
        findings.append(kept)
    return sorted(findings, key=sort_key)


def sort_key(finding: dict) -> tuple:
    return tuple(finding[field] for field in SORT_FIELDS)


def check_repository(repository: Repository, arguments: argparse.Namespace) -> Outcome:
    outcome = Outcome(repository)
    git_dir = git_directory(arguments.snapshots, repository)
    if git_dir is None:
        outcome.skipped = f"no snapshot under {arguments.snapshots / repository.name.replace('/', '+')}"
        return outcome
    probe = _git(git_dir, "cat-file", "-t", repository.commit, capture_output=True, text=True)
    if probe.stdout.strip() != "commit":
        outcome.skipped = f"commit {repository.commit} is not in the snapshot {git_dir}"
        return outcome
    destination = arguments.work / repository.slug
    try:
        outcome.missing_files = extract(git_dir, repository.commit, destination)
    except (RuntimeError, subprocess.CalledProcessError, OSError) as error:
        outcome.skipped = f"could not extract {repository.commit}: {error}"
        return outcome
    outcome.files = count_python_files(destination)
    cache_dir = arguments.work / "_cache" / repository.slug
    findings, outcome.crash, outcome.seconds = run_mldebt(arguments.python, destination, cache_dir)
    outcome.findings = findings or []
    return outcome


# Stored runs and their differences.


def expected_path(repository: Repository) -> Path:
    return EXPECTED_DIR / f"{repository.slug}.json"


def dump_expected(repository: Repository, findings: Sequence[dict]) -> str:
    """One finding per line, so a changed run reads as a line diff."""
    counts = collections.Counter(finding["symbol"] for finding in findings)
    lines = [
        "{",
        f'  "repo": {json.dumps(repository.name)},',
        f'  "commit": {json.dumps(repository.commit)},',
        f'  "counts": {json.dumps(dict(sorted(counts.items())))},',
        '  "findings": [',
    ]
    rows = [
        "    " + json.dumps({field: finding[field] for field in STORED_FIELDS}, ensure_ascii=False)
        for finding in sorted(findings, key=sort_key)
    ]
    lines.append(",\n".join(rows))
    lines += ["  ]", "}"]
    return "\n".join(line for line in lines if line) + "\n"


def load_expected(path: Path) -> list[dict] | None:
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))["findings"]


@dataclasses.dataclass
class RuleChange:
    symbol: str
    added: list[dict]
    removed: list[dict]


def diff(old: Sequence[dict], new: Sequence[dict]) -> list[RuleChange]:
    """Per rule, the findings only the new run has and those only the old run had.

    Findings are compared as a multiset of their sort fields, so one finding more on a line
    that already had one counts as added.
    """
    old_keys = collections.Counter(sort_key(finding) for finding in old)
    new_keys = collections.Counter(sort_key(finding) for finding in new)
    added = _expand(new_keys - old_keys, new)
    removed = _expand(old_keys - new_keys, old)
    symbols = sorted({finding["symbol"] for finding in added + removed})
    return [
        RuleChange(
            symbol,
            [finding for finding in added if finding["symbol"] == symbol],
            [finding for finding in removed if finding["symbol"] == symbol],
        )
        for symbol in symbols
    ]


def _expand(keys: collections.Counter, findings: Sequence[dict]) -> list[dict]:
    remaining = collections.Counter(keys)
    chosen = []
    for finding in sorted(findings, key=sort_key):
        key = sort_key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
            chosen.append(finding)
    return chosen


def describe_changes(repository: Repository, changes: Sequence[RuleChange], examples: int) -> list[str]:
    lines = []
    for change in changes:
        lines.append(f"  {repository.name}: {change.symbol}: +{len(change.added)} -{len(change.removed)}")
        for sign, findings in (("+", change.added), ("-", change.removed)):
            for finding in findings[:examples]:
                lines.append(f"      {sign} {location(finding)}  {finding['message']}")
            if len(findings) > examples:
                lines.append(f"      {sign} ... {len(findings) - examples} more")
    return lines


def location(finding: dict) -> str:
    return f"{finding['path']}:{finding['line']}:{finding['column']}"


# Reporting.


def per_rule_table(outcomes: Sequence[Outcome]) -> list[str]:
    totals: collections.Counter = collections.Counter()
    repos_with: collections.Counter = collections.Counter()
    for outcome in outcomes:
        counts = outcome.counts()
        totals.update(counts)
        repos_with.update(counts.keys())
    width = max((len(symbol) for symbol in totals), default=10)
    lines = [f"{'rule':<{width}}  findings  repos"]
    for symbol, count in sorted(totals.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"{symbol:<{width}}  {count:>8}  {repos_with[symbol]:>5}")
    lines.append(f"{'total':<{width}}  {sum(totals.values()):>8}")
    return lines


def per_repository_table(outcomes: Sequence[Outcome]) -> list[str]:
    width = max(len(outcome.repository.name) for outcome in outcomes)
    lines = [f"{'repository':<{width}}  py files  findings  MLD000  crash  seconds"]
    for outcome in outcomes:
        if outcome.skipped:
            lines.append(f"{outcome.repository.name:<{width}}  skipped: {outcome.skipped}")
            continue
        lines.append(
            f"{outcome.repository.name:<{width}}  {outcome.files:>8}  {len(outcome.findings):>8}"
            f"  {len(outcome.internal_errors()):>6}  {'yes' if outcome.crash else 'no':>5}  {outcome.seconds:>7.1f}"
        )
    total = sum(outcome.seconds for outcome in outcomes)
    lines.append(f"{'total':<{width}}  {'':>8}  {'':>8}  {'':>6}  {'':>5}  {total:>7.1f}")
    return lines


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repos", type=Path, default=DEFAULT_REPOS, help=f"the list (default {DEFAULT_REPOS})")
    parser.add_argument(
        "--snapshots", type=Path, default=DEFAULT_SNAPSHOTS,
        help=f"folder of <owner>+<name>/repo git directories (default {DEFAULT_SNAPSHOTS})",
    )
    parser.add_argument(
        "--work", type=Path, default=DEFAULT_WORK,
        help=f"where repositories are extracted and reused (default {DEFAULT_WORK})",
    )
    parser.add_argument("--repo", action="append", default=[], metavar="SUBSTRING",
                        help="only repositories whose owner/name contains this (repeatable)")
    parser.add_argument("--update", action="store_true", help="store this run in expected/ instead of diffing")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="repositories checked in parallel")
    parser.add_argument("--python", default=sys.executable, help="the interpreter mldebt is installed in")
    parser.add_argument("--examples", type=int, default=EXAMPLES_PER_RULE,
                        help="example locations printed per rule and direction of a difference")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    arguments.work = arguments.work.resolve()
    repositories = [
        repository for repository in read_repositories(arguments.repos)
        if not arguments.repo or any(part.lower() in repository.name.lower() for part in arguments.repo)
    ]
    if not repositories:
        print("no repository matches", file=sys.stderr)
        return 2
    arguments.work.mkdir(parents=True, exist_ok=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, arguments.jobs)) as pool:
        outcomes = list(pool.map(lambda repository: check_repository(repository, arguments), repositories))

    failed = False
    for outcome in outcomes:
        name = outcome.repository.name
        if outcome.skipped:
            print(f"SKIPPED {name}: {outcome.skipped}", file=sys.stderr)
        if outcome.missing_files:
            shown = ", ".join(outcome.missing_files[:5])
            more = f" and {len(outcome.missing_files) - 5} more" if len(outcome.missing_files) > 5 else ""
            print(f"note: {name}: {len(outcome.missing_files)} files absent from the snapshot: {shown}{more}")
        if outcome.crash:
            failed = True
            print(f"CRASH {name}: {outcome.crash}", file=sys.stderr)
        for finding in outcome.internal_errors():
            failed = True
            print(f"INTERNAL ERROR {name}: {location(finding)}: {finding['message']}", file=sys.stderr)

    print("\n".join(per_repository_table(outcomes)))
    print()
    print("\n".join(per_rule_table([outcome for outcome in outcomes if not outcome.skipped])))
    print()

    checked = [outcome for outcome in outcomes if not outcome.skipped and not outcome.crash]
    if arguments.update:
        EXPECTED_DIR.mkdir(exist_ok=True)
        for outcome in checked:
            expected_path(outcome.repository).write_text(
                dump_expected(outcome.repository, outcome.findings), encoding="utf-8"
            )
        print(f"stored {len(checked)} runs in {EXPECTED_DIR}")
        return 1 if failed or len(checked) < len(outcomes) else 0

    changed = False
    for outcome in checked:
        old = load_expected(expected_path(outcome.repository))
        if old is None:
            print(f"  {outcome.repository.name}: no stored run (run with --update)")
            changed = True
            continue
        changes = diff(old, outcome.findings)
        if changes:
            changed = True
            print("\n".join(describe_changes(outcome.repository, changes, arguments.examples)))
    skipped = len(outcomes) - len(checked)
    if not changed:
        print(f"no change against the stored runs of the {len(checked)} repositories checked")
    if skipped:
        print(f"{skipped} of {len(outcomes)} repositories were skipped or crashed; see the messages above")
    return 1 if failed or changed or skipped else 0


if __name__ == "__main__":
    sys.exit(main())
