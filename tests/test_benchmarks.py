"""The benchmark script runs and reports every figure (no timings are asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def quick_figures(script: str, *options: str) -> Any:
    """What a benchmark script reports with ``--quick --json``."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), "--quick", "--json", *options],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout)


def test_bench_render_reports_every_figure() -> None:
    figures = quick_figures("bench_render.py")
    assert set(figures["per_paper_ms"]) == {"naive_docxtpl", "template_render", "zip_floor"}
    assert all(value > 0 for value in figures["per_paper_ms"].values())
    assert set(figures["scaling_ms"]) == {"1", "10", "100", "1000"}
    assert figures["papers_per_second"]["1"] > 0
    assert figures["papers_per_second"]["2"] > 0
    assert isinstance(figures["rss_growth_mib"], float | int)
    assert set(figures["variants_ms"]) == {
        "without_link_image",
        "with_link_image",
        "template_hausstil",
        "hausstil_per_render",
    }
    assert figures["link_image_over_plain"] > 0
    assert figures["hausstil_over_template"] > 0


def test_bench_start_reports_every_figure() -> None:
    figures = quick_figures("bench_start.py")
    assert set(figures["ms"]) == {"bare_python", "import_vorlagen", "cli_render"}
    assert figures["ms"]["import_vorlagen"] > figures["ms"]["bare_python"] > 0


def test_bench_large_template_reports_every_figure() -> None:
    figures = quick_figures("bench_large_template.py")
    assert set(figures["seconds"]) == {"parse_body", "check_template", "load", "render"}
    assert all(value > 0 for value in figures["seconds"].values())
    assert figures["load_over_parse"] > 0
    assert figures["render_over_parse"] > 0


def test_bench_mappe_reports_every_figure() -> None:
    figures = quick_figures("bench_mappe.py", "--no-pdf")
    assert figures["papers"] == 8
    assert set(figures["docx_s"]) == {"papers_one_by_one", "mappe"}
    assert figures["mappe_over_papers"] > 0
