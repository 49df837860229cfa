"""Which real smells found by reading the primer does a stored run report?

The rows of ``labels.tsv`` with label ``FN`` are smells a reviewer found by
reading a repository (``symbol`` is the rule that should fire). A row counts as
reported when the stored run of its repository (``expected/`` by default) has a
finding of that rule in that file within ``--lines`` lines of it.

    python bench/primer/recall.py                  # the stored runs in expected/
    python bench/primer/recall.py --runs DIR       # runs stored elsewhere (same file names)
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def reported(row: dict[str, str], findings: list[dict], within: int) -> bool:
    line = int(row["line"] or 0)
    return any(
        finding["symbol"] == row["symbol"]
        and finding["path"].removeprefix("./") == row["path"]
        and abs(int(finding["line"]) - line) <= within
        for finding in findings
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=Path, default=HERE / "expected", help="folder of stored runs")
    parser.add_argument("--labels", type=Path, default=HERE / "labels.tsv")
    parser.add_argument("--lines", type=int, default=3, help="how far a finding may be from the labelled line")
    options = parser.parse_args(argv)
    with options.labels.open(encoding="utf-8", newline="") as labels:
        rows = [row for row in csv.DictReader(labels, delimiter="\t") if row["label"] == "FN"]
    found = 0
    for row in rows:
        run = options.runs / (row["repo"].replace("/", "__") + ".json")
        findings = json.loads(run.read_text(encoding="utf-8"))["findings"] if run.exists() else []
        hit = reported(row, findings, options.lines)
        found += hit
        print(f"{'reported' if hit else 'missed  '}  {row['symbol']:28} {row['repo']}:{row['path']}:{row['line']}")
    print(f"{found} of {len(rows)} smells found by reading are reported")
    return 0


if __name__ == "__main__":
    sys.exit(main())
