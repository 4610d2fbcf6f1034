"""The benchmark script runs and reports every figure (no timings are asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_render_reports_every_figure() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_render.py"), "--quick", "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    figures = json.loads(result.stdout)
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
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_start.py"), "--quick", "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    figures = json.loads(result.stdout)
    assert set(figures["ms"]) == {"bare_python", "import_vorlagen", "cli_render"}
    assert figures["ms"]["import_vorlagen"] > figures["ms"]["bare_python"] > 0
