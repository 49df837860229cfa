"""Draw the findings to label: up to N per rule, seeded, spread over repositories.

    python bench/primer/sample.py [--per-rule 15] [--seed 9] [--context 6] [--work DIR]

Reads the stored runs in expected/ and prints, per rule, the sampled findings as
``repo<TAB>path<TAB>line<TAB>symbol`` (the first columns of labels.tsv) followed, when the
extraction is present under --work, by the code around each finding for reading. A notebook
finding's line counts within its cell (as in the stored run): the cell number is printed with
it, and the code shown is that cell's. ``--only notebooks`` / ``--only py`` draws from one kind
of file.
Repositories take turns (in a seeded order), so one repository with many findings of a rule
cannot fill that rule's whole sample.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

from run import DEFAULT_WORK, EXPECTED_DIR, INTERNAL_ERROR


def load_runs() -> dict[str, list[dict]]:
    runs = {}
    for path in sorted(EXPECTED_DIR.glob("*.json")):
        stored = json.loads(path.read_text(encoding="utf-8"))
        runs[stored["repo"]] = stored["findings"]
    return runs


def is_notebook(finding: dict) -> bool:
    return finding["path"].endswith(".ipynb")


def sample(runs: dict[str, list[dict]], per_rule: int, seed: int, only: str = "all") -> dict[str, list[tuple[str, dict]]]:
    """symbol -> [(repo, finding)], at most ``per_rule`` each, round-robin over repositories."""
    rng = random.Random(seed)
    by_rule: dict[str, dict[str, list[dict]]] = collections.defaultdict(lambda: collections.defaultdict(list))
    for repo, findings in sorted(runs.items()):
        for finding in findings:
            if only != "all" and is_notebook(finding) != (only == "notebooks"):
                continue
            if finding["code"] != INTERNAL_ERROR:
                by_rule[finding["symbol"]][repo].append(finding)
    chosen = {}
    for symbol in sorted(by_rule):
        pools = {repo: rng.sample(findings, len(findings)) for repo, findings in sorted(by_rule[symbol].items())}
        order = rng.sample(sorted(pools), len(pools))
        picked: list[tuple[str, dict]] = []
        while len(picked) < per_rule and any(pools.values()):
            for repo in order:
                if pools[repo] and len(picked) < per_rule:
                    picked.append((repo, pools[repo].pop()))
        chosen[symbol] = sorted(picked, key=lambda item: (item[0], item[1]["path"], item[1].get("cell", 0), item[1]["line"]))
    return chosen


def source_lines(source: Path, finding: dict) -> list[str]:
    """The lines a finding's line numbers count in: the file's, or its notebook cell's."""
    text = source.read_text(encoding="utf-8", errors="replace")
    if "cell" not in finding:
        return text.splitlines()
    cells = json.loads(text).get("cells", [])
    if not 0 < finding["cell"] <= len(cells):
        return []
    code = cells[finding["cell"] - 1].get("source", "")
    return ("".join(code) if isinstance(code, list) else code).splitlines()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-rule", type=int, default=15)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--context", type=int, default=6, help="lines of code shown around a finding (0: none)")
    parser.add_argument("--rule", action="append", default=[], help="only these symbols (repeatable)")
    parser.add_argument("--only", choices=("all", "py", "notebooks"), default="all", help="draw from these files only")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    arguments = parser.parse_args()
    for symbol, picked in sample(load_runs(), arguments.per_rule, arguments.seed, arguments.only).items():
        if arguments.rule and symbol not in arguments.rule:
            continue
        print(f"## {symbol}: {len(picked)} sampled")
        for repo, finding in picked:
            print(f"{repo}\t{finding['path']}\t{finding['line']}\t{symbol}")
            if arguments.context:
                if "cell" in finding:
                    print(f"    cell {finding['cell']}")
                print(f"    {finding['message']}")
                source = arguments.work / repo.replace("/", "__") / finding["path"]
                if source.is_file():
                    lines = source_lines(source, finding)
                    first = max(1, finding["line"] - arguments.context)
                    last = min(len(lines), finding["end_line"] + arguments.context)
                    for number in range(first, last + 1):
                        mark = ">" if finding["line"] <= number <= finding["end_line"] else " "
                        print(f"    {mark}{number:5} {lines[number - 1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
