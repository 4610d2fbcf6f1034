"""Real Word and LibreOffice files as templates: each loads, or is refused with our own error.

The corpus (``../shared/reference/docx-corpus/`` beside the checkout, or the folder
``VORLAGEN_CORPUS`` names) holds files from public projects, listed with their sources in
its ``MANIFEST.tsv``; it is read where it lies and never copied into the project. Each file
is checked, loaded and checked for accessibility: every step either works or gives the
library's own errors, none takes longer than two seconds.
"""

from __future__ import annotations

import csv
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

import vorlagen
from vorlagen import (
    AccessibilityProblem,
    ProblemKind,
    Template,
    TemplateError,
    TemplateProblem,
    VorlagenError,
)

CORPUS = Path(
    os.environ.get(
        "VORLAGEN_CORPUS",
        Path(__file__).resolve().parent.parent.parent / "shared" / "reference" / "docx-corpus",
    )
)
SUFFIXES = (".docx", ".dotx", ".docm", ".dotm")
ALL_FILES = (
    sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in SUFFIXES) if CORPUS.is_dir() else []
)
# the whole corpus in CI; locally every tenth file, the largest ones among them
FILES = (
    ALL_FILES
    if os.environ.get("CI") == "true"
    else sorted({*ALL_FILES[::10], *sorted(ALL_FILES, key=lambda p: p.stat().st_size)[-3:]})
)
LIMIT = 2.0  # seconds for each step

T = TypeVar("T")


@pytest.fixture(autouse=True)
def corpus_present() -> None:
    if not FILES:
        reason = f"the corpus of real Word files is not there: {CORPUS}"
        if os.environ.get("CI"):
            pytest.fail(f"the corpus is required in CI: {reason}")
        pytest.skip(reason)


def timed(step: Callable[[], T]) -> tuple[T | VorlagenError, float]:
    """What ``step`` returns or the library error it raises, and how long it took."""
    start = time.perf_counter()
    try:
        result: T | VorlagenError = step()
    except VorlagenError as e:
        result = e
    return result, time.perf_counter() - start


def assert_german_problems(problems: list[TemplateProblem]) -> None:
    for problem in problems:
        assert isinstance(problem, TemplateProblem)
        assert isinstance(problem.kind, ProblemKind)
        assert problem.message.strip()
        assert "Traceback" not in problem.message


@pytest.mark.parametrize("path", FILES or [CORPUS], ids=lambda p: str(p.relative_to(CORPUS)))
def test_a_real_file_loads_or_is_refused(path: Path) -> None:
    data = path.read_bytes()
    problems, took = timed(lambda: vorlagen.check_template(data))
    assert took < LIMIT, f"check_template: {took:.2f} s"
    assert isinstance(problems, list)
    assert_german_problems(problems)

    template, took = timed(lambda: Template.from_bytes(data, name=path.name))
    assert took < LIMIT, f"Template.from_bytes: {took:.2f} s"
    if isinstance(template, Template):
        assert problems == []
    else:
        assert isinstance(template, TemplateError)
        assert template.source == path.name
        assert template.problems == problems
        assert str(template).startswith(f"Vorlage {path.name!r}")

    found, took = timed(lambda: vorlagen.check_accessibility(data))
    assert took < LIMIT, f"check_accessibility: {took:.2f} s"
    if isinstance(found, VorlagenError):
        assert problems, "only a file refused as template may be refused here"
    else:
        assert all(isinstance(p, AccessibilityProblem) and p.message for p in found)


def test_the_manifest_lists_every_file() -> None:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8", newline="") as f:
        listed = {row["file"] for row in csv.DictReader(f, delimiter="\t")}
    assert {str(p.relative_to(CORPUS)) for p in ALL_FILES} <= listed
    assert len(ALL_FILES) >= 450
