"""Benchmarks: speed and memory, as ratios against baselines measured in the same run."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping


def arguments(description: str) -> argparse.ArgumentParser:
    """The options every benchmark script has (``--json``); add your own to the result."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser


def report(figures: Mapping[str, object], as_json: bool) -> None:
    """Print the figures as JSON or as a two-column table."""
    if as_json:
        print(json.dumps(figures, indent=2))
        return
    width = max(map(len, figures)) + 2
    for name, value in figures.items():
        print(f"{name:{width}} {value}")
