"""Paragraphs and their tags read out of a part's XML, each with its place.

A tag is read within its own paragraph, so a malformed tag cannot swallow the paragraphs
after it, and every problem names its part, its paragraph, its table cell and its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from vorlagen.docx.ns import paragraph_text, w
from vorlagen.errors import ProblemKind, TemplateProblem

__all__ = [
    "Collector",
    "Paragraph",
    "Tag",
    "holds_tag",
    "paragraphs",
    "short",
    "tags",
]

_OPENERS: Final = {"{{": "}}", "{%": "%}", "{#": "#}"}
_OPEN_OR_CLOSE: Final = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
# docxtpl's level prefixes: the tag stands for its paragraph, table row, cell or run.
_LEVEL: Final = re.compile(r"^(\{\{|\{%)-?(p|tr|tc|r)\s")


@dataclass
class Paragraph:
    """One paragraph of a part, with its place and the text a problem shows to find it.

    Attributes:
        number: the 1-based number within the part, counting paragraphs in tables too.
        text: the paragraph's text.
        deleted: the text of its tracked deletions.
        table: the 1-based number of its table within the part, if it is in one.
        row: the 1-based row within that table.
        cell: the 1-based cell within that row.
        row_element: its table row (``w:tr``), if it is in one.
        cell_element: its table cell (``w:tc``), if it is in one.
    """

    number: int
    text: str
    deleted: str
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    row_element: Any = field(default=None, repr=False, compare=False)
    cell_element: Any = field(default=None, repr=False, compare=False)

    @property
    def row_text(self) -> str:
        """The text of the whole row (read when asked: most paragraphs hold no row tag)."""
        return _text(self.row_element)

    @property
    def cell_text(self) -> str:
        """The text of the whole cell."""
        return _text(self.cell_element)

    def replaced_text(self, level: str) -> str:
        """The text a ``p``, ``tr`` or ``tc`` tag replaces: its paragraph's, row's or cell's."""
        return {"p": self.text, "tr": self.row_text, "tc": self.cell_text}[level]


@dataclass
class Tag:
    """One tag as written in a paragraph.

    Attributes:
        raw: the tag as written, e.g. ``{%p if vorlage.anlagen %}``.
        opener: ``{{`` or ``{%``.
        level: docxtpl's level prefix (``p``, ``tr``, ``tc``, ``r``), if any.
        body: the Jinja between the delimiters, without the prefix.
        paragraph: the paragraph it stands in.
    """

    raw: str
    opener: str
    level: str | None
    body: str
    paragraph: Paragraph


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters.

    >>> short("Betreff:  {{ vorlage.betreff }}", 12)
    'Betreff: {{…'
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def holds_tag(text: str) -> bool:
    """Whether ``text`` holds a tag delimiter (an opening or closing one)."""
    return _OPEN_OR_CLOSE.search(text) is not None


class Collector:
    """Collects the problems of one part, each with the place of its paragraph."""

    def __init__(self, part: str) -> None:
        self.part = part
        self.problems: list[TemplateProblem] = []

    def add(self, kind: ProblemKind, paragraph: Paragraph, tag: str | None, message: str) -> None:
        """Add a problem of ``kind`` in ``paragraph``, at ``tag`` if one is at fault."""
        self.problems.append(
            TemplateProblem(
                part=self.part,
                message=message,
                paragraph=paragraph.number,
                tag=tag,
                kind=kind,
                table=paragraph.table,
                row=paragraph.row,
                cell=paragraph.cell,
                text=short(paragraph.text or paragraph.deleted),
            )
        )


def paragraphs(root: Any) -> Iterator[Paragraph]:
    """Every paragraph below ``root`` in document order, tables numbered as they come."""
    tables: dict[Any, int] = {}
    places: dict[Any, int] = {}  # row -> its number in its table, cell -> in its row
    for number, p in enumerate(root.iter(w("p")), start=1):
        paragraph = Paragraph(
            number, paragraph_text(p, breaks=False), paragraph_text(p, breaks=False, deleted=True)
        )
        tc = next(p.iterancestors(w("tc")), None)
        if tc is not None:
            # a row or cell may sit in a content control (w:sdt), not right in its parent
            tr = next(tc.iterancestors(w("tr")))
            tbl = next(tr.iterancestors(w("tbl")))
            paragraph.table = tables.setdefault(tbl, len(tables) + 1)
            paragraph.row = _place(tr, tbl, "tr", "tbl", places)
            paragraph.cell = _place(tc, tr, "tc", "tr", places)
            paragraph.row_element, paragraph.cell_element = tr, tc
        yield paragraph


def _text(element: Any) -> str:
    return "" if element is None else "".join(t.text or "" for t in element.iter(w("t")))


def _place(element: Any, parent: Any, kind: str, parent_kind: str, places: dict[Any, int]) -> int:
    """The 1-based number of a row in its table or a cell in its row (nested ones left out)."""
    if element not in places:
        own = (e for e in parent.iter(w(kind)) if next(e.iterancestors(w(parent_kind))) is parent)
        places.update((e, n) for n, e in enumerate(own, start=1))
    return places[element]


# docxtemplater writes loops as {#liste} … {/liste}; in Jinja "{#" begins a comment
_COMMENT_HINT: Final = (
    "; „{#“ beginnt einen Kommentar bis „#}“: Schleifen wie {#liste} … {/liste} (docxtemplater) "
    "schreibt man hier {%p for eintrag in … %} … {%p endfor %}"
)


def tags(paragraph: Paragraph, out: Collector) -> Iterator[Tag]:
    """The tags in ``paragraph``; a closer without opener or an unclosed tag goes to ``out``.

    Comments (``{# ... #}``) are skipped.
    """
    text = paragraph.text
    position = 0
    while (match := _OPEN_OR_CLOSE.search(text, position)) is not None:
        token = match.group()
        if token not in _OPENERS:
            out.add(
                ProblemKind.STRAY_BLOCK if token == "%}" else ProblemKind.SYNTAX,
                paragraph,
                token,
                f"„{token}“ ohne öffnendes Gegenstück",
            )
            position = match.end()
            continue
        closer = _OPENERS[token]
        end = text.find(closer, match.end())
        if end < 0:
            out.add(
                ProblemKind.UNCLOSED_TAG,
                paragraph,
                short(text[match.start() :], 40),
                f"Tag ohne schließendes „{closer}“ (Tags müssen in einem Absatz stehen)"
                + (_COMMENT_HINT if token == "{#" else ""),
            )
            return
        position = end + 2
        if token != "{#":
            yield _tag(text[match.start() : position], token, paragraph)


def _tag(raw: str, opener: str, paragraph: Paragraph) -> Tag:
    level = _LEVEL.match(raw)
    inner = raw[2:-2].strip("-")
    if level is None:
        return Tag(raw, opener, None, inner.strip(), paragraph)
    return Tag(raw, opener, level.group(2), inner[len(level.group(2)) :].strip(), paragraph)
