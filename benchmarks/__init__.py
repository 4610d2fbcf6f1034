"""Benchmarks: speed and memory, as ratios against baselines measured in the same run."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping
from typing import Any


def arguments(description: str) -> argparse.ArgumentParser:
    """The options every benchmark script has (``--json``); add your own to the result."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser


def run_and_report(
    doc: str, run: Callable[[bool], dict[str, Any]], table: Callable[[dict[str, Any]], str]
) -> int:
    """A benchmark with ``--json`` and ``--quick`` (fewer repetitions, for a smoke test)."""
    parser = arguments(doc.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    figures = run(args.quick)
    print(json.dumps(figures, indent=2) if args.json else table(figures))
    return 0


def report(figures: Mapping[str, object], as_json: bool) -> None:
    """Print the figures as JSON or as a two-column table."""
    if as_json:
        print(json.dumps(figures, indent=2))
        return
    width = max(map(len, figures)) + 2
    for name, value in figures.items():
        print(f"{name:{width}} {value}")
