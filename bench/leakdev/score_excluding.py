#!/usr/bin/env python3
"""Score a leakdev findings JSON twice: raw, and with the labels disputed in DISPUTED.md left out.

    python bench/leakdev/score_excluding.py FINDINGS.json [--verbose]
        [--out /tmp/leakdev] [--leakdev /work/shared/leakdev/leakdev.py] [--disputed bench/leakdev/DISPUTED.md]

Every table row of DISPUTED.md (``| source | case | kind | label | reason |``) removes that one label (the
case keeps its other kind). The scoring is leakdev.py's own ``score``, run on a filtered copy of
``OUT/labels.json`` in a temporary directory; OUT itself is only read. A row naming a case or label that
leakdev does not have is reported and stops the script, so a stale table cannot shift the numbers silently.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ("preprocessing", "overlap")
TRUE_WORDS = {"true", "positive", "1"}
FALSE_WORDS = {"false", "negative", "0"}


def disputed_rows(path: Path) -> list[tuple[str, str, bool]]:
    """(case id, kind, label) of every data row of every table in DISPUTED.md."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.lstrip().startswith("|") or len(cells) < 5 or cells[2] not in KINDS:
            continue  # prose, header and separator rows
        source, case, kind, label = cells[:4]
        word = label.lower()
        if word not in TRUE_WORDS | FALSE_WORDS:
            raise SystemExit(f"{path}: label {label!r} of {case} is neither true nor false")
        rows.append((f"{source}/{case}", kind, word in TRUE_WORDS))
    return rows


def load_leakdev(path: Path):
    spec = importlib.util.spec_from_file_location("leakdev", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("findings")
    ap.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "leakdev"), help="leakdev's prepared folder")
    ap.add_argument("--leakdev", default="/work/shared/leakdev/leakdev.py")
    ap.add_argument("--disputed", default=str(HERE / "DISPUTED.md"))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    leakdev = load_leakdev(Path(args.leakdev))
    labels = json.loads((Path(args.out) / "labels.json").read_text())
    by_id = {case["id"]: case for case in labels["cases"]}
    rows = disputed_rows(Path(args.disputed))
    problems = []
    for case_id, kind, label in rows:
        case = by_id.get(case_id)
        if case is None or case["labels"].get(kind) is None:
            problems.append(f"{case_id}: no {kind} label in leakdev")
        elif case["labels"][kind] != label:
            problems.append(f"{case_id}: DISPUTED.md says {kind} {label}, leakdev says {case['labels'][kind]}")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1

    print("raw")
    leakdev.score(argparse.Namespace(findings=args.findings, out=args.out, verbose=args.verbose))
    for case_id, kind, _ in rows:
        del by_id[case_id]["labels"][kind]
    counts = {kind: sum(1 for _, k, _ in rows if k == kind) for kind in KINDS}
    with tempfile.TemporaryDirectory(prefix="leakdev-excluding-") as filtered:
        (Path(filtered) / "labels.json").write_text(json.dumps(labels))
        print("\nexcluding disputed labels (" + ", ".join(f"{kind} {n}" for kind, n in counts.items()) + ")")
        leakdev.score(argparse.Namespace(findings=args.findings, out=filtered, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
