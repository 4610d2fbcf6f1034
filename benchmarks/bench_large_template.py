"""A template of report size: loading and rendering it, against one parse of its body.

A body of 16,000 paragraphs and a table of 2,000 rows (about 6 MB of XML, as large real
documents have), with the shipped template's tags between a long static start and end. The
baseline is what any reader of the file pays once: one lxml parse of
the body. ``--quick`` builds a tenth of it.

python benchmarks/bench_large_template.py [--quick] [--json]
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

import vorlagen  # noqa: E402
from benchmarks import run_and_report  # noqa: E402
from tests.conftest import example  # noqa: E402
from tests.templates import shipped_parts  # noqa: E402
from vorlagen.docx import build as b  # noqa: E402

TEXT = (
    "Der Bericht der Verwaltung zur Lage der Kreisstraßen beschreibt den Zustand jeder "
    "Fahrbahn, jeder Brücke und jedes Durchlasses im Kreisgebiet, Abschnitt für Abschnitt."
)


def large_template(paragraphs: int) -> tuple[bytes, bytes]:
    """The template and its body: static paragraphs and a table before and after the tags."""
    parts: dict[str, str | bytes] = {**shipped_parts()}
    body = str(parts["word/document.xml"])
    half = paragraphs // 2
    widths = [3000, 3000, 3355]
    rows = [b.row([b.cell(f"Abschnitt {n}", w) for w in widths]) for n in range(half // 4)]
    static = "".join(b.para(f"{n}. {TEXT}") for n in range(half)) + b.table(widths, rows)
    start = body.index("<w:body>") + len("<w:body>")
    end = body.rindex("<w:sectPr")
    document = body[:start] + static + body[start:end] + static + body[end:]
    parts["word/document.xml"] = document
    return b.zip_parts(parts), document.encode("utf-8")


def best(step: Callable[[], object], repeat: int) -> float:
    """The shortest of ``repeat`` runs of ``step``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times)


def run(quick: bool) -> dict[str, Any]:
    paragraphs = 1_600 if quick else 16_000
    repeat = 1 if quick else 3
    data, body = large_template(paragraphs)
    paper = example("beschlussvorlage.json")
    template = vorlagen.Template.from_bytes(data)
    parse = best(lambda: etree.fromstring(body), repeat)
    load = best(lambda: vorlagen.Template.from_bytes(data), repeat)
    check = best(lambda: vorlagen.check_template(data), repeat)
    render = statistics.median(best(lambda: template.render(paper), 1) for _ in range(repeat))
    return {
        "paragraphs": paragraphs,
        "body_mb": round(len(body) / 2**20, 1),
        "seconds": {
            "parse_body": round(parse, 3),
            "check_template": round(check, 3),
            "load": round(load, 3),
            "render": round(render, 3),
        },
        "load_over_parse": round(load / parse, 1),
        "render_over_parse": round(render / parse, 1),
    }


def table(figures: dict[str, Any]) -> str:
    s = figures["seconds"]
    return "\n".join(
        [
            f"body: {figures['paragraphs']} paragraphs, {figures['body_mb']} MB of XML",
            f"one parse of the body  {s['parse_body']:.3f} s",
            f"check_template         {s['check_template']:.3f} s",
            f"Template.from_bytes    {s['load']:.3f} s  ({figures['load_over_parse']}x)",
            f"render                 {s['render']:.3f} s  ({figures['render_over_parse']}x)",
        ]
    )


if __name__ == "__main__":
    raise SystemExit(run_and_report(__doc__, run, table))
