"""The Sitzungsmappe of 40 papers against its papers rendered and converted one by one.

DOCX: the Mappe (Einladung, then every paper in its own section) against rendering the 40
papers one by one with the same template. PDF: the Mappe's PDF (rendering and one
LibreOffice run), against converting the 40 papers in one batch, and against single
conversions (measured for a few, counted for 40). ``--quick``: 8 papers, no single
conversions; ``--no-pdf``: DOCX only.

python benchmarks/bench_mappe.py [--quick] [--no-pdf] [--json]
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

import vorlagen  # noqa: E402
from benchmarks import arguments  # noqa: E402
from tests.conftest import example_sitzung  # noqa: E402


def meeting(papers: int) -> vorlagen.Sitzung:
    """The example meeting with ``papers`` items, each with one of its papers in turn."""
    example = example_sitzung()
    public = [v for v in example.vorlagen if v.oeffentlich]
    hidden = [v for v in example.vorlagen if not v.oeffentlich]
    chosen = [public[n % len(public)] for n in range(papers - papers // 4)]
    chosen += [hidden[n % len(hidden)] for n in range(papers // 4)]
    tops = [vorlagen.Tagesordnungspunkt(titel=v.betreff, vorlage=v) for v in chosen]
    return example.model_copy(update={"tagesordnung": tops})


def seconds(step: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(papers: int, repeat: int, pdf: bool, singles: int) -> dict[str, Any]:
    sitzung = meeting(papers)
    template = vorlagen.Template.shipped("default")
    documents = [template.render(v) for v in sitzung.vorlagen]  # warm up
    vorlagen.render_mappe(sitzung)
    figures: dict[str, Any] = {"papers": papers}
    one_by_one = seconds(lambda: [template.render(v) for v in sitzung.vorlagen], repeat)
    mappe = seconds(lambda: vorlagen.render_mappe(sitzung), repeat)
    figures["docx_s"] = {"papers_one_by_one": round(one_by_one, 3), "mappe": round(mappe, 3)}
    figures["mappe_over_papers"] = round(mappe / one_by_one, 2)
    if not pdf:
        return figures
    vorlagen.to_pdf(documents[0])  # warm the disk cache for LibreOffice's own files
    batch = seconds(lambda: vorlagen.to_pdf_many(documents), 1)
    mappe_pdf = seconds(lambda: vorlagen.render_mappe_pdf(sitzung), 1)
    figures["pdf_s"] = {"papers_in_one_batch": round(batch, 2), "mappe": round(mappe_pdf, 2)}
    figures["mappe_pdf_over_batch"] = round(mappe_pdf / batch, 2)
    if singles:
        single = seconds(lambda: vorlagen.to_pdf(documents[0]), singles)
        figures["pdf_s"]["single_conversions_counted"] = round(single * papers, 2)
        figures["singles_over_mappe_pdf"] = round(single * papers / mappe_pdf, 1)
    return figures


def table(figures: dict[str, Any]) -> str:
    lines = [f"{figures['papers']} papers"]
    for group in ("docx_s", "pdf_s"):
        for name, value in figures.get(group, {}).items():
            lines.append(f"  {group[:-2]} {name:28} {value} s")
    ratios = ("mappe_over_papers", "mappe_pdf_over_batch")
    for name in (*ratios, "singles_over_mappe_pdf"):
        if name in figures:
            lines.append(f"  {name:33} {figures[name]}x")
    return "\n".join(lines)


def main() -> int:
    import json

    parser = arguments(__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="8 papers, fewer repetitions")
    parser.add_argument("--no-pdf", action="store_true", help="without LibreOffice")
    args = parser.parse_args()
    papers, repeat, singles = (8, 1, 0) if args.quick else (40, 5, 3)
    figures = run(papers, repeat, not args.no_pdf, singles)
    print(json.dumps(figures, indent=2) if args.json else table(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
