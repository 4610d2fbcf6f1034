"""Building WordprocessingML as text: runs, paragraphs, tables, styles and whole packages.

These are the small pieces the shipped templates are written from
(``scripts/build_templates.py``), the styles a template lacks are made of
(:func:`vorlagen.docx.styles.prepare_styles`), and tests build their documents with. Each
function returns XML text in the ``w:`` prefix; the parts built here declare it on their root.

A package built here has a fixed layout: the body relates to its styles, numbering,
settings, one footer, font table and theme as ``rId1`` … ``rId6``, and to an optional header
as ``rId7``; :func:`document` refers to the footer and header by those ids, and
:func:`package_parts` writes the relationships that go with them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from vorlagen.docx.ns import (
    A_NS,
    CP_NS,
    CT_NS,
    DC_NS,
    DCTERMS_NS,
    EXTENDED_NS,
    LANGUAGE,
    PIC_NS,
    PKG_REL_NS,
    REL_NS,
    W_NS,
    WML_CONTENT_TYPE,
    WP_NS,
    XSI_NS,
)
from vorlagen.docx.package import XML_DECLARATION, deflate, write_zip, zip_time

__all__ = [
    "A4",
    "BOLD",
    "CELL_MARGINS",
    "CELL_STYLE",
    "GRID_COLOR",
    "HEAD_FILL",
    "ITALIC",
    "LABEL_STYLE",
    "LANGUAGE",
    "TABLE_STYLE",
    "Page",
    "Run",
    "Xml",
    "abstract_num",
    "app_xml",
    "border",
    "caption_style",
    "cell",
    "content_types_xml",
    "core_xml",
    "default_styles",
    "document",
    "escape",
    "field",
    "floating_picture",
    "font",
    "font_table_xml",
    "footer",
    "header",
    "heading",
    "heading_style",
    "hyperlink_style",
    "label",
    "list_style",
    "num",
    "numbering_xml",
    "package_parts",
    "para",
    "quote_style",
    "rels_xml",
    "row",
    "run",
    "section",
    "settings_xml",
    "size",
    "style",
    "styles_xml",
    "table",
    "table_grid_style",
    "tag",
    "tag_row",
    "theme_xml",
    "zip_parts",
]

#: The document language of everything built here, and the one a prepared template gets.

# Namespaces only the document properties use.
_OFFICE: Final = "application/vnd.openxmlformats-officedocument"

_FOOTER_ID: Final = "rId4"
_HEADER_ID: Final = "rId7"

#: The style ids the builders below refer to; a template built with them defines these.
TABLE_STYLE: Final = "Tabellenraster"
CELL_STYLE: Final = "Tabelleninhalt"
LABEL_STYLE: Final = "Kopfangabe"
#: The shading of a table's head cells.
HEAD_FILL: Final = "E7E6E6"


# -- text --------------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Text as XML character data.

    >>> escape("Kosten < 5 € & mehr")
    'Kosten &lt; 5 € &amp; mehr'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Xml(str):
    """Ready-made WordprocessingML for inside a paragraph (a field, a drawing), used as it is."""

    __slots__ = ()


#: What :func:`para` takes: plain text, ``(text, run properties)``, or ready-made runs.
Run = str | tuple[str, str] | Xml


def run(text: str, rpr: str = "") -> str:
    r"""Runs of ``text`` with the run properties ``rpr``; a ``\t`` becomes a tab.

    >>> print(run("a\tb", BOLD).replace("</w:r>", "</w:r>\n"), end="")
    <w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">a</w:t></w:r>
    <w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:tab/></w:r>
    <w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">b</w:t></w:r>
    """
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    out = []
    for number, piece in enumerate(text.split("\t")):
        if number:
            out.append(f"<w:r>{props}<w:tab/></w:r>")
        if piece:
            out.append(f'<w:r>{props}<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(out)


def _runs(piece: Run) -> str:
    if isinstance(piece, Xml):
        return piece
    if isinstance(piece, str):
        return run(piece)
    return run(*piece)


def para(*runs: Run, style: str | None = None, ppr: str = "") -> str:
    r"""A paragraph of ``runs`` in the paragraph style ``style``, with more properties ``ppr``.

    >>> print(para("Text", ("fett", BOLD), style="Heading1").replace("><w:r>", ">\n<w:r>"))
    <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>
    <w:r><w:t xml:space="preserve">Text</w:t></w:r>
    <w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">fett</w:t></w:r></w:p>
    """
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr
    body = "".join(_runs(piece) for piece in runs)
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{body}</w:p>"


def tag(text: str) -> str:
    """A paragraph holding only a ``{%p ... %}`` tag; docxtpl removes the paragraph itself."""
    return para(text)


def heading(text: str, level: int) -> str:
    """A paragraph in the style ``Heading{level}``."""
    return para(text, style=f"Heading{level}")


def label(name: str, value: str, *, style: str = LABEL_STYLE, ppr: str = "") -> str:
    """A line of a header block: the bold ``name:``, a tab, then ``value``."""
    return para((f"{name}:", BOLD), "\t" + value, style=style, ppr=ppr)


def field(instruction: str) -> Xml:
    """A field such as ``PAGE`` or ``NUMPAGES``, showing ``1`` until Word updates it."""
    return Xml(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def floating_picture(
    rel_id: str, *, name: str, file_name: str, description: str, extent: tuple[int, int], top: int
) -> Xml:
    """A picture at the right margin, ``top`` EMU below the page's edge, text not wrapped.

    Args:
        rel_id: the relationship id of the image in the part holding the picture.
        name: the picture's name, as Word's selection pane shows it.
        file_name: the name of the image file.
        description: the alternative text read to people who cannot see the picture.
        extent: width and height in EMU (1 cm = 360000).
        top: the distance from the top of the page in EMU.
    """
    cx, cy = extent
    return Xml(
        "<w:r><w:drawing>"
        '<wp:anchor distT="0" distB="0" distL="114300" distR="0" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{top}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        "<wp:wrapNone/>"
        f'<wp:docPr id="1" name="{escape(name)}" descr="{escape(description)}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic><a:graphicData uri="{PIC_NS}"><pic:pic>'
        f'<pic:nvPicPr><pic:cNvPr id="1" name="{escape(file_name)}" '
        f'descr="{escape(description)}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch>'
        "</pic:blipFill>"
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


# -- tables ------------------------------------------------------------------------------------


def cell(content: str, width: int, *, head: bool = False, right: bool = False) -> str:
    """A table cell ``width`` twips wide; a head cell is bold and shaded."""
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEAD_FILL}"/>' if head else ""
    ppr = '<w:jc w:val="right"/>' if right else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
        f"{para((content, BOLD if head else ''), style=CELL_STYLE, ppr=ppr)}</w:tc>"
    )


def row(cells: Iterable[str], *, header: bool = False) -> str:
    """A table row kept on one page; a ``header`` row repeats on every page."""
    trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
    return f"<w:tr><w:trPr>{trpr}</w:trPr>{''.join(cells)}</w:tr>"


def tag_row(text: str, widths: Sequence[int]) -> str:
    """A row whose first cell holds a ``{%tr ... %}`` tag; docxtpl removes the whole row."""
    return row([cell(text, widths[0]), *(cell("", w) for w in widths[1:])])


def table(widths: Sequence[int], rows: Iterable[str]) -> str:
    """A table of fixed column widths (twips) in the style :data:`TABLE_STYLE`."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{TABLE_STYLE}"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


# -- the body and its section ------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """A page's size and margins in twips (1 cm = 567); header and footer from the edge."""

    width: int = 11906
    height: int = 16838
    top: int = 1134
    right: int = 1134
    bottom: int = 1134
    left: int = 1417
    header: int = 567
    footer: int = 567

    @property
    def text_width(self) -> int:
        """The width between the margins.

        >>> A4.text_width
        9355
        """
        return self.width - self.left - self.right


#: A4 portrait, the left margin 2.5 cm, the others 2 cm.
A4: Final = Page()


def section(page: Page = A4, *, header: bool = False) -> str:
    """The section properties: the page, the package's footer and, with ``header``, header."""
    header_ref = f'<w:headerReference w:type="default" r:id="{_HEADER_ID}"/>' if header else ""
    return (
        f'<w:sectPr>{header_ref}<w:footerReference w:type="default" r:id="{_FOOTER_ID}"/>'
        f'<w:pgSz w:w="{page.width}" w:h="{page.height}"/>'
        f'<w:pgMar w:top="{page.top}" w:right="{page.right}" w:bottom="{page.bottom}" '
        f'w:left="{page.left}" w:header="{page.header}" w:footer="{page.footer}" w:gutter="0"/>'
        '<w:cols w:space="708"/></w:sectPr>'
    )


def document(body: Iterable[str], page: Page = A4, *, header: bool = False) -> str:
    """A ``word/document.xml`` of the block elements ``body`` in one :func:`section`."""
    return (
        f'{XML_DECLARATION}<w:document xmlns:w="{W_NS}" xmlns:r="{REL_NS}"><w:body>'
        + "".join(body)
        + section(page, header=header)
        + "</w:body></w:document>"
    )


def header(*paragraphs: str) -> str:
    """A header part of ``paragraphs``; it may hold pictures (:func:`floating_picture`)."""
    return (
        f'{XML_DECLARATION}<w:hdr xmlns:w="{W_NS}" xmlns:r="{REL_NS}" xmlns:wp="{WP_NS}" '
        f'xmlns:a="{A_NS}" xmlns:pic="{PIC_NS}">{"".join(paragraphs)}</w:hdr>'
    )


def footer(*paragraphs: str) -> str:
    """A footer part of ``paragraphs``."""
    return (
        f'{XML_DECLARATION}<w:ftr xmlns:w="{W_NS}" xmlns:r="{REL_NS}">{"".join(paragraphs)}</w:ftr>'
    )


# -- styles ------------------------------------------------------------------------------------

BOLD: Final = "<w:b/><w:bCs/>"
ITALIC: Final = "<w:i/><w:iCs/>"
GRID_COLOR: Final = "808080"
CELL_MARGINS: Final = (
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
)


def size(points: float) -> str:
    """Run properties for a font size in points.

    >>> size(8.5)
    '<w:sz w:val="17"/><w:szCs w:val="17"/>'
    """
    half = round(points * 2)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def font(name: str) -> str:
    """Run properties for a font, for Latin and complex script text."""
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:cs="{name}"/>'


def border(side: str, color: str = GRID_COLOR) -> str:
    """A thin single border on one side."""
    return f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{color}"/>'


def style(
    kind: str,
    style_id: str,
    name: str,
    *,
    based_on: str | None = None,
    next_style: str | None = None,
    ppr: str = "",
    rpr: str = "",
    extra: str = "",
    default: bool = False,
    ui_priority: int | None = None,
    hidden: bool = False,
) -> str:
    """A ``w:style`` element, its children in schema order.

    Args:
        kind: ``paragraph``, ``character``, ``table`` or ``numbering``.
        style_id: the id paragraphs refer to the style by.
        name: the name Word shows; for a built-in style, its built-in name (``heading 1``).
        based_on: the id of the style this one inherits from.
        next_style: the id of the style of the paragraph Word starts after this one.
        ppr: paragraph properties.
        rpr: run properties.
        extra: more children, after the run properties (a table style's ``w:tblPr``).
        default: whether this is the default style of its kind.
        ui_priority: where Word lists the style.
        hidden: hidden until used, rather than shown in the style gallery.
    """
    attrs = ' w:default="1"' if default else ""
    parts = [f'<w:name w:val="{name}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_style:
        parts.append(f'<w:next w:val="{next_style}"/>')
    if ui_priority is not None:
        parts.append(f'<w:uiPriority w:val="{ui_priority}"/>')
    parts.append("<w:semiHidden/><w:unhideWhenUsed/>" if hidden else "<w:qFormat/>")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append(extra)
    return f'<w:style w:type="{kind}"{attrs} w:styleId="{style_id}">{"".join(parts)}</w:style>'


def default_styles() -> list[str]:
    """The default style of each kind: Normal, Default Paragraph Font, Normal Table, No List."""
    return [
        style("paragraph", "Normal", "Normal", default=True),
        style(
            "character",
            "DefaultParagraphFont",
            "Default Paragraph Font",
            default=True,
            ui_priority=1,
            hidden=True,
        ),
        style(
            "table",
            "TableNormal",
            "Normal Table",
            default=True,
            ui_priority=99,
            hidden=True,
            extra=f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>{CELL_MARGINS}</w:tblPr>',
        ),
        style("numbering", "NoList", "No List", default=True, ui_priority=99, hidden=True),
    ]


# level -> (size in points, space above in twips, italic)
_HEADINGS: Final = {
    1: (14, 360, False),
    2: (12, 300, False),
    3: (11, 240, False),
    **dict.fromkeys(range(4, 10), (11, 200, True)),
}


def heading_style(
    level: int,
    style_id: str | None = None,
    based_on: str = "Normal",
    *,
    font_name: str | None = None,
    color: str | None = None,
) -> str:
    """The style ``heading {level}``: bold, keeps with the next paragraph, in the outline."""
    points, before, italic = _HEADINGS[level]
    return style(
        "paragraph",
        style_id or f"Heading{level}",
        f"heading {level}",
        based_on=based_on,
        next_style=based_on,
        ui_priority=9,
        ppr=(
            f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="80"/>'
            f'<w:outlineLvl w:val="{level - 1}"/>'
        ),
        rpr=(font(font_name) if font_name else "")
        + BOLD
        + (ITALIC if italic else "")
        + (f'<w:color w:val="{color}"/>' if color else "")
        + size(points),
    )


def list_style(name: str, style_id: str, num_id: int, based_on: str = "Normal") -> str:
    """A list paragraph style ("List Bullet", "List Number") bound to a numbering."""
    return style(
        "paragraph",
        style_id,
        name,
        based_on=based_on,
        ui_priority=99,
        ppr=f'<w:numPr><w:numId w:val="{num_id}"/></w:numPr><w:spacing w:after="60"/>'
        '<w:ind w:left="425" w:hanging="425"/>',
    )


def table_grid_style(style_id: str = "TableGrid", based_on: str | None = None) -> str:
    """The "Table Grid" style: thin grey lines around every cell."""
    borders = "".join(
        border(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return style(
        "table",
        style_id,
        "Table Grid",
        based_on=based_on,
        ui_priority=59,
        extra=f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{borders}'
        f"</w:tblBorders>{CELL_MARGINS}</w:tblPr>",
    )


def quote_style(style_id: str = "Quote", based_on: str = "Normal") -> str:
    """The "Quote" style: indented and italic."""
    return style(
        "paragraph",
        style_id,
        "Quote",
        based_on=based_on,
        next_style=based_on,
        ui_priority=29,
        ppr='<w:ind w:left="567" w:right="567"/>',
        rpr=ITALIC,
    )


def caption_style(style_id: str = "Caption", based_on: str = "Normal") -> str:
    """The "caption" style of figure captions: smaller, italic."""
    return style(
        "paragraph",
        style_id,
        "caption",
        based_on=based_on,
        next_style=based_on,
        ui_priority=35,
        ppr='<w:spacing w:before="60" w:after="200"/><w:jc w:val="center"/>',
        rpr=ITALIC + size(9),
    )


def hyperlink_style(style_id: str = "Hyperlink") -> str:
    """The "Hyperlink" character style: blue and underlined."""
    return style(
        "character",
        style_id,
        "Hyperlink",
        based_on="DefaultParagraphFont",
        ui_priority=99,
        hidden=True,
        rpr='<w:color w:val="0B5394"/><w:u w:val="single"/>',
    )


def styles_xml(styles: Iterable[str], *, font_name: str, points: float, ppr: str = "") -> str:
    """A ``word/styles.xml``: German text in ``font_name`` at ``points``, then ``styles``.

    Args:
        styles: the ``w:style`` elements.
        font_name: the font of all text whose style names none.
        points: the font size of that text.
        ppr: the paragraph properties of every paragraph whose style sets none.
    """
    fonts = (
        f'<w:rFonts w:ascii="{font_name}" w:hAnsi="{font_name}" w:eastAsia="{font_name}" '
        f'w:cs="{font_name}"/>'
    )
    defaults = (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{fonts}{size(points)}"
        f'<w:lang w:val="{LANGUAGE}" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        f"<w:pPrDefault><w:pPr>{ppr}</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    return f'{XML_DECLARATION}<w:styles xmlns:w="{W_NS}">{defaults}{"".join(styles)}</w:styles>'


# -- list numbering ----------------------------------------------------------------------------


def _level(ilvl: int, fmt: str, text: str, font_name: str | None = None) -> str:
    rpr = (
        f'<w:rPr><w:rFonts w:ascii="{font_name}" w:hAnsi="{font_name}" w:hint="default"/></w:rPr>'
        if font_name
        else ""
    )
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{425 * (ilvl + 1)}" w:hanging="425"/></w:pPr>{rpr}</w:lvl>'
    )


def abstract_num(abstract_id: int, numbered: bool) -> str:
    """A three-level list definition: bullets (•, –, ◦) or numbers (1., a), i.)."""
    if numbered:
        levels = (
            _level(0, "decimal", "%1.")
            + _level(1, "lowerLetter", "%2)")
            + _level(2, "lowerRoman", "%3.")
        )
    else:
        levels = "".join(_level(i, "bullet", sign, "Arial") for i, sign in enumerate("•–◦"))
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
    )


def num(num_id: int, abstract_id: int) -> str:
    """A ``w:num`` instance of a list definition."""
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'


def numbering_xml() -> str:
    """A ``word/numbering.xml`` with bullets as ``w:numId`` 1 and numbers as 2."""
    return (
        f'{XML_DECLARATION}<w:numbering xmlns:w="{W_NS}">'
        + abstract_num(0, numbered=False)
        + abstract_num(1, numbered=True)
        + num(1, 0)
        + num(2, 1)
        + "</w:numbering>"
    )


# -- the other parts of a package --------------------------------------------------------------


def settings_xml() -> str:
    """A ``word/settings.xml``: Word 2013 layout, hyphenation, German decimal comma."""
    return (
        f'{XML_DECLARATION}<w:settings xmlns:w="{W_NS}">'
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/>'
        '<w:autoHyphenation w:val="true"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        f'<w:themeFontLang w:val="{LANGUAGE}"/>'
        '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
        "</w:settings>"
    )


def content_types_xml(
    overrides: Mapping[str, str], defaults: Mapping[str, str] | None = None
) -> str:
    """A ``[Content_Types].xml``: ``.rels`` and ``.xml`` by extension, then ``defaults``.

    Args:
        overrides: part name (``/word/document.xml``) -> content type.
        defaults: file extension (``png``) -> content type.
    """
    return (
        f'{XML_DECLARATION}<Types xmlns="{CT_NS}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(
            f'<Default Extension="{k}" ContentType="{v}"/>' for k, v in (defaults or {}).items()
        )
        + "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in overrides.items())
        + "</Types>"
    )


def rels_xml(rels: Iterable[tuple[str, str, str]]) -> str:
    """A ``.rels`` part of ``(id, type, target)`` relationships."""
    return (
        f'{XML_DECLARATION}<Relationships xmlns="{PKG_REL_NS}">'
        + "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in rels)
        + "</Relationships>"
    )


def core_xml() -> str:
    """A ``docProps/core.xml``: German, no title, dated 2016-01-01 so that builds repeat."""
    return (
        f'{XML_DECLARATION}<cp:coreProperties xmlns:cp="{CP_NS}" xmlns:dc="{DC_NS}" '
        f'xmlns:dcterms="{DCTERMS_NS}" xmlns:xsi="{XSI_NS}">'
        "<dc:title></dc:title><dc:subject></dc:subject><dc:creator></dc:creator>"
        f"<dc:language>{LANGUAGE}</dc:language><cp:revision>1</cp:revision>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2016-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2016-01-01T00:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_xml() -> str:
    """A ``docProps/app.xml`` naming this library as the application."""
    return (
        f'{XML_DECLARATION}<Properties xmlns="{EXTENDED_NS}">'
        "<Application>vorlagen</Application><DocSecurity>0</DocSecurity>"
        "</Properties>"
    )


#: name, family and pitch of each font the documents built here use
_FONTS: Final = (
    ("Arial", "swiss", "variable"),
    ("Times New Roman", "roman", "variable"),
    ("Courier New", "modern", "fixed"),
)


def font_table_xml() -> str:
    """A ``word/fontTable.xml`` describing Arial, Times New Roman and Courier New."""
    fonts = "".join(
        f'<w:font w:name="{name}"><w:charset w:val="00"/><w:family w:val="{family}"/>'
        f'<w:pitch w:val="{pitch}"/></w:font>'
        for name, family, pitch in _FONTS
    )
    return f'{XML_DECLARATION}<w:fonts xmlns:w="{W_NS}">{fonts}</w:fonts>'


_THEME_COLORS: Final = {
    "dk1": '<a:sysClr val="windowText" lastClr="000000"/>',
    "lt1": '<a:sysClr val="window" lastClr="FFFFFF"/>',
    "dk2": '<a:srgbClr val="1F2937"/>',
    "lt2": '<a:srgbClr val="E7E6E6"/>',
    "accent1": '<a:srgbClr val="0B5394"/>',
    "accent2": '<a:srgbClr val="7F7F7F"/>',
    "accent3": '<a:srgbClr val="A5A5A5"/>',
    "accent4": '<a:srgbClr val="2E7D32"/>',
    "accent5": '<a:srgbClr val="5B9BD5"/>',
    "accent6": '<a:srgbClr val="C55A11"/>',
    "hlink": '<a:srgbClr val="0B5394"/>',
    "folHlink": '<a:srgbClr val="6A1B9A"/>',
}


def theme_xml() -> str:
    """The smallest complete theme: Word wants one, its fonts are Arial throughout."""
    scheme = "".join(f"<a:{k}>{v}</a:{k}>" for k, v in _THEME_COLORS.items())
    fonts = '<a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/>'
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="6350" cap="flat" cmpd="sng" algn="ctr">{fill}</a:ln>'
    effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
    return (
        f'{XML_DECLARATION}<a:theme xmlns:a="{A_NS}" name="vorlagen"><a:themeElements>'
        f'<a:clrScheme name="vorlagen">{scheme}</a:clrScheme>'
        f'<a:fontScheme name="vorlagen"><a:majorFont>{fonts}</a:majorFont>'
        f"<a:minorFont>{fonts}</a:minorFont></a:fontScheme>"
        '<a:fmtScheme name="vorlagen">'
        f"<a:fillStyleLst>{fill * 3}</a:fillStyleLst>"
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        f"<a:effectStyleLst>{effect * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst>"
        "</a:fmtScheme></a:themeElements></a:theme>"
    )


# -- the package -------------------------------------------------------------------------------

_IMAGE_TYPES: Final = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg"}


def package_parts(
    document_xml: str,
    styles: str,
    footer_xml: str,
    *,
    header_xml: str | None = None,
    header_images: Mapping[str, bytes] | None = None,
) -> dict[str, str | bytes]:
    """Every part of a DOCX, by name, in the order they are written.

    The parts not given are the ones above: :func:`numbering_xml`, :func:`settings_xml`,
    :func:`font_table_xml`, :func:`theme_xml`, :func:`core_xml` and :func:`app_xml`.

    Args:
        document_xml: the body, from :func:`document`.
        styles: the styles, from :func:`styles_xml`.
        footer_xml: the footer, from :func:`footer`.
        header_xml: the header, from :func:`header`, if the document has one.
        header_images: file name -> image, stored in ``word/media/`` and related to the
            header as ``rId1``, ``rId2``, … in this order.
    """
    images = dict(header_images or {})
    wml = WML_CONTENT_TYPE
    overrides = {
        "/word/document.xml": f"{wml}.document.main+xml",
        "/word/styles.xml": f"{wml}.styles+xml",
        "/word/numbering.xml": f"{wml}.numbering+xml",
        "/word/settings.xml": f"{wml}.settings+xml",
        "/word/footer1.xml": f"{wml}.footer+xml",
        "/word/fontTable.xml": f"{wml}.fontTable+xml",
        "/word/theme/theme1.xml": f"{_OFFICE}.theme+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": f"{_OFFICE}.extended-properties+xml",
    }
    body_rels = [
        ("rId1", f"{REL_NS}/styles", "styles.xml"),
        ("rId2", f"{REL_NS}/numbering", "numbering.xml"),
        ("rId3", f"{REL_NS}/settings", "settings.xml"),
        (_FOOTER_ID, f"{REL_NS}/footer", "footer1.xml"),
        ("rId5", f"{REL_NS}/fontTable", "fontTable.xml"),
        ("rId6", f"{REL_NS}/theme", "theme/theme1.xml"),
    ]
    if header_xml is not None:
        overrides["/word/header1.xml"] = f"{wml}.header+xml"
        body_rels.append((_HEADER_ID, f"{REL_NS}/header", "header1.xml"))
    extensions = {name.rpartition(".")[2].lower() for name in images}
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": content_types_xml(
            overrides, {ext: _IMAGE_TYPES[ext] for ext in sorted(extensions)}
        ),
        "_rels/.rels": rels_xml(
            [
                ("rId1", f"{REL_NS}/officeDocument", "word/document.xml"),
                ("rId2", f"{PKG_REL_NS}/metadata/core-properties", "docProps/core.xml"),
                ("rId3", f"{REL_NS}/extended-properties", "docProps/app.xml"),
            ]
        ),
        "docProps/core.xml": core_xml(),
        "docProps/app.xml": app_xml(),
        "word/document.xml": document_xml,
        "word/_rels/document.xml.rels": rels_xml(body_rels),
        "word/styles.xml": styles,
        "word/numbering.xml": numbering_xml(),
        "word/settings.xml": settings_xml(),
        "word/footer1.xml": footer_xml,
        "word/fontTable.xml": font_table_xml(),
        "word/theme/theme1.xml": theme_xml(),
    }
    if header_xml is not None:
        parts["word/header1.xml"] = header_xml
        parts["word/_rels/header1.xml.rels"] = rels_xml(
            (f"rId{number}", f"{REL_NS}/image", f"media/{name}")
            for number, name in enumerate(images, start=1)
        )
        parts.update({f"word/media/{name}": data for name, data in images.items()})
    return parts


def zip_parts(parts: Mapping[str, str | bytes]) -> bytes:
    """A DOCX of ``parts`` (name -> XML text or bytes) in their order; the same every time."""
    return write_zip(
        (
            deflate(name, content.encode("utf-8") if isinstance(content, str) else content)
            for name, content in parts.items()
        ),
        zip_time(None),
    )
