"""Inputs far beyond real papers: how long they take, and whether time grows linearly.

python benchmarks/bench_limits.py [--json]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import vorlagen  # noqa: E402
from benchmarks import arguments, report  # noqa: E402
from tests.conftest import minimal_data  # noqa: E402


def seconds(data: dict[str, Any]) -> float:
    paper = vorlagen.Sitzungsvorlage.model_validate(data)
    start = time.perf_counter()
    vorlagen.render(paper)
    return time.perf_counter() - start


def paragraphs(count: int) -> dict[str, Any]:
    return minimal_data(
        sachdarstellung=[
            {"typ": "absatz", "text": f"Absatz {i} der Sachdarstellung"} for i in range(count)
        ]
    )


def beratungen(count: int) -> dict[str, Any]:
    folge = [
        {
            "gremium": f"Ausschuss {i}",
            "sitzungsdatum": "2026-06-01",
            "zustaendigkeit": "Vorberatung",
        }
        for i in range(count - 1)
    ]
    folge.append(
        {"gremium": "Kreistag", "sitzungsdatum": "2026-06-02", "zustaendigkeit": "Entscheidung"}
    )
    return minimal_data(beratungsfolge=folge)


def run() -> dict[str, float]:
    vorlagen.render(vorlagen.Sitzungsvorlage.model_validate(minimal_data()))  # warm up
    figures = {
        "paragraph_100kb_s": seconds(minimal_data(sachdarstellung="Sitzungsvorlage " * 6_554)),
        "paragraph_1mb_s": seconds(minimal_data(sachdarstellung="Sitzungsvorlage " * 65_536)),
        "paragraphs_10000_s": seconds(paragraphs(10_000)),
        "paragraphs_100000_s": seconds(paragraphs(100_000)),
        "beratungen_100_s": seconds(beratungen(100)),
        "beratungen_1000_s": seconds(beratungen(1_000)),
    }
    figures["paragraphs_100000_over_10000"] = (
        figures["paragraphs_100000_s"] / figures["paragraphs_10000_s"]
    )
    figures["paragraph_1mb_over_100kb"] = figures["paragraph_1mb_s"] / figures["paragraph_100kb_s"]
    figures["beratungen_1000_over_100"] = figures["beratungen_1000_s"] / figures["beratungen_100_s"]
    return {name: round(value, 3) for name, value in figures.items()}


def main() -> int:
    args = arguments(__doc__.split("\n")[0]).parse_args()
    report(run(), args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
