"""How fast vorlagen renders, measured against baselines taken in the same run.

    python benchmarks/bench_render.py            # a table
    python benchmarks/bench_render.py --json     # the same figures as JSON
    python benchmarks/bench_render.py --quick    # fewer repetitions, for a smoke test

Measured, on both shipped templates and the example Beschlussvorlage:

- naive docxtpl: a DocxTemplate per paper, rendered with the same Jinja environment and
  hooks and finished through python-docx, as a docxtpl user would do it (the reference the
  tests hold the render path against, ``tests/oracle.py``);
- Template.render: the prepared template;
- the floor: writing the same output parts into a zip with zipfile, nothing else;
- the same paper with a hyperlink and an image, against the paper without them;
- a house style given per render, against the template's own;
- scaling of the Sachdarstellung over 1 to 10,000 paragraphs;
- resident memory over 2,000 consecutive renders;
- throughput of render_many with 1 and 2 worker processes.

Times are medians of repeated runs; the variants of one comparison are run interleaved, so
that noise on the machine affects them alike.
"""

from __future__ import annotations

import io
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
from benchmarks import run_and_report  # noqa: E402
from tests.images import png  # noqa: E402
from tests.oracle import reference  # noqa: E402

PARAGRAPH = (
    'Der Kreistag hat am 14.12.2023 die "Schulentwicklungsplanung" beschlossen; die Kosten '
    "von 4.850.000 € verteilen sich gem. § 26 Abs. 1 KrO NRW auf die Jahre 2027-2029, z. B. "
    "für Planung, Bau und Ausstattung der Fachräume des Berufskollegs."
)
SHIPPED = ROOT / "vorlagen" / "templates"


def example() -> vorlagen.Sitzungsvorlage:
    text = (ROOT / "examples" / "beschlussvorlage.json").read_text(encoding="utf-8")
    return vorlagen.Sitzungsvorlage.model_validate_json(text)


def changed(paper: vorlagen.Sitzungsvorlage, **fields: Any) -> vorlagen.Sitzungsvorlage:
    return vorlagen.Sitzungsvorlage.model_validate({**paper.model_dump(), **fields})


def with_paragraphs(paper: vorlagen.Sitzungsvorlage, count: int) -> vorlagen.Sitzungsvorlage:
    return changed(paper, sachdarstellung=[{"typ": "absatz", "text": PARAGRAPH}] * count)


def with_link_and_image(paper: vorlagen.Sitzungsvorlage) -> vorlagen.Sitzungsvorlage:
    """The paper with one hyperlink and one image added to its Sachdarstellung."""
    blocks: list[Any] = list(paper.sachdarstellung.root)
    link = {"typ": "link", "text": "Haushaltsplan", "ziel": "https://www.kreis.example/haushalt"}
    blocks.append({"typ": "absatz", "text": ["Siehe den ", link, "."]})
    blocks.append({"typ": "bild", "daten": png(), "alt": "Lageplan", "beschriftung": "Lageplan"})
    return changed(paper, sachdarstellung=blocks)


def with_two_paragraphs(paper: vorlagen.Sitzungsvorlage) -> vorlagen.Sitzungsvorlage:
    """The paper with two plain paragraphs where the other has its link and image."""
    blocks: list[Any] = list(paper.sachdarstellung.root)
    blocks += [{"typ": "absatz", "text": "Siehe den Haushaltsplan."}]
    blocks += [{"typ": "absatz", "text": "Lageplan"}]
    return changed(paper, sachdarstellung=blocks)


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


def per_paper(paper: vorlagen.Sitzungsvorlage, repeats: int, inner: int) -> dict[str, Any]:
    """Naive docxtpl, Template.render and the zip floor on both shipped templates."""
    out: dict[str, Any] = {}
    for name in ("default", "stadt"):
        shipped = vorlagen.Template.from_path(SHIPPED / f"{name}.docx")
        speed = medians(
            {
                "naive_docxtpl": partial(reference, shipped, paper),
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
    return out


def variants(paper: vorlagen.Sitzungsvorlage, repeats: int, inner: int) -> dict[str, Any]:
    """What a link and an image cost, and what a house style given per render costs."""
    tpl = vorlagen.Template.from_path(SHIPPED / "default.docx")
    stil = vorlagen.Hausstil(datum_lang="dd. MMMM yyyy", waehrung="EUR")
    plain, rich = with_two_paragraphs(paper), with_link_and_image(paper)
    speed = medians(
        {
            "without_link_image": partial(tpl.render, plain),
            "with_link_image": partial(tpl.render, rich),
            "template_hausstil": partial(tpl.render, paper),
            "hausstil_per_render": partial(vorlagen.render, paper, template=tpl, hausstil=stil),
        },
        repeats,
        inner,
    )
    return {
        "variants_ms": {k: round(v * 1000, 3) for k, v in speed.items()},
        "link_image_over_plain": round(speed["with_link_image"] / speed["without_link_image"], 2),
        "hausstil_over_template": round(
            speed["hausstil_per_render"] / speed["template_hausstil"], 2
        ),
    }


def scaling(paper: vorlagen.Sitzungsvorlage, quick: bool) -> dict[str, Any]:
    tpl = vorlagen.Template.from_path(SHIPPED / "default.docx")
    sizes = [1, 10, 100, 1000] if quick else [1, 10, 100, 1000, 10000]
    scaled = {size: with_paragraphs(paper, size) for size in sizes}
    seconds = medians(
        {str(size): partial(tpl.render, p) for size, p in scaled.items()}, 3 if quick else 5, 1
    )
    out: dict[str, Any] = {"scaling_ms": {k: round(v * 1000, 2) for k, v in seconds.items()}}
    if "10000" in seconds:
        out["scaling_10000_over_1000"] = round(seconds["10000"] / seconds["1000"], 2)
    return out


def memory(paper: vorlagen.Sitzungsvorlage, renders: int) -> dict[str, Any]:
    tpl = vorlagen.Template.from_path(SHIPPED / "default.docx")
    for _ in range(100):
        tpl.render(paper)
    before = rss_mib()
    for _ in range(renders - 100):
        tpl.render(paper)
    return {"rss_growth_mib": round(rss_mib() - before, 2), "rss_renders": renders}


def throughput(paper: vorlagen.Sitzungsvorlage, quick: bool) -> dict[str, Any]:
    batch = [paper] * (200 if quick else 1000)
    samples: dict[str, list[float]] = {"1": [], "2": []}
    list(vorlagen.render_many(batch[:20], workers=2))  # warm up
    for _ in range(1 if quick else 3):
        for workers in (1, 2):
            start = time.perf_counter()
            results = list(vorlagen.render_many(batch, workers=workers))
            assert all(r.ok for r in results)
            samples[str(workers)].append(len(batch) / (time.perf_counter() - start))
    per_second = {w: statistics.median(v) for w, v in samples.items()}
    return {
        "papers_per_second": {w: round(v, 1) for w, v in per_second.items()},
        "two_over_one_worker": round(per_second["2"] / per_second["1"], 2),
        "cpus": os.cpu_count(),
    }


def run(quick: bool) -> dict[str, Any]:
    paper = example()
    repeats, inner = (5, 5) if quick else (21, 20)
    return {
        **per_paper(paper, repeats, inner),
        **variants(paper, repeats, inner),
        **scaling(paper, quick),
        **memory(paper, 500 if quick else 2000),
        **throughput(paper, quick),
    }


def table(figures: dict[str, Any]) -> str:
    ms, town, var = figures["per_paper_ms"], figures["stadt_per_paper_ms"], figures["variants_ms"]
    lines = [
        "per paper (median, ms)     default.docx   stadt.docx",
        f"  naive docxtpl        {ms['naive_docxtpl']:8.3f}     {town['naive_docxtpl']:8.3f}",
        f"  Template.render      {ms['template_render']:8.3f}     {town['template_render']:8.3f}",
        f"  zip floor            {ms['zip_floor']:8.3f}     {town['zip_floor']:8.3f}",
        f"  naive / render       {figures['naive_over_render']:8.2f}x    "
        f"{figures['stadt_naive_over_render']:8.2f}x   (target >= 10)",
        f"  render / floor       {figures['render_over_floor']:8.2f}x    "
        f"{figures['stadt_render_over_floor']:8.2f}x   (target <= 2)",
        "variants on default.docx (median, ms)",
        f"  without link, image  {var['without_link_image']:8.3f}",
        f"  with link and image  {var['with_link_image']:8.3f}     "
        f"{figures['link_image_over_plain']:5.2f}x   (target <= 1.5)",
        f"  template's Hausstil  {var['template_hausstil']:8.3f}",
        f"  Hausstil per render  {var['hausstil_per_render']:8.3f}     "
        f"{figures['hausstil_over_template']:5.2f}x   (target <= 1.2)",
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


if __name__ == "__main__":
    raise SystemExit(run_and_report(__doc__, run, table))
