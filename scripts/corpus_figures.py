"""The corpus of real Word files in figures: how many load, are refused or crash, and the slowest.

python scripts/corpus_figures.py [--json]

Each file of ``../shared/reference/docx-corpus/`` (or ``VORLAGEN_CORPUS``) goes through
``check_template``, ``Template.from_bytes``, ``check_accessibility`` and a render of the
example paper; then again with the block of tags the corpus test adds at the end of its body.
A crash is any exception that is not the library's own.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import vorlagen  # noqa: E402
from tests.test_corpus import ALL_FILES, CORPUS, PAPER, with_block  # noqa: E402


def step(
    name: str, run: Callable[[], object], counts: Counter[str], times: list[tuple[float, str]]
) -> object:
    """Run one step: what it gave (None if it failed), counted as ok, refused or crashed."""
    start = time.perf_counter()
    try:
        result = run()
        counts[f"{name}: ok"] += 1
    except vorlagen.VorlagenError:
        result = None
        counts[f"{name}: refused"] += 1
    except Exception as e:  # a crash is what this counts
        result = None
        counts[f"{name}: crashed"] += 1
        print(f"crash in {name}: {e!r}", file=sys.stderr)
    times.append((time.perf_counter() - start, name))
    return result


def one_file(path: Path, counts: Counter[str]) -> list[tuple[float, str]]:
    """Every step on one file, counted; how long each took."""
    data = path.read_bytes()
    times: list[tuple[float, str]] = []
    problems = step("check_template", lambda: vorlagen.check_template(data), counts, times)
    if problems:  # reported as problems, not raised: the file is refused
        counts["check_template: ok"] -= 1
        counts["check_template: refused"] += 1
    template = step("load", lambda: vorlagen.Template.from_bytes(data), counts, times)
    step("check_accessibility", lambda: vorlagen.check_accessibility(data), counts, times)
    if isinstance(template, vorlagen.Template):
        step("render", lambda: template.render(PAPER), counts, times)
    blocked = with_block(data)
    if blocked is None:
        return times
    with_tags = step("load with tags", lambda: vorlagen.Template.from_bytes(blocked), counts, times)
    if isinstance(with_tags, vorlagen.Template):
        step("render with tags", lambda: with_tags.render(PAPER), counts, times)
    return times


def figures() -> dict[str, object]:
    counts: Counter[str] = Counter()
    slowest: list[tuple[float, str, str]] = []
    for path in ALL_FILES:
        name = str(path.relative_to(CORPUS))
        slowest += [(seconds, what, name) for seconds, what in one_file(path, counts)]
    return {
        "files": len(ALL_FILES),
        "steps": dict(sorted(counts.items())),
        "slowest": [
            {"seconds": round(s, 2), "step": what, "file": name}
            for s, what, name in sorted(slowest, reverse=True)[:5]
        ],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not ALL_FILES:
        print(
            f"no Word files in {CORPUS}: put the corpus there or name its folder in "
            "VORLAGEN_CORPUS",
            file=sys.stderr,
        )
        return 1
    result = figures()
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"{result['files']} files")
    for name, count in result["steps"].items():  # type: ignore[attr-defined]
        print(f"  {name:32} {count}")
    print("slowest steps:")
    for entry in result["slowest"]:  # type: ignore[attr-defined]
        print(f"  {entry['seconds']:5.2f} s  {entry['step']:20} {entry['file']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
