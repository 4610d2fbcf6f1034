"""Accessibility of a DOCX (BITV 2.0 / EN 301 549): what a screen reader user would miss.

:func:`check_accessibility` reads any DOCX, the library's own or a template author's, and
reports: no document language, no title, skipped heading levels, bold paragraphs standing in
for headings, empty paragraphs used for spacing, tables without a header row marked to
repeat, and images without alternative text.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from lxml import etree

from vorlagen.docx.ns import DC_NS, W_NS, WP_NS, paragraph_text
from vorlagen.docx.package import (
    CORE_REL,
    SAFE_PARSER,
    package_problems,
    related_part,
    tag_parts,
)
from vorlagen.docx.styles import builtin_name, heading_level
from vorlagen.errors import TemplateError

__all__ = ["AccessibilityProblem", "check_accessibility"]

_W: Final = f"{{{W_NS}}}"
_WP: Final = f"{{{WP_NS}}}"
_DC: Final = f"{{{DC_NS}}}"
_PART: Final = "word/document.xml"  # the body, where headings, paragraphs and tables are checked
_FAKE_HEADING_MAX: Final = 120  # longer bold paragraphs are emphasis, not headings


@dataclass(frozen=True)
class AccessibilityProblem:
    """One obstacle for readers with assistive technology.

    Attributes:
        kind: ``sprache``, ``titel``, ``ueberschrift_sprung``, ``ueberschrift_vorgetaeuscht``,
            ``leerer_absatz``, ``tabellenkopf`` or ``alternativtext``.
        message: what is wrong and how to fix it.
        part: the package part, e.g. ``word/document.xml``.
        paragraph: the 1-based number of the paragraph within the part, if it is about one.
        text: the paragraph's text, shortened, to find it.
    """

    kind: str
    message: str
    part: str = "word/document.xml"
    paragraph: int | None = None
    text: str | None = None

    def __str__(self) -> str:
        where = self.part + (f", Absatz {self.paragraph}" if self.paragraph else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class _Style:
    heading: int | None  # 1..9, or None
    bold: bool


def _true(element: Any) -> bool:
    """Whether an on/off property (``<w:b/>``, ``<w:tblHeader/>``) is on."""
    return element is not None and element.get(f"{_W}val", "true") not in ("0", "false", "off")


def _styles(root: Any) -> dict[str, _Style]:
    """Each paragraph style's heading level and boldness, inherited through ``w:basedOn``."""
    raw: dict[str, tuple[str, str | None, int | None, bool | None]] = {}
    for style in root.iter(f"{_W}style"):
        based = style.find(f"{_W}basedOn")
        outline = style.find(f"{_W}pPr/{_W}outlineLvl")
        level = int(outline.get(f"{_W}val", "9")) + 1 if outline is not None else None
        bold = style.find(f"{_W}rPr/{_W}b")
        raw[style.get(f"{_W}styleId", "")] = (
            builtin_name(style),
            based.get(f"{_W}val") if based is not None else None,
            level if level is not None and level <= 9 else None,
            _true(bold) if bold is not None else None,
        )

    def resolve(style_id: str, depth: int = 0) -> _Style:
        name, based, level, bold = raw.get(style_id, ("", None, None, None))
        inherited = resolve(based, depth + 1) if based and depth < 20 else _Style(None, False)
        heading = heading_level(name) or level or inherited.heading
        return _Style(heading, inherited.bold if bold is None else bold)

    return {style_id: resolve(style_id) for style_id in raw}


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 50 else text[:49] + "…"


def _owner(element: Any) -> Any:
    return next(element.iterancestors(f"{_W}p"), None)


def _in_table(paragraph: Any) -> bool:
    return next(paragraph.iterancestors(f"{_W}tc"), None) is not None


def check_accessibility(docx: bytes | str | os.PathLike[str]) -> list[AccessibilityProblem]:
    """Every accessibility problem of a DOCX document (its bytes or its path); empty if none.

    Raises:
        OSError: a path that cannot be read.
        TemplateError: the file is no Word document that can be opened safely (not a zip,
            too large, paths outside the archive, a DTD, ...), with every reason.
    """
    name = "<bytes>"
    if not isinstance(docx, bytes):
        name = str(docx)
        docx = Path(docx).read_bytes()
    unusable = package_problems(docx)
    if unusable:
        raise TemplateError(name, unusable)
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        files = {n: z.read(n) for n in z.namelist() if not n.endswith("/")}

    def part(part_name: str | None) -> Any:
        return etree.fromstring(files[part_name], SAFE_PARSER) if part_name in files else None

    styles_root = part("word/styles.xml")
    core = part(related_part(files, "", CORE_REL))
    parts = {name: part(name) for name in tag_parts(files)}
    problems = list(_document_problems(styles_root, core))
    styles = _styles(styles_root) if styles_root is not None else {}
    body = parts.get("word/document.xml")
    if body is not None:
        problems += _body_problems(body, styles)
    for part_name, root in parts.items():
        problems += _image_problems(part_name, root)
    return problems


def _document_problems(styles_root: Any, core: Any) -> Iterator[AccessibilityProblem]:
    if not _language(styles_root, core):
        yield AccessibilityProblem(
            "sprache",
            "keine Dokumentsprache: Vorleseprogramme sprechen den Text falsch aus; "
            "in Word unter Überprüfen → Sprache festlegen",
            "word/styles.xml",
        )
    title = core.find(f"{_DC}title") if core is not None else None
    if title is None or not (title.text or "").strip():
        yield AccessibilityProblem(
            "titel",
            "kein Dokumenttitel: er wird statt des Dateinamens angezeigt und vorgelesen",
            "docProps/core.xml",
        )


def _language(styles_root: Any, core: Any) -> str | None:
    """The document language: of the style defaults, else of the document properties."""
    if styles_root is not None:
        lang = styles_root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}lang")
        if lang is not None and lang.get(f"{_W}val"):
            return str(lang.get(f"{_W}val"))
    element = core.find(f"{_DC}language") if core is not None else None
    return element.text if element is not None else None


def _heading_level(paragraph: Any, styles: dict[str, _Style]) -> int | None:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    level = (
        styles[style.get(f"{_W}val", "")].heading
        if style is not None and style.get(f"{_W}val") in styles
        else None
    )
    outline = paragraph.find(f"{_W}pPr/{_W}outlineLvl")
    if outline is not None and outline.get(f"{_W}val", "9").isdigit():
        direct = int(outline.get(f"{_W}val", "9")) + 1
        level = direct if direct <= 9 else None
    return level


def _all_bold(paragraph: Any) -> bool:
    runs = [r for r in paragraph.iter(f"{_W}r") if _owner(r) is paragraph]
    with_text = [r for r in runs if "".join(t.text or "" for t in r.iter(f"{_W}t")).strip()]
    return bool(with_text) and all(_true(r.find(f"{_W}rPr/{_W}b")) for r in with_text)


def _empty(paragraph: Any) -> bool:
    if paragraph_text(paragraph).strip():
        return False
    content = (f"{_W}drawing", f"{_W}pict", f"{_W}object", f"{_W}fldChar", f"{_W}sectPr")
    return not any(next(paragraph.iter(tag), None) is not None for tag in content)


def _body_problems(root: Any, styles: dict[str, _Style]) -> Iterator[AccessibilityProblem]:
    previous = 0  # the level of the last heading
    for number, paragraph in enumerate(root.iter(f"{_W}p"), start=1):
        if _in_table(paragraph):
            continue
        level = _heading_level(paragraph, styles)
        if level is None:
            found = [_fake_heading(paragraph, number), _spacing_paragraph(paragraph, number)]
        else:
            found = [_skipped_level(paragraph, number, level, previous)]
            previous = level
        yield from (problem for problem in found if problem is not None)
    yield from _table_header_problems(root)


def _skipped_level(
    paragraph: Any, number: int, level: int, previous: int
) -> AccessibilityProblem | None:
    """A heading more than one level below the one before it."""
    if level <= previous + 1:
        return None
    return AccessibilityProblem(
        "ueberschrift_sprung",
        f"Überschrift der Ebene {level} folgt auf Ebene {previous}: "
        f"Ebene {previous + 1} fehlt dazwischen",
        _PART,
        number,
        _short(paragraph_text(paragraph)),
    )


def _fake_heading(paragraph: Any, number: int) -> AccessibilityProblem | None:
    """A short paragraph in bold, one line, standing in for a heading."""
    text = paragraph_text(paragraph)
    if (
        not text.strip()
        or "\t" in text
        or len(text) > _FAKE_HEADING_MAX
        or not _all_bold(paragraph)
    ):
        return None
    return AccessibilityProblem(
        "ueberschrift_vorgetaeuscht",
        "fett gesetzter Absatz statt einer Überschrift: eine Überschrift-Formatvorlage "
        "verwenden, damit er in der Gliederung erscheint",
        _PART,
        number,
        _short(text),
    )


def _spacing_paragraph(paragraph: Any, number: int) -> AccessibilityProblem | None:
    """An empty paragraph making space, except between two tables, which it keeps apart."""
    if not _empty(paragraph):
        return None
    before, after = paragraph.getprevious(), paragraph.getnext()
    if before is not None and after is not None and before.tag == after.tag == f"{_W}tbl":
        return None
    return AccessibilityProblem(
        "leerer_absatz",
        "leerer Absatz als Abstand: Vorleseprogramme lesen ihn als „leer“; "
        "Abstand über die Formatvorlage (Abstand vor/nach) einstellen",
        _PART,
        number,
    )


def _table_header_problems(root: Any) -> Iterator[AccessibilityProblem]:
    """Tables whose first row is not marked to repeat as the header on every page."""
    for number, table in enumerate(root.iter(f"{_W}tbl"), start=1):
        first_row = table.find(f"{_W}tr")
        if first_row is None or not _true(first_row.find(f"{_W}trPr/{_W}tblHeader")):
            yield AccessibilityProblem(
                "tabellenkopf",
                f"Tabelle {number} hat keine als Überschrift markierte erste Zeile "
                "(Tabelleneigenschaften → Zeile → „Gleiche Kopfzeile auf jeder Seite“)",
                _PART,
                text=_short("".join(t.text or "" for t in table.iter(f"{_W}t"))),
            )


def _image_problems(part: str, root: Any) -> Iterator[AccessibilityProblem]:
    for doc_pr in root.iter(f"{_WP}docPr"):
        if not (doc_pr.get("descr") or "").strip():
            name = doc_pr.get("name", "")
            yield AccessibilityProblem(
                "alternativtext",
                f"Bild „{name}“ ohne Alternativtext: beschreiben, was es zeigt "
                "(Kontextmenü → Alternativtext bearbeiten)",
                part,
            )
