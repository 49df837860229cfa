"""``--statistics``: how many findings each rule made, most first, like ruff's."""

from __future__ import annotations

import json
from collections import Counter

from mldebt.report.outcome import Report


def statistics(report: Report) -> list[dict[str, object]]:
    counts = Counter((finding.code, finding.symbol) for finding in report.findings)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{"code": code, "symbol": symbol, "count": count} for (code, symbol), count in ordered]


def render_statistics(report: Report, output_format: str) -> str:
    rows = statistics(report)
    if output_format == "json":
        return json.dumps(rows, indent=2) + "\n"
    width = max((len(str(row["count"])) for row in rows), default=1)
    return "".join(f"{row['count']:>{width}}\t{row['code']}\t{row['symbol']}\n" for row in rows)
