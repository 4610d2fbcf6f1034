"""How fast vorlagen renders, measured against baselines taken in the same run.

    python benchmarks/bench_render.py            # a table
    python benchmarks/bench_render.py --json     # the same figures as JSON
    python benchmarks/bench_render.py --quick    # fewer repetitions, for a smoke test

Measured, on the shipped default template and the example Beschlussvorlage:

- naive docxtpl: a DocxTemplate per paper, rendered (autoescape on, the same formatting
  hooks) and saved to memory, as a docxtpl user would do it;
- Template.render: the prepared template;
- the floor: writing the same output parts into a zip with zipfile, nothing else;
- scaling of the Sachdarstellung over 1 to 10,000 paragraphs;
- resident memory over 2,000 consecutive renders;
- throughput of render_many with 1 and 2 worker processes.

Times are medians of repeated runs; the variants of one comparison are run interleaved, so
that noise on the machine affects them alike.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import vorlagen  # noqa: E402
from vorlagen import template  # noqa: E402
from vorlagen.docx import content as _ooxml  # noqa: E402
from vorlagen.render.engine import _DocxTemplate  # noqa: E402

PARAGRAPH = (
    'Der Kreistag hat am 14.12.2023 die "Schulentwicklungsplanung" beschlossen; die Kosten '
    "von 4.850.000 € verteilen sich gem. § 26 Abs. 1 KrO NRW auf die Jahre 2027-2029, z. B. "
    "für Planung, Bau und Ausstattung der Fachräume des Berufskollegs."
)


def example() -> vorlagen.Sitzungsvorlage:
    text = (ROOT / "examples" / "beschlussvorlage.json").read_text(encoding="utf-8")
    return vorlagen.Sitzungsvorlage.model_validate_json(text)


def with_paragraphs(paper: vorlagen.Sitzungsvorlage, count: int) -> vorlagen.Sitzungsvorlage:
    data = paper.model_dump(mode="json")
    data["sachdarstellung"] = [{"typ": "absatz", "text": PARAGRAPH}] * count
    return vorlagen.Sitzungsvorlage.model_validate(data)


def naive(tpl: vorlagen.Template) -> Callable[[vorlagen.Sitzungsvorlage], bytes]:
    """Use docxtpl as its users do: load the template, render, save, for every paper."""
    env = tpl._environment()

    def render(paper: vorlagen.Sitzungsvorlage) -> bytes:
        token = template._STATE.set(_ooxml.RenderState(tpl._styles))
        try:
            doc = _DocxTemplate(io.BytesIO(tpl.data))
            doc.render({"vorlage": paper}, jinja_env=env)
            out = io.BytesIO()
            doc.save(out)
            return out.getvalue()
        finally:
            template._STATE.reset(token)

    return render


def floor(docx: bytes) -> Callable[[], bytes]:
    """Writing the given document's parts into a zip: the least any renderer must do."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        parts = [(name, z.read(name)) for name in z.namelist()]

    def write() -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for name, data in parts:
                target.writestr(name, data)
        return out.getvalue()

    return write


def medians(
    functions: dict[str, Callable[[], object]], repeats: int, inner: int
) -> dict[str, float]:
    """Median seconds per call of each function, measured interleaved."""
    samples: dict[str, list[float]] = {name: [] for name in functions}
    for function in functions.values():
        function()  # warm up
    for _ in range(repeats):
        for name, function in functions.items():
            start = time.perf_counter()
            for _ in range(inner):
                function()
            samples[name].append((time.perf_counter() - start) / inner)
    return {name: statistics.median(values) for name, values in samples.items()}


def rss_mib() -> float:
    """Resident memory of this process (Linux /proc), in MiB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def run(quick: bool) -> dict[str, Any]:
    paper = example()
    repeats, inner = (5, 5) if quick else (21, 20)
    out: dict[str, Any] = {}

    for name in ("default", "stadt"):
        shipped = vorlagen.Template.from_path(ROOT / "vorlagen" / "templates" / f"{name}.docx")
        speed = medians(
            {
                "naive_docxtpl": partial(naive(shipped), paper),
                "template_render": partial(shipped.render, paper),
                "zip_floor": floor(shipped.render(paper)),
            },
            repeats,
            inner,
        )
        prefix = "" if name == "default" else f"{name}_"
        out[f"{prefix}per_paper_ms"] = {k: round(v * 1000, 3) for k, v in speed.items()}
        out[f"{prefix}naive_over_render"] = round(
            speed["naive_docxtpl"] / speed["template_render"], 2
        )
        out[f"{prefix}render_over_floor"] = round(speed["template_render"] / speed["zip_floor"], 2)

    tpl = vorlagen.Template.from_path(ROOT / "vorlagen" / "templates" / "default.docx")
    sizes = [1, 10, 100, 1000] if quick else [1, 10, 100, 1000, 10000]
    scaled = {size: with_paragraphs(paper, size) for size in sizes}
    scaling = medians(
        {str(size): partial(tpl.render, p) for size, p in scaled.items()},
        3 if quick else 5,
        1,
    )
    out["scaling_ms"] = {size: round(seconds * 1000, 2) for size, seconds in scaling.items()}
    if "10000" in scaling:
        out["scaling_10000_over_1000"] = round(scaling["10000"] / scaling["1000"], 2)

    renders = 500 if quick else 2000
    for _ in range(100):
        tpl.render(paper)
    before = rss_mib()
    for _ in range(renders - 100):
        tpl.render(paper)
    out["rss_growth_mib"] = round(rss_mib() - before, 2)
    out["rss_renders"] = renders

    batch = [paper] * (200 if quick else 1000)
    throughput: dict[str, list[float]] = {"1": [], "2": []}
    list(vorlagen.render_many(batch[:20], workers=2))  # warm up
    for _ in range(1 if quick else 3):
        for workers in (1, 2):
            start = time.perf_counter()
            results = list(vorlagen.render_many(batch, workers=workers))
            assert all(r.ok for r in results)
            throughput[str(workers)].append(len(batch) / (time.perf_counter() - start))
    papers_per_s = {w: statistics.median(v) for w, v in throughput.items()}
    out["papers_per_second"] = {w: round(v, 1) for w, v in papers_per_s.items()}
    out["two_over_one_worker"] = round(papers_per_s["2"] / papers_per_s["1"], 2)
    out["cpus"] = os.cpu_count()
    return out


def table(figures: dict[str, Any]) -> str:
    ms = figures["per_paper_ms"]
    town = figures["stadt_per_paper_ms"]
    lines = [
        "per paper (median, ms)     default.docx   stadt.docx",
        f"  naive docxtpl        {ms['naive_docxtpl']:8.3f}     {town['naive_docxtpl']:8.3f}",
        f"  Template.render      {ms['template_render']:8.3f}     {town['template_render']:8.3f}",
        f"  zip floor            {ms['zip_floor']:8.3f}     {town['zip_floor']:8.3f}",
        f"  naive / render       {figures['naive_over_render']:8.2f}x    "
        f"{figures['stadt_naive_over_render']:8.2f}x   (target >= 10)",
        f"  render / floor       {figures['render_over_floor']:8.2f}x    "
        f"{figures['stadt_render_over_floor']:8.2f}x   (target <= 2)",
        "Sachdarstellung paragraphs -> ms per render",
        *(f"  {size:>6}             {value:8.2f}" for size, value in figures["scaling_ms"].items()),
    ]
    if "scaling_10000_over_1000" in figures:
        lines.append(
            f"  10000 / 1000         {figures['scaling_10000_over_1000']:8.2f}x   (target <= 12)"
        )
    lines += [
        f"resident memory growth over {figures['rss_renders']} renders after the first 100: "
        f"{figures['rss_growth_mib']} MiB   (target < 10)",
        f"render_many papers/s: 1 worker {figures['papers_per_second']['1']}, "
        f"2 workers {figures['papers_per_second']['2']}, ratio "
        f"{figures['two_over_one_worker']}x   (target >= 1.7 on 2 cores; {figures['cpus']} here)",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    figures = run(args.quick)
    print(json.dumps(figures, indent=2) if args.json else table(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
