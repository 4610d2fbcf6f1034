"""Real Word and LibreOffice files as templates: each loads, or is refused with our own error.

The corpus (``../shared/reference/docx-corpus/`` beside the checkout, or the folder
``VORLAGEN_CORPUS`` names) holds files from public projects, listed with their sources in
its ``MANIFEST.tsv``; it is read where it lies and never copied into the project. Each file
is checked, loaded and checked for accessibility: every step either works or gives the
library's own errors, none takes longer than two seconds. The giants (a body of more than
4 MB of XML, such as POI's ``bug65649.docx`` with 12 MB and 16,000 paragraphs) get four.

Then a block of our tags is added at the end of each file's body: every file that loads so
renders the example paper with every value of the block in it, and its output has no
error in openxml-audit's eyes that the file itself had not.
"""

from __future__ import annotations

import csv
import io
import os
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from lxml import etree
from openxml_audit import OpenXmlValidator

import vorlagen
from tests import templates
from tests.conftest import example, open_docx
from vorlagen import (
    AccessibilityProblem,
    ProblemKind,
    Template,
    TemplateError,
    TemplateProblem,
    VorlagenError,
)
from vorlagen.docx.build import zip_parts
from vorlagen.docx.ns import W_NS as W

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
GIANT_LIMIT = 4.0  # seconds for each step on a body of more than GIANT bytes
GIANT = 4 * 2**20
CI = os.environ.get("CI") == "true"

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


def limit(data: bytes) -> float:
    """The seconds each step may take on a file: more for a giant body."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            size = z.getinfo("word/document.xml").file_size
    except (zipfile.BadZipFile, KeyError):
        size = 0
    return GIANT_LIMIT if size > GIANT else LIMIT


@pytest.mark.parametrize("path", FILES or [CORPUS], ids=lambda p: str(p.relative_to(CORPUS)))
def test_a_real_file_loads_or_is_refused(path: Path) -> None:
    data = path.read_bytes()
    seconds = limit(data)
    problems, took = timed(lambda: vorlagen.check_template(data))
    assert took < seconds, f"check_template: {took:.2f} s"
    assert isinstance(problems, list)
    assert_german_problems(problems)

    template, took = timed(lambda: Template.from_bytes(data, name=path.name))
    assert took < seconds, f"Template.from_bytes: {took:.2f} s"
    if isinstance(template, Template):
        assert problems == []
    else:
        assert isinstance(template, TemplateError)
        assert template.source == path.name
        assert template.problems == problems
        assert str(template).startswith(f"Vorlage {path.name!r}")

    found, took = timed(lambda: vorlagen.check_accessibility(data))
    assert took < seconds, f"check_accessibility: {took:.2f} s"
    if isinstance(found, VorlagenError):
        assert problems, "only a file refused as template may be refused here"
    else:
        assert all(isinstance(p, AccessibilityProblem) and p.message for p in found)


def test_the_manifest_lists_every_file() -> None:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8", newline="") as f:
        listed = {row["file"] for row in csv.DictReader(f, delimiter="\t")}
    assert {str(p.relative_to(CORPUS)) for p in ALL_FILES} <= listed
    assert len(ALL_FILES) >= 450


#: The block of tags added at the end of each body: values, a date, a loop, rich content.
BLOCK = (
    "{{ vorlage.betreff }}",
    "Vorlage {{ vorlage.nummer }} vom {{ vorlage.datum|datum }}",
    "{%p for b in vorlage.beratungsfolge %}",
    "{{ b.gremium }} am {{ b.sitzungsdatum|datum }}: {{ b.zustaendigkeit }}",
    "{%p endfor %}",
    "{{p vorlage.sachdarstellung }}",
)


def with_block(data: bytes) -> bytes | None:
    """``data`` with :data:`BLOCK` as paragraphs at the end of its body; None if it has none.

    The body is parsed and written by lxml, whatever prefix it uses.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = {info.filename: z.read(info) for info in z.infolist()}
        root = etree.fromstring(parts["word/document.xml"], etree.XMLParser(resolve_entities=False))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError):
        return None
    body = root.find(f"{{{W}}}body")
    if body is None:
        return None
    last = body[-1] if len(body) else None
    for text in BLOCK:
        paragraph = etree.Element(f"{{{W}}}p")
        etree.SubElement(etree.SubElement(paragraph, f"{{{W}}}r"), f"{{{W}}}t").text = text
        if last is not None and last.tag == f"{{{W}}}sectPr":
            last.addprevious(paragraph)
        else:
            body.append(paragraph)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return zip_parts(parts)


PAPER = example("beschlussvorlage.json")


@pytest.fixture(scope="module")
def block_texts() -> list[str]:
    """The paragraphs the block gives in a template of our own: every value, as printed."""
    data = with_block(templates.bare())
    assert data is not None
    texts = [p.text for p in open_docx(vorlagen.Template.from_bytes(data).render(PAPER)).paragraphs]
    start = len(texts) - 1 - texts[::-1].index(PAPER.betreff)  # the block's, not the body's
    assert all(b.gremium in "\n".join(texts) for b in PAPER.beratungsfolge)
    return texts[start:]


def audit(data: bytes, folder: Path, name: str) -> set[tuple[str, str]]:
    """The errors openxml-audit finds in a package, by part and description.

    ``w:numId`` 0 is the standard's way of switching numbering off (ECMA-376 part 1,
    17.9.18); openxml-audit takes it for a missing definition as soon as a numbering part
    exists, which rendering adds to a file that had none: that finding is left out.
    """
    target = folder / name
    target.write_bytes(data)
    return {
        (e.part_uri, e.description)
        for e in OpenXmlValidator().validate(str(target)).errors
        if e.severity.value == "error"
        and e.description != "Numbering definition '0' referenced but not found"
    }


@pytest.mark.parametrize("path", FILES or [CORPUS], ids=lambda p: str(p.relative_to(CORPUS)))
def test_our_tags_at_the_end_of_a_real_file_render_every_value(
    path: Path, block_texts: list[str], tmp_path: Path
) -> None:
    data = path.read_bytes()
    blocked = with_block(data)
    if blocked is None:  # no body to add to: the file is no template at all
        assert vorlagen.check_template(data)
        return
    template, took = timed(lambda: vorlagen.Template.from_bytes(blocked, name=path.name))
    assert took < limit(data), f"Template.from_bytes: {took:.2f} s"
    if not isinstance(template, vorlagen.Template):
        assert vorlagen.check_template(data), "refused only if the file is refused without it"
        return
    out, took = timed(lambda: template.render(PAPER))
    assert isinstance(out, bytes)
    assert took < limit(data) / 2, f"render: {took:.2f} s"
    texts = [p.text for p in open_docx(out).paragraphs]
    assert texts[-len(block_texts) :] == block_texts
    if CI or len(data) < 100_000:  # auditing the largest takes up to a quarter of a minute
        assert audit(out, tmp_path, "out.docx") <= audit(data, tmp_path, "in.docx")
