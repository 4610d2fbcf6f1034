"""Rich content (Inhalt) as WordprocessingML in a template's styles.

The output is a string of ``<w:p>``/``<w:tbl>`` elements using the ``w:`` prefix that every
``word/document.xml`` declares; it replaces a paragraph holding a ``{{p ...}}`` tag. What
the content needs beyond the XML (numbering instances, hyperlink targets, image parts) is
collected in a :class:`RenderState` and added to the package after rendering.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image

from vorlagen.docx.build import BOLD, HEAD_FILL, ITALIC
from vorlagen.docx.ns import A_NS, PIC_NS, REL_NS, WP_NS
from vorlagen.docx.styles import Styles
from vorlagen.errors import RenderError
from vorlagen.formatting.formatter import Typography
from vorlagen.schemas.bild import Bild
from vorlagen.schemas.inhalt import (
    Absatz,
    BetragWert,
    Block,
    Code,
    Fett,
    Inline,
    Kursiv,
    Link,
    Liste,
    Listeneintrag,
    Tabelle,
    Ueberschrift,
    ZahlWert,
    Zitat,
)

__all__ = ["Context", "RenderState", "blocks_to_xml", "escape", "run_text"]

_R_NS: Final = REL_NS
_EMU_PER_TWIP: Final = 635
_MAX_IMAGE_HEIGHT: Final = 7_200_000  # 20 cm in EMU
_JC = {"links": "left", "zentriert": "center", "rechts": "right"}
_CELL_SPACING: Final = '<w:spacing w:before="40" w:after="40"/>'

#: Formats a typed inline value (amount, date, number, citation) as text.
InlineFormatter = Callable[[Inline], str]


def escape(text: str) -> str:
    """Escape text for an XML text node or attribute.

    docxtpl turns ``{_{``, ``}_}``, ``{_%`` and ``%_}`` in its output into ``{{`` etc. (its
    way of printing a literal tag); the underscore next to a brace is written as a character
    reference, so that text containing them arrives unchanged.

    >>> escape('a < b & {_{ "c" }_}')
    'a &lt; b &amp; {&#95;{ &quot;c&quot; }&#95;}'
    """
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("{_", "{&#95;")
        .replace("_}", "&#95;}")
    )


class RenderState:
    """What one render adds to the package besides the XML of its rich content.

    Each numbered list gets its own ``w:num`` so that it starts at 1. Hyperlinks and images
    get relationship ids in the part being rendered (:attr:`part`, set before each part),
    resolved into that part's relationships once rendering is done; each image gets a
    drawing id of its own.
    """

    #: Drawing ids of images, above any a template's own drawings have (in the body, all
    #: drawings are numbered again from 1001 in document order).
    FIRST_DRAWING_ID: Final = 100_001

    def __init__(self, styles: Styles) -> None:
        self._abstract_id = styles.number_abstract_id
        self._next_num = styles.max_num_id + 1
        self.part = "word/document.xml"
        self.nums: list[str] = []
        self.links: dict[str, dict[str, str]] = {}  # part -> target -> relationship id
        self.images: dict[str, dict[str, bytes]] = {}  # part -> relationship id -> image
        self.figures = 0
        self.drawings = 0

    def new_list(self) -> int | None:
        """Allocate a numbering instance restarting at 1; None if the template has none."""
        if self._abstract_id is None:
            return None
        num_id = self._next_num
        self._next_num += 1
        self.nums.append(
            f'<w:num w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{self._abstract_id}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
            "</w:num>"
        )
        return num_id

    def link(self, target: str) -> str:
        """The relationship id of an external hyperlink target, in the current part."""
        links = self.links.setdefault(self.part, {})
        return links.setdefault(target, f"rIdVorlagenLink{len(links) + 1}")

    def image(self, data: bytes) -> tuple[str, int]:
        """An image holding ``data`` in the current part: its relationship and drawing id."""
        images = self.images.setdefault(self.part, {})
        rel_id = f"rIdVorlagenBild{len(images) + 1}"
        images[rel_id] = data
        self.drawings += 1
        return rel_id, self.FIRST_DRAWING_ID + self.drawings - 1


@dataclass(frozen=True)
class Context:
    """Everything rich content is turned into XML with.

    Attributes:
        styles: the template's styles.
        state: what the render adds to the package besides the XML.
        fmt: formats typed inline values.
        typography: German typography for prose, if the house style wants it.
    """

    styles: Styles
    state: RenderState
    fmt: InlineFormatter
    typography: Typography | None = None


# -- runs ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Leaf:
    text: str
    props: str
    link: str | None = None
    prose: bool = True  # typography may change it (not code, links or formatted values)


def _leaves(runs: Sequence[Inline], ctx: Context, props: str = "") -> Iterator[_Leaf]:
    for run in runs:
        if isinstance(run, Fett):
            yield from _leaves(run.text, ctx, props + BOLD)
        elif isinstance(run, Kursiv):
            yield from _leaves(run.text, ctx, props + ITALIC)
        elif isinstance(run, str):
            yield _Leaf(run, props)
        elif isinstance(run, Code):
            yield _Leaf(run.text, props, prose=False)
        elif isinstance(run, Link):
            yield _Leaf(run.text, props, link=run.ziel, prose=False)
        else:
            yield _Leaf(ctx.fmt(run), props, prose=False)


def _runs(runs: Sequence[Inline], ctx: Context, props: str = "") -> Iterator[str]:
    leaves = list(_leaves(runs, ctx, props))
    pieces = [(leaf.text, leaf.prose) for leaf in leaves]
    texts = ctx.typography(pieces) if ctx.typography else [text for text, _ in pieces]
    for leaf, text in zip(leaves, texts, strict=True):
        if leaf.link is None:
            yield from _text_run(text, leaf.props)
            continue
        style = ctx.styles.get("hyperlink")
        rstyle = f'<w:rStyle w:val="{style}"/>' if style else ""
        yield (
            f'<w:hyperlink xmlns:r="{_R_NS}" r:id="{ctx.state.link(leaf.link)}" w:history="1">'
            + "".join(_text_run(text, rstyle + leaf.props))
            + "</w:hyperlink>"
        )


def _text_run(text: str, props: str) -> Iterator[str]:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    for number, line in enumerate(text.split("\n")):
        if number:
            yield f"<w:r>{rpr}<w:br/></w:r>"
        for cell_number, piece in enumerate(line.split("\t")):
            if cell_number:
                yield f"<w:r>{rpr}<w:tab/></w:r>"
            if piece:
                yield f'<w:r>{rpr}<w:t xml:space="preserve">{run_text(piece)}</w:t></w:r>'


_EMAIL: Final = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NO_BREAK_HYPHEN: Final = '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'


def run_text(text: str) -> str:
    """Text for inside a ``<w:t>``: escaped, an e-mail address never broken at its hyphens.

    Every value a template prints goes through it too (:mod:`vorlagen.rendering.hooks`): a
    tag belongs in the text of a run, never in an attribute or a field code.

    A hyphen in an address becomes Word's non-breaking hyphen (``<w:noBreakHyphen/>``),
    which Word and LibreOffice show, print and copy as a hyphen; the character U+2011
    instead would be copied as well, into an address no mail program knows.

    >>> run_text("an j.b-m@kreis-x.de & Nord-Süd").replace(_NO_BREAK_HYPHEN, "|")
    'an j.b|m@kreis|x.de &amp; Nord-Süd'
    """
    if "@" not in text:
        return escape(text)
    out, end = [], 0
    for match in _EMAIL.finditer(text):
        out.append(escape(text[end : match.start()]))
        out.append(escape(match.group()).replace("-", _NO_BREAK_HYPHEN))
        end = match.end()
    out.append(escape(text[end:]))
    return "".join(out)


def _paragraph(runs: Iterable[str], style: str | None = None, extra_ppr: str = "") -> str:
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + extra_ppr
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


# -- blocks -------------------------------------------------------------------------------------


def _list(
    block: Liste, ctx: Context, level: int = 0, parent_num: int | None = None
) -> Iterator[str]:
    if block.nummeriert:
        # a numbered sub-list of a numbered list continues its numbering one level down
        # (Word restarts it after each parent entry); any other numbered list starts at 1
        num_id = parent_num if parent_num is not None and level else ctx.state.new_list()
        style = ctx.styles.get("list number")
    else:
        num_id = ctx.styles.bullet_num_id
        style = ctx.styles.get("list bullet")
    ppr = ""
    if num_id is not None and (block.nummeriert or level):
        ppr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    if level:
        ppr += f'<w:ind w:left="{425 * (level + 1)}" w:hanging="425"/>'
    for entry in block.eintraege:
        text = entry.text if isinstance(entry, Listeneintrag) else entry
        yield _paragraph(_runs(text, ctx), style, ppr)
        if isinstance(entry, Listeneintrag):
            sub_parent = num_id if block.nummeriert else None
            yield from _list(entry.liste, ctx, level + 1, sub_parent)


_NUMBER_TEXT: Final = re.compile(r"[+\-−–]?\d[\d.,\s\xa0]*(\s?(€|EUR|%|Prozent))?")


def _is_number(runs: Sequence[Inline]) -> bool:
    """Whether a cell holds one amount or number, typed or written (``420.000 €``)."""
    if len(runs) != 1:
        return False
    run = runs[0]
    if isinstance(run, str):
        return bool(_NUMBER_TEXT.fullmatch(run.strip()))
    return isinstance(run, BetragWert | ZahlWert)


# Widths of characters in Arial (and its metric twin Liberation Sans), in ems: wider than
# most serif fonts, so that what fits in Arial fits in those too.
_NARROW: Final = frozenset(" \xa0.,:;!|'`()[]/-–ijlfrtI")
_WIDE: Final = frozenset("mwMW€%@—")
_BOLD_FACTOR: Final = 1.07
_CELL_PADDING: Final = 2 * 108 + 60  # the cell margins of "Table Grid", and some air
_MIN_COLUMN: Final = 850  # 1.5 cm


class _Ems(dict[str, float]):
    """The width of each character in ems: Latin-1 looked up, any other worked out."""

    def __missing__(self, char: str) -> float:
        return 0.28 if char in _NARROW else 0.72 if char in _WIDE or char.isupper() else 0.56


_EMS: Final = _Ems({chr(code): _Ems().__missing__(chr(code)) for code in range(256)})
_EMS.update({char: _EMS.__missing__(char) for char in "€–—"})


def _text_width(text: str, font_size: int, bold: bool = False) -> int:
    r"""An estimate of the width of one line of text in twips (font size in half-points).

    >>> _text_width("4.850.000,00\xa0EUR", 22)  # in 11 pt Arial: 1809 twips, 3.2 cm
    1830
    """
    ems = sum(map(_EMS.__getitem__, text))
    return round(ems * font_size * 10 * (_BOLD_FACTOR if bold else 1.0))


@dataclass(frozen=True)
class _Column:
    natural: int  # the width that sets its longest text on one line
    minimum: int  # the width below which a word, or an amount, would break
    grows: bool = True  # whether it takes space to spare (text does, numbers need none)


def _column(cells: Sequence[tuple[str, bool]], numeric: bool, font_size: int) -> _Column:
    """How wide a column wants to be; ``cells`` are its texts and whether each is bold.

    A column of amounts or numbers needs each of its values on one line; a column of text
    needs its longest word; the head cell of either may break between its words.
    """
    natural = minimum = 0
    for text, head in cells:
        lines = text.split("\n")
        natural = max(natural, *(_text_width(line, font_size, head) for line in lines))
        pieces = text.split() if head or not numeric else lines
        minimum = max(minimum, *(_text_width(piece, font_size, head) for piece in pieces))
    minimum = max(minimum + _CELL_PADDING, _MIN_COLUMN)
    return _Column(max(natural + _CELL_PADDING, minimum), minimum, grows=not numeric)


def _column_widths(columns: Sequence[_Column], total: int) -> list[int]:
    """Widths summing to ``total``: each column's natural width where all fit, else shares.

    Where the natural widths fit, the space to spare goes to the columns of text, in
    proportion to their natural widths. Where they do not, each column gets its minimum and
    the rest is shared in proportion to how much more each one wants; a column of numbers,
    wanting nothing more than its minimum, keeps it.

    >>> _column_widths([_Column(3000, 1000), _Column(2000, 2000, grows=False)], 9000)
    [7000, 2000]
    >>> _column_widths([_Column(3000, 1000), _Column(1000, 1000)], 9000)
    [6750, 2250]
    >>> _column_widths([_Column(9000, 1000), _Column(2000, 2000, grows=False)], 9000)
    [7000, 2000]
    """
    natural = sum(c.natural for c in columns)
    minimum = sum(c.minimum for c in columns)
    if natural <= total:
        grows = (
            [c.grows for c in columns] if any(c.grows for c in columns) else [True] * len(columns)
        )
        growing = sum(c.natural for c, g in zip(columns, grows, strict=True) if g)
        widths = [
            c.natural + ((total - natural) * c.natural / growing if g else 0)
            for c, g in zip(columns, grows, strict=True)
        ]
    elif minimum >= total:
        widths = [c.minimum * total / minimum for c in columns]
    else:
        wanted = natural - minimum
        widths = [c.minimum + (c.natural - c.minimum) * (total - minimum) / wanted for c in columns]
    rounded = [int(w) for w in widths]
    widest = max(range(len(rounded)), key=rounded.__getitem__)
    rounded[widest] += total - sum(rounded)
    return rounded


def _cell_text(runs: Sequence[Inline], ctx: Context) -> str:
    return "".join(leaf.text for leaf in _leaves(runs, ctx))


def _table(block: Tabelle, ctx: Context) -> str:
    columns = len(block.kopf)
    numeric = [
        bool(block.zeilen) and all(_is_number(z[i]) for z in block.zeilen) for i in range(columns)
    ]
    size = ctx.styles.font_size
    wanted = [
        _column(
            [(_cell_text(block.kopf[i], ctx), True)]
            + [(_cell_text(zeile[i], ctx), False) for zeile in block.zeilen],
            numeric[i],
            size,
        )
        for i in range(columns)
    ]
    widths = _column_widths(wanted, ctx.styles.text_width)
    style = ctx.styles.get("table grid")
    tblpr = (f'<w:tblStyle w:val="{style}"/>' if style else "") + (
        '<w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
    )
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    align: list[str | None] = list(block.ausrichtung or [None] * columns)
    for i in range(columns):
        # without an alignment given, a column of amounts or numbers is right-aligned
        if align[i] is None and numeric[i]:
            align[i] = "rechts"

    def cell(runs: Sequence[Inline], column: int, header: bool) -> str:
        jc = f'<w:jc w:val="{_JC[a]}"/>' if (a := align[column]) else ""
        shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEAD_FILL}"/>' if header else ""
        text = "".join(_runs(runs, ctx, BOLD if header else ""))
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{widths[column]}" w:type="dxa"/>{shading}</w:tcPr>'
            f"{_paragraph([text], extra_ppr=_CELL_SPACING + jc)}</w:tc>"
        )

    def row(cells: Sequence[Sequence[Inline]], header: bool) -> str:
        trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
        return (
            f"<w:tr><w:trPr>{trpr}</w:trPr>"
            + "".join(cell(runs, i, header) for i, runs in enumerate(cells))
            + "</w:tr>"
        )

    rows = row(block.kopf, True) + "".join(row(zeile, False) for zeile in block.zeilen)
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"


def _image(block: Bild, ctx: Context) -> Iterator[str]:
    try:
        image = Image.from_blob(block.daten)
    except (UnrecognizedImageError, ValueError, IndexError) as e:
        msg = f"Bild „{block.alt}“ ist beschädigt oder kein lesbares {block.format.upper()}"
        raise RenderError(msg) from e
    cx, cy = int(image.width), int(image.height)
    scale = min(1.0, ctx.styles.text_width * _EMU_PER_TWIP / cx, _MAX_IMAGE_HEIGHT / cy)
    cx, cy = int(cx * scale), int(cy * scale)
    rel_id, drawing_id = ctx.state.image(block.daten)
    alt = escape(block.alt)
    name = f"Bild {ctx.state.drawings}"
    drawing = (
        "<w:r><w:drawing>"
        f'<wp:inline xmlns:wp="{WP_NS}"'
        ' distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{drawing_id}" name="{name}" descr="{alt}"/>'
        "<wp:cNvGraphicFramePr>"
        f'<a:graphicFrameLocks xmlns:a="{A_NS}"'
        ' noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic xmlns:a="{A_NS}">'
        f'<a:graphicData uri="{PIC_NS}">'
        f'<pic:pic xmlns:pic="{PIC_NS}">'
        f'<pic:nvPicPr><pic:cNvPr id="0" name="{name}" descr="{alt}"/><pic:cNvPicPr/>'
        "</pic:nvPicPr>"
        f'<pic:blipFill><a:blip xmlns:r="{_R_NS}" r:embed="{rel_id}"/>'
        "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )
    keep = "<w:keepNext/>" if block.beschriftung else ""
    yield _paragraph([drawing], extra_ppr=keep + '<w:jc w:val="center"/>')
    if block.beschriftung:
        ctx.state.figures += 1
        caption = f"Abbildung {ctx.state.figures}: {block.beschriftung}"
        yield _paragraph(_text_run(caption, ""), ctx.styles.get("caption"))


def _heading_levels(blocks: Sequence[Block]) -> Iterator[int]:
    """The level each heading among ``blocks`` is placed at, below the section's heading.

    As with Markdown, the highest level used becomes level 1, so that content whose first
    heading has ``ebene`` 2 skips no level; and no heading is more than one level below the
    heading before it.
    """
    levels = [block.ebene for block in blocks if isinstance(block, Ueberschrift)]
    shift = min(levels, default=1) - 1
    previous = 0
    for ebene in levels:
        previous = min(ebene - shift, previous + 1)
        yield previous


def blocks_to_xml(blocks: Sequence[Block], ctx: Context) -> str:
    """Rich content as a sequence of WordprocessingML block elements."""
    out: list[str] = []
    previous: Block | None = None
    levels = _heading_levels(blocks)
    for block in blocks:
        if isinstance(block, Ueberschrift):
            style = ctx.styles.heading(next(levels))
            out.append(_paragraph(_runs(block.text, ctx), style))
        elif isinstance(block, Absatz | Zitat):
            out.append(_paragraph(_runs(block.text, ctx), _style_of(block, ctx)))
        elif isinstance(block, Liste):
            out.extend(_list(block, ctx))
        elif isinstance(block, Bild):
            out.extend(_image(block, ctx))
        else:
            if isinstance(previous, Tabelle):
                # Two adjacent tables would merge into one.
                out.append(_paragraph([], extra_ppr='<w:spacing w:before="0" w:after="0"/>'))
            out.append(_table(block, ctx))
        previous = block
    return "".join(out)


def _style_of(block: Absatz | Zitat, ctx: Context) -> str | None:
    return ctx.styles.get("quote") if isinstance(block, Zitat) else None
