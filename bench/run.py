"""Time mldebt inside pylint and flake8, and on its own, over a generated corpus.

    python bench/run.py [--repeat 3] [--jobs 1] [--only pylint|flake8|cli|skew|notebooks] [--json]

Every measurement is a fresh subprocess (start-up included, as users see it);
the best of ``--repeat`` runs is kept, since noise only ever adds time.
See bench/README.md for what each measurement means and the targets.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))  # so generate.py imports however run.py is launched

from generate import DEFAULT_OUT, generate, generate_notebooks  # noqa: E402  pylint: disable=wrong-import-position

FLAKE8_WITHOUT_MLDEBT = BENCH_DIR / "flake8_without_mldebt.py"
PLUGIN_PACKAGES = ("mldebt", "pylint_mldebt", "flake8_mldebt")
PYLINT_USAGE_ERROR = 32
# pylint sets bit 1 when a file could not be analysed at all (astroid-error, crashes).
PYLINT_FATAL = 1

# (numerator, denominator, target): the overheads the benchmark exists to watch.
RATIOS = {
    "b/a": ("b", "a", 1.10),
    "c/d": ("c", "d", 1.5),
    "f/e": ("f", "e", 2.0),
    "h/i": ("h", "i", 1.5),
    "j/i": ("j", "i", 1.5),
    "l/k": ("l", "k", 0.10),
    "m/g": ("m", "g", 0.65),
    "n/o": ("n", "o", 1.3),
}
# The cross-file rules: the ones that read the project index.
CROSS_FILE_RULES = "train-serve-skew,duplicated-feature-logic"
SKEW_PROJECT = BENCH_DIR / "generated_project"
SKEW_PROJECT_LINES = 30000  # about 200 modules
NOTEBOOK_CORPUS = BENCH_DIR / "generated_notebooks"
NOTEBOOK_COUNT = 100


@dataclass(frozen=True)
class Measurement:
    """One command to time, and how to tell a crash from a run that found things."""

    key: str
    group: str
    description: str
    argv: list[str]
    # Forget the project index's disk cache before each run (the first lint of a project).
    cold: bool = False

    def failed(self, result: subprocess.CompletedProcess) -> bool:
        """A crash or usage error, as opposed to a clean run or one that reported findings."""
        if "Traceback" in result.stderr:
            return True
        if self.group in ("pylint", "skew"):
            return bool(result.returncode & (PYLINT_USAGE_ERROR | PYLINT_FATAL))
        if self.group == "flake8":
            return result.returncode not in (0, 1)
        # mldebt exits 1 for findings and 2 for usage or configuration errors.
        return result.returncode not in (0, 1)


def measurements(corpus: Path, rcfile: Path, jobs: int) -> list[Measurement]:
    """The corpus commands, a to g and k to m; pylint gets an empty rcfile so no host config leaks in."""
    python = sys.executable
    pylint = [python, "-m", "pylint", f"--rcfile={rcfile}", "-j", str(jobs)]
    flake8_options = ["--isolated", "-j", str(jobs), str(corpus)]
    mldebt = [python, "-m", "mldebt", "check", "--format", "json"]
    return [
        Measurement("a", "pylint", "pylint, default checks", [*pylint, str(corpus)]),
        Measurement("b", "pylint", "pylint, default checks + pylint_mldebt",
                    [*pylint, "--load-plugins=pylint_mldebt", str(corpus)]),
        Measurement("c", "pylint", "pylint, mldebt checks only",
                    [*pylint, "--load-plugins=pylint_mldebt", "--disable=all", "--enable=mldebt",
                     str(corpus)]),
        Measurement("d", "pylint", "pylint, parse only (syntax-error)",
                    [*pylint, "--disable=all", "--enable=syntax-error", str(corpus)]),
        Measurement("e", "flake8", "flake8 without the MLD plugin",
                    [python, str(FLAKE8_WITHOUT_MLDEBT), *flake8_options]),
        Measurement("f", "flake8", "flake8 with the MLD plugin",
                    [python, "-m", "flake8", *flake8_options]),
        Measurement("g", "cli", "mldebt check, no result cache, -j 1",
                    [*mldebt, "--no-cache", "-j", "1", str(corpus)]),
        Measurement("k", "cli", "mldebt check, every cache cold, -j 1",
                    [*mldebt, "-j", "1", str(corpus)], cold=True),
        # Runs right after k, so its first run already finds k's results.
        Measurement("l", "cli", "mldebt check, result cache warm, -j 1",
                    [*mldebt, "-j", "1", str(corpus)]),
        Measurement("m", "cli", "mldebt check, no result cache, -j 2",
                    [*mldebt, "--no-cache", "-j", "2", str(corpus)]),
    ]


def skew_measurements(project: Path, rcfile: Path) -> list[Measurement]:
    """One serving file of a ~200-module project, as an editor lints it: with and without the index."""
    serving = next(
        path for path in sorted(project.rglob("*.py")) if "@app.post" in path.read_text(encoding="utf-8")
    )
    pylint = [sys.executable, "-m", "pylint", f"--rcfile={rcfile}", "--load-plugins=pylint_mldebt"]
    return [
        Measurement("h", "skew", "one serving file, cross-file rules, warm cache", [*pylint, str(serving)]),
        Measurement("i", "skew", "one serving file, cross-file rules disabled",
                    [*pylint, f"--disable={CROSS_FILE_RULES}", str(serving)]),
        Measurement("j", "skew", "one serving file, cross-file rules, cold cache", [*pylint, str(serving)],
                    cold=True),
    ]


def notebook_measurements(corpus: Path) -> list[Measurement]:
    """The CLI over 100 notebooks, and over the same code cells saved as .py files (analysis, not the cache)."""
    check = [sys.executable, "-m", "mldebt", "check", "--format", "json", "--no-cache", "-j", "1"]
    return [
        Measurement("n", "notebooks", f"mldebt check, {NOTEBOOK_COUNT} notebooks", [*check, str(corpus / "notebooks")]),
        Measurement("o", "notebooks", "mldebt check, the same code as .py files", [*check, str(corpus / "scripts")]),
    ]


def best_time(measurement: Measurement, repeat: int, cwd: Path, cache: Path) -> float:
    """Fastest of ``repeat`` runs; exits with the tool's stderr if any run fails.

    Every run keeps the project index's cache in ``cache``, never the user's own.
    """
    best = float("inf")
    environment = {**os.environ, "MLDEBT_CACHE_DIR": str(cache)}
    for _ in range(repeat):
        if measurement.cold:
            shutil.rmtree(cache, ignore_errors=True)
        start = time.perf_counter()
        result = subprocess.run(
            measurement.argv, cwd=cwd, env=environment, capture_output=True, text=True, check=False
        )
        elapsed = time.perf_counter() - start
        if measurement.failed(result):
            sys.stderr.write(result.stderr or result.stdout[-3000:])
            sys.exit(f"measurement {measurement.key} ({measurement.description}) failed "
                     f"with exit code {result.returncode}: {' '.join(measurement.argv)}")
        best = min(best, elapsed)
    return best


def corpus_size(corpus: Path) -> tuple[int, int]:
    """(Python files, lines) actually present, whoever generated the corpus."""
    files = sorted(corpus.rglob("*.py"))
    return len(files), sum(path.read_text(encoding="utf-8").count("\n") for path in files)


def compile_plugins() -> None:
    """Write the bytecode of mldebt's packages, as installing a wheel does.

    pylint, astroid and flake8 come from wheels with their bytecode written; an
    editable install of mldebt has none until an import writes it, and none at
    all when ``PYTHONDONTWRITEBYTECODE`` is set. Without this, every measured
    process would compile mldebt from source and charge that to the plugin.
    """
    for package in PLUGIN_PACKAGES:
        spec = importlib.util.find_spec(package)
        for folder in spec.submodule_search_locations if spec else ():
            compileall.compile_dir(folder, quiet=1)


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per measurement; the best counts")
    parser.add_argument("--jobs", type=int, default=1, help="passed to pylint and flake8 as -j")
    parser.add_argument("--only", choices=["pylint", "flake8", "cli", "skew", "notebooks"], action="append",
                        help="run only this group (repeatable)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_OUT,
                        help="generated here (seed 0) when it does not exist yet")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()

    compile_plugins()
    corpus = args.corpus.resolve()
    if not corpus.exists():
        generate(corpus)
    files, lines = corpus_size(corpus)

    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        rcfile = Path(scratch) / "empty.rc"
        rcfile.write_text("")
        selected = [measurement for measurement in measurements(corpus, rcfile, args.jobs)
                    if not args.only or measurement.group in args.only]
        if not args.only or "skew" in args.only:
            if not SKEW_PROJECT.exists():
                generate(SKEW_PROJECT, lines=SKEW_PROJECT_LINES)
            selected += skew_measurements(SKEW_PROJECT, rcfile)
        if not args.only or "notebooks" in args.only:
            if not NOTEBOOK_CORPUS.exists():
                generate_notebooks(NOTEBOOK_CORPUS, count=NOTEBOOK_COUNT)
            selected += notebook_measurements(NOTEBOOK_CORPUS)
        for measurement in selected:
            where = {"skew": SKEW_PROJECT, "notebooks": NOTEBOOK_CORPUS}.get(measurement.group, corpus)
            seconds[measurement.key] = best_time(measurement, args.repeat, cwd=where,
                                                 cache=Path(scratch) / "cache")
            if not args.json:
                print(f"  {measurement.key}  {measurement.description:<40} "
                      f"{seconds[measurement.key]:8.2f} s", flush=True)

    ratios = {name: seconds[top] / seconds[bottom]
              for name, (top, bottom, _) in RATIOS.items() if top in seconds and bottom in seconds}
    if args.json:
        targets = {name: target for name, (_, _, target) in RATIOS.items()}
        print(json.dumps({"corpus": {"files": files, "lines": lines}, "repeat": args.repeat,
                          "jobs": args.jobs, "seconds": seconds, "ratios": ratios,
                          "targets": targets}, indent=2))
        return
    print(f"corpus: {files} files, {lines} lines; best of {args.repeat}, -j {args.jobs}")
    for name, ratio in ratios.items():
        target = RATIOS[name][2]
        verdict = "ok" if ratio <= target else "OVER TARGET"
        print(f"  {name}  {ratio:5.2f}  (target <= {target:.2f})  {verdict}")
    if "g" in seconds:
        print(f"  g    {seconds['g']:5.2f} s  (mldebt CLI alone, -j 1, no result cache)")
    if "h" in seconds:
        project_files, project_lines = corpus_size(SKEW_PROJECT)
        print(f"  h, i, j: one serving file of a {project_files}-module project ({project_lines} lines)")
    if "n" in seconds:
        _, notebook_lines = corpus_size(NOTEBOOK_CORPUS / "scripts")
        print(f"  n    {seconds['n'] / NOTEBOOK_COUNT * 1000:5.1f} ms per notebook, start-up included "
              f"({NOTEBOOK_COUNT} notebooks, {notebook_lines} lines of code; .py: "
              f"{seconds['o'] / NOTEBOOK_COUNT * 1000:.1f} ms per file)")


if __name__ == "__main__":
    main()
