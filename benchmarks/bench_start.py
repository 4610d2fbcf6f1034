"""How fast vorlagen starts in a fresh process: importing it, and rendering one paper.

    python benchmarks/bench_start.py            # a table
    python benchmarks/bench_start.py --json     # the same figures as JSON
    python benchmarks/bench_start.py --quick    # fewer repetitions, for a smoke test

Many systems call the command line once per paper, so the first render of a process
counts. Measured, as medians of fresh processes run in turn (so that noise on the machine
affects them alike):

- the baseline: ``python -c pass``;
- ``import vorlagen`` (the model and the public names; rendering loads on first use);
- ``python -m vorlagen render beispiel.json -o x.docx``: the whole command, one paper.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import run_and_report  # noqa: E402


def seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


def run(quick: bool) -> dict[str, Any]:
    repeats = 5 if quick else 21
    with tempfile.TemporaryDirectory() as folder:
        paper = ROOT / "examples" / "beschlussvorlage.json"
        target = Path(folder) / "x.docx"
        commands = {
            "bare_python": [sys.executable, "-c", "pass"],
            "import_vorlagen": [sys.executable, "-c", "import vorlagen"],
            "cli_render": [
                sys.executable,
                "-m",
                "vorlagen",
                "render",
                str(paper),
                "-o",
                str(target),
            ],
        }
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():
            seconds(command)  # warm the file system cache
        for _ in range(repeats):
            for name, command in commands.items():
                samples[name].append(seconds(command))
        assert target.stat().st_size > 0
    ms = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    return {
        "ms": {name: round(value, 1) for name, value in ms.items()},
        "import_above_bare_ms": round(ms["import_vorlagen"] - ms["bare_python"], 1),
        "cli_render_ms": round(ms["cli_render"], 1),
    }


def table(figures: dict[str, Any]) -> str:
    ms = figures["ms"]
    return "\n".join(
        [
            "fresh process (median, ms)",
            f"  python -c pass                  {ms['bare_python']:8.1f}",
            f"  python -c 'import vorlagen'     {ms['import_vorlagen']:8.1f}",
            f"  import above bare python        {figures['import_above_bare_ms']:8.1f}"
            "   (target <= 150)",
            f"  python -m vorlagen render ...   {ms['cli_render']:8.1f}   (target < 500)",
        ]
    )


if __name__ == "__main__":
    raise SystemExit(run_and_report(__doc__, run, table))
