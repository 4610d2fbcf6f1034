"""Rich content (Inhalt) as WordprocessingML paragraphs, lists and tables in a template's styles.

The output is a string of ``<w:p>``/``<w:tbl>`` elements using the ``w:`` prefix that every
``word/document.xml`` declares; it replaces a paragraph holding a ``{{p ...}}`` tag.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final

from vorlagen._styles import Styles
from vorlagen.schemas.inhalt import (
    Absatz,
    BetragWert,
    Block,
    Fett,
    Inline,
    Kursiv,
    Liste,
    Tabelle,
    Ueberschrift,
    ZahlWert,
)

W_NS: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"
TEXT_WIDTH_TWIPS: Final = 9355  # A4 less 2.5 cm and 2 cm margins
HEADER_FILL: Final = "E7E6E6"  # light grey behind a table's header row

#: Formats a typed inline value (amount, date, number, citation) as text.
InlineFormatter = Callable[[Inline], str]


def escape(text: str) -> str:
    """Escape text for an XML text node.

    docxtpl turns ``{_{``, ``}_}``, ``{_%`` and ``%_}`` in its output into ``{{`` etc. (its
    way of printing a literal tag); the underscore next to a brace is written as a character
    reference, so that text containing them arrives unchanged.

    >>> escape("a < b & {_{ c }_}")
    'a &lt; b &amp; {&#95;{ c }&#95;}'
    """
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("{_", "{&#95;")
        .replace("_}", "&#95;}")
    )


class Numbering:
    """Numbered lists of one render: each list gets its own ``w:num`` so it starts at 1."""

    def __init__(self, styles: Styles) -> None:
        self._abstract_id = styles.number_abstract_id
        self._next_id = styles.max_num_id + 1
        self.added: list[str] = []

    def new_list(self) -> int | None:
        """Allocate a numbering instance restarting at 1; None if the template has none."""
        if self._abstract_id is None:
            return None
        num_id = self._next_id
        self._next_id += 1
        self.added.append(
            f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{self._abstract_id}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
            "</w:num>"
        )
        return num_id


def _runs(runs: Sequence[Inline], fmt: InlineFormatter, props: str = "") -> Iterator[str]:
    for run in runs:
        if isinstance(run, Fett):
            yield from _runs(run.text, fmt, props + "<w:b/><w:bCs/>")
        elif isinstance(run, Kursiv):
            yield from _runs(run.text, fmt, props + "<w:i/><w:iCs/>")
        else:
            text = run if isinstance(run, str) else fmt(run)
            yield from _text_run(text, props)


def _text_run(text: str, props: str) -> Iterator[str]:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    for number, line in enumerate(text.split("\n")):
        if number:
            yield f"<w:r>{rpr}<w:br/></w:r>"
        for cell_number, piece in enumerate(line.split("\t")):
            if cell_number:
                yield f"<w:r>{rpr}<w:tab/></w:r>"
            if piece:
                yield f'<w:r>{rpr}<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>'


def _paragraph(runs: Iterable[str], style: str | None = None, extra_ppr: str = "") -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    ppr += extra_ppr
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def _is_number(runs: Sequence[Inline]) -> bool:
    return len(runs) == 1 and isinstance(runs[0], BetragWert | ZahlWert)


def _table(block: Tabelle, styles: Styles, fmt: InlineFormatter) -> str:
    columns = len(block.kopf)
    width = TEXT_WIDTH_TWIPS // columns
    style = styles.get("table grid")
    tblpr = (f'<w:tblStyle w:val="{style}"/>' if style else "") + (
        '<w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
    )
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(columns))
    # A column whose body cells are all numbers is right-aligned, header included.
    numeric = [
        bool(block.zeilen) and all(_is_number(zeile[i]) for zeile in block.zeilen)
        for i in range(columns)
    ]

    def cell(runs: Sequence[Inline], column: int, header: bool) -> str:
        jc = '<w:jc w:val="right"/>' if numeric[column] else ""
        props = "<w:b/><w:bCs/>" if header else ""
        shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>' if header else ""
        text = "".join(_runs(runs, fmt, props))
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
            f"{_paragraph([text], extra_ppr=_NO_SPACING + jc)}</w:tc>"
        )

    head = (
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        + "".join(cell(runs, i, True) for i, runs in enumerate(block.kopf))
        + "</w:tr>"
    )
    body = "".join(
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        + "".join(cell(runs, i, False) for i, runs in enumerate(zeile))
        + "</w:tr>"
        for zeile in block.zeilen
    )
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{head}{body}</w:tbl>"


_NO_SPACING = '<w:spacing w:before="40" w:after="40"/>'


def blocks_to_xml(
    blocks: Sequence[Block], styles: Styles, numbering: Numbering, fmt: InlineFormatter
) -> str:
    """Rich content as a sequence of WordprocessingML block elements."""
    out: list[str] = []
    for block, following in zip(blocks, [*blocks[1:], None], strict=True):
        if isinstance(block, Absatz):
            out.append(_paragraph(_runs(block.text, fmt)))
        elif isinstance(block, Ueberschrift):
            out.append(_paragraph(_runs(block.text, fmt), styles.heading(block.ebene)))
        elif isinstance(block, Liste):
            if block.nummeriert:
                num_id = numbering.new_list()
                style = styles.get("list number")
                numpr = (
                    f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
                    if num_id is not None
                    else ""
                )
            else:
                style, numpr = styles.get("list bullet"), ""
            out.extend(_paragraph(_runs(entry, fmt), style, numpr) for entry in block.eintraege)
        else:
            out.append(_table(block, styles, fmt))
            if isinstance(following, Tabelle):
                # Two adjacent tables would merge into one.
                out.append(_paragraph([], extra_ppr='<w:spacing w:before="0" w:after="0"/>'))
    return "".join(out)
