"""Build the shipped templates ``default.docx`` and ``stadt.docx`` from their description here.

Run ``python scripts/build_templates.py`` after changing this file; with ``--check`` it only
says whether the committed templates are what it builds (a test runs that). Each template is
described as data: its page, fonts and colours, its own styles, and the blocks of its body,
header and footer (lines, the header block's labels, sections with their field and whether
they are left out when it is empty, tables). :mod:`vorlagen.docx.build` turns them into XML.
Both hold nothing but what a council paper needs: German as the document language, real
heading styles, list numbering, and "Seite X von Y" in the footer.
"""

from __future__ import annotations

import argparse
import math
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from vorlagen.docx.build import (
    A4,
    BOLD,
    CELL_STYLE,
    LABEL_STYLE,
    TABLE_STYLE,
    Page,
    Run,
    border,
    caption_style,
    cell,
    default_styles,
    document,
    field,
    floating_picture,
    font,
    footer,
    header,
    heading,
    heading_style,
    hyperlink_style,
    label,
    list_style,
    package_parts,
    para,
    quote_style,
    row,
    size,
    style,
    styles_xml,
    table,
    table_grid_style,
    tag,
    tag_row,
    zip_parts,
)

FOLDER = Path(__file__).resolve().parent.parent / "vorlagen" / "templates"


# -- the blocks a template's parts are made of -------------------------------------------------


class Block(Protocol):
    """A piece of a part: paragraphs and tables, with the ``{%p %}`` tags around them."""

    def xml(self) -> list[str]:
        """The block elements, in order."""
        ...


def _if(condition: str | None, body: list[str]) -> list[str]:
    """``body`` between ``{%p if condition %}`` and ``{%p endif %}``, or as it is."""
    if condition is None:
        return body
    return [tag(f"{{%p if {condition} %}}"), *body, tag("{%p endif %}")]


def _titled(title: str | None) -> list[str]:
    return [heading(title, 2)] if title else []


@dataclass(frozen=True)
class Line:
    """A paragraph of ``runs``; with ``when``, shown only where that expression is true."""

    runs: str | tuple[Run, ...]
    style: str | None = None
    when: str | None = None
    ppr: str = ""

    def xml(self) -> list[str]:
        """The paragraph, inside ``{%p if %}`` where it has a condition."""
        runs = (self.runs,) if isinstance(self.runs, str) else self.runs
        return _if(self.when, [para(*runs, style=self.style, ppr=self.ppr)])


@dataclass(frozen=True)
class Value:
    """A paragraph printing ``field``; an ``optional`` one is left out where it is empty."""

    field: str
    style: str | None = None
    optional: bool = False

    def xml(self) -> list[str]:
        """The paragraph, inside ``{%p if field %}`` if optional."""
        line = para(f"{{{{ {self.field} }}}}", style=self.style)
        return _if(self.field if self.optional else None, [line])


@dataclass(frozen=True)
class Label:
    """A line of the header block: the bold label, then the value after a tab."""

    name: str
    value: str
    when: str | None = None
    ppr: str = ""

    def xml(self) -> list[str]:
        """The line, inside ``{%p if %}`` where it has a condition."""
        return _if(self.when, [label(self.name, self.value, ppr=self.ppr)])


@dataclass(frozen=True)
class Rich:
    """Rich content below a heading ``title``; an ``optional`` one left out with its heading."""

    title: str | None
    field: str
    optional: bool = False

    def xml(self) -> list[str]:
        """The heading and the ``{{p field }}`` paragraph."""
        body = [*_titled(self.title), para(f"{{{{p {self.field} }}}}")]
        return _if(self.field if self.optional else None, body)


@dataclass(frozen=True)
class Entries:
    """A paragraph per entry ``var`` of the list ``field``, below a heading ``title``."""

    title: str | None
    field: str
    var: str
    text: str
    style: str
    optional: bool = True

    def xml(self) -> list[str]:
        """The heading and the paragraph between ``{%p for %}`` and ``{%p endfor %}``."""
        loop = [
            tag(f"{{%p for {self.var} in {self.field} %}}"),
            para(self.text, style=self.style),
            tag("{%p endfor %}"),
        ]
        return _if(self.field if self.optional else None, [*_titled(self.title), *loop])


@dataclass(frozen=True)
class Loop:
    """The blocks once for each entry ``var`` of the list ``field``."""

    var: str
    field: str
    blocks: tuple[Block, ...]

    def xml(self) -> list[str]:
        """The blocks between ``{%p for %}`` and ``{%p endfor %}``."""
        return [
            tag(f"{{%p for {self.var} in {self.field} %}}"),
            *blocks_xml(self.blocks),
            tag("{%p endfor %}"),
        ]


@dataclass(frozen=True)
class Group:
    """Blocks shown where ``when`` is true, below a heading ``title``; else ``otherwise``."""

    when: str
    blocks: tuple[Block, ...]
    title: str | None = None
    otherwise: tuple[Block, ...] = ()

    def xml(self) -> list[str]:
        """The heading and blocks, and the others after ``{%p else %}``."""
        body = [*_titled(self.title), *blocks_xml(self.blocks)]
        if self.otherwise:
            body += [tag("{%p else %}"), *blocks_xml(self.otherwise)]
        return _if(self.when, body)


@dataclass(frozen=True)
class Column:
    """A table column: its head, what its cells print, its width in twips."""

    head: str
    cell: str
    width: int
    right: bool = False


@dataclass(frozen=True)
class Grid:
    """A table with a head row and a row per entry ``var`` of ``field``.

    With ``total``, a last row "Summe" prints it where the list has more than one entry.
    """

    columns: tuple[Column, ...]
    var: str
    field: str
    total: str | None = None

    def xml(self) -> list[str]:
        """The table; rows holding only a ``{%tr %}`` tag are removed when rendering."""
        widths = [c.width for c in self.columns]
        rows = [
            row(
                [cell(c.head, c.width, head=True, right=c.right) for c in self.columns], header=True
            ),
            tag_row(f"{{%tr for {self.var} in {self.field} %}}", widths),
            row([cell(c.cell, c.width, right=c.right) for c in self.columns]),
            tag_row("{%tr endfor %}", widths),
        ]
        if self.total is not None:
            texts = ["Summe", *[""] * (len(self.columns) - 2), self.total]
            total = [
                cell(text, c.width, head=True, right=c.right)
                for text, c in zip(texts, self.columns, strict=True)
            ]
            rows += [
                tag_row(f"{{%tr if {self.field}|length > 1 %}}", widths),
                row(total),
                tag_row("{%tr endif %}", widths),
            ]
        return [table(widths, rows)]


@dataclass(frozen=True)
class Agenda:
    """A part of a Tagesordnung as a table: a row per TOP of ``part``, one per Unterpunkt."""

    part: str

    def xml(self) -> list[str]:
        """The table; rows holding only a ``{%tr %}`` tag are removed when rendering."""
        widths = [1400, 6155, 1800]

        def line(var: str) -> str:
            return row(
                [
                    cell(f"{{{{ {var}|top_nummer }}}}", widths[0]),
                    cell(f"{{{{ {var}.titel }}}}", widths[1]),
                    cell(
                        f"{{% if {var}.vorlage %}}{{{{ {var}.vorlage.nummer }}}}{{% endif %}}",
                        widths[2],
                    ),
                ]
            )

        heads = ("Nr.", "Gegenstand", "Vorlage")
        head = row([cell(t, w, head=True) for t, w in zip(heads, widths, strict=True)], header=True)
        rows = [
            head,
            tag_row(f"{{%tr for top in {self.part}.tops %}}", widths),
            line("top"),
            tag_row("{%tr for u in top.unterpunkte %}", widths),
            line("u"),
            tag_row("{%tr endfor %}", widths),
            tag_row("{%tr endfor %}", widths),
        ]
        return [table(widths, rows)]


def blocks_xml(blocks: Sequence[Block]) -> list[str]:
    """The block elements of ``blocks``, in order."""
    return [xml for block in blocks for xml in block.xml()]


# -- what every template has -------------------------------------------------------------------


@dataclass(frozen=True)
class Look:
    """Fonts and colours: body text, titles and headings, the colour of lower headings."""

    font: str
    points: float
    heading_font: str | None = None
    accent: str | None = None


@dataclass(frozen=True)
class Design:
    """A template: its look, page, own styles, and the blocks of its body, header and footer.

    ``header_images`` go to ``word/media/`` and are related to the header as ``rId1``, … .
    """

    look: Look
    body: tuple[Block, ...]
    footer: tuple[Block, ...]
    header: tuple[Block, ...] = ()
    header_images: tuple[tuple[str, bytes], ...] = ()
    styles: tuple[str, ...] = ()
    page: Page = A4


GREY = "404040"
LABEL_TAB = 2268  # 4 cm: where the values of the header block start
SPACING = '<w:spacing w:after="120" w:line="264" w:lineRule="auto"/>'
KEEP_WITH_SIGNATURE = '<w:keepNext/><w:spacing w:before="480" w:after="0"/>'

NICHTOEFFENTLICH_RED = "9C0006"
#: The marking of a non-public paper at the head of its first page: a framed line, red, its
#: first word bold (a notice, not a heading: it stays out of the outline).
NICHTOEFFENTLICH = Line(
    (("Nichtöffentlich", BOLD), " – {{ vorlage.nichtoeffentlich_grund }}"),
    "Nichtoeffentlich",
    when="not vorlage.oeffentlich",
)

#: The styles of a council paper both templates use, between the built-in ones.
PAPER_STYLES = (
    style(
        "paragraph",
        "Nichtoeffentlich",
        "Nichtöffentlich",
        based_on="Normal",
        ppr="<w:keepNext/><w:pBdr>"
        + "".join(
            f'<w:{side} w:val="single" w:sz="12" w:space="4" w:color="{NICHTOEFFENTLICH_RED}"/>'
            for side in ("top", "left", "bottom", "right")
        )
        + '</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="FCE4E4"/>'
        '<w:spacing w:before="0" w:after="240"/><w:ind w:left="85" w:right="85"/>',
        rpr=f'<w:color w:val="{NICHTOEFFENTLICH_RED}"/>' + size(12),
    ),
    style(
        "paragraph",
        "Absender",
        "Absender",
        based_on="Normal",
        next_style="Title",
        ppr='<w:spacing w:after="0"/>',
        rpr=BOLD + f'<w:color w:val="{GREY}"/>' + size(13),
    ),
    style(
        "paragraph",
        LABEL_STYLE,
        "Kopfangabe",
        based_on="Normal",
        ppr=f'<w:tabs><w:tab w:val="left" w:pos="{LABEL_TAB}"/></w:tabs>'
        f'<w:spacing w:after="20"/><w:ind w:left="{LABEL_TAB}" w:hanging="{LABEL_TAB}"/>',
    ),
    style(
        "paragraph",
        CELL_STYLE,
        "Tabelleninhalt",
        based_on="Normal",
        ppr='<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>',
        rpr=size(10),
    ),
    # keeps the list of attachments with the signature below it
    style(
        "paragraph",
        "Anlage",
        "Anlage",
        based_on="Normal",
        ppr='<w:keepNext/><w:spacing w:after="40"/>',
    ),
    style("paragraph", "Unterschrift", "Unterschrift", based_on="Normal", ppr=KEEP_WITH_SIGNATURE),
    style(
        "paragraph",
        "UnterschriftName",
        "Unterschrift Name",
        based_on="Normal",
        ppr=KEEP_WITH_SIGNATURE,
    ),
)


def styles_part(design: Design) -> str:
    """The styles: the built-in ones in the template's look, the paper's, the template's own."""
    look, text_width = design.look, design.page.text_width
    heading_font = font(look.heading_font) if look.heading_font else ""
    return styles_xml(
        [
            *default_styles(),
            style(
                "paragraph",
                "Title",
                "Title",
                based_on="Normal",
                next_style="Normal",
                ui_priority=10,
                ppr='<w:spacing w:before="60" w:after="240"/>',
                rpr=heading_font + BOLD + size(20),
            ),
            *(
                heading_style(
                    level, font_name=look.heading_font, color=look.accent if level > 1 else None
                )
                for level in range(1, 7)
            ),
            list_style("List Bullet", "ListBullet", 1),
            list_style("List Number", "ListNumber", 2),
            # the id is German on purpose: rich content finds styles by name, not by id
            table_grid_style(TABLE_STYLE, based_on="TableNormal"),
            style(
                "paragraph",
                "Header",
                "header",
                based_on="Normal",
                ui_priority=99,
                hidden=True,
                ppr='<w:tabs><w:tab w:val="center" w:pos="4678"/>'
                f'<w:tab w:val="right" w:pos="{text_width}"/></w:tabs><w:spacing w:after="0"/>',
            ),
            style(
                "paragraph",
                "Footer",
                "footer",
                based_on="Normal",
                ui_priority=99,
                hidden=True,
                ppr=f"<w:pBdr>{border('top')}</w:pBdr><w:tabs>"
                f'<w:tab w:val="right" w:pos="{text_width}"/></w:tabs><w:spacing w:after="0"/>',
                rpr=f'<w:color w:val="{GREY}"/>' + size(8.5),
            ),
            *PAPER_STYLES,
            hyperlink_style(),
            quote_style(),
            caption_style(),
            *design.styles,
        ],
        font_name=look.font,
        points=look.points,
        ppr=SPACING,
    )


def parts(design: Design) -> dict[str, str | bytes]:
    """Every part of the template, by name, in the order they are written."""
    return package_parts(
        document(blocks_xml(design.body), design.page, header=bool(design.header)),
        styles_part(design),
        footer(*blocks_xml(design.footer)),
        header_xml=header(*blocks_xml(design.header)) if design.header else None,
        header_images=dict(design.header_images),
    )


def build(design: Design) -> bytes:
    """The template as DOCX bytes; the same description always gives the same bytes."""
    return zip_parts(parts(design))


# -- the sections both templates share ---------------------------------------------------------

FA = "vorlage.finanzielle_auswirkungen"
PAGES: tuple[Run, ...] = ("Seite ", field("PAGE"), " von ", field("NUMPAGES"))
BESCHLUSSVORSCHLAG = Rich("Beschlussvorschlag", "vorlage.beschlussvorschlag", optional=True)
RECHTSGRUNDLAGE = Entries(
    "Rechtsgrundlage", "vorlage.rechtsgrundlage", "r", "{{ r }}", style="ListBullet"
)
FA_ERLAEUTERUNG = Rich(None, f"{FA}.erlaeuterung", optional=True)
NICHT_BEZIFFERT = (
    Line("Die finanziellen Auswirkungen sind noch nicht beziffert."),
    FA_ERLAEUTERUNG,
)


def finanzen(positionen: tuple[Block, ...], keine: str) -> Group:
    """The Finanzielle Auswirkungen: positions and Erläuterung, not yet quantified, or none."""
    return Group(
        FA,
        (Group(f"{FA}.beziffert", (*positionen, FA_ERLAEUTERUNG), otherwise=NICHT_BEZIFFERT),),
        otherwise=(Line(keine),),
    )


KLIMA_ERLAEUTERUNG = Rich(None, "vorlage.klimarelevanz.erlaeuterung", optional=True)


# -- default.docx: a county's paper ------------------------------------------------------------

SACHBEARBEITUNG = (
    "{{ vorlage.sachbearbeitung.name }}"
    "{% if vorlage.sachbearbeitung.telefon %}, Tel. {{ vorlage.sachbearbeitung.telefon }}"
    "{% endif %}"
    "{% if vorlage.sachbearbeitung.email %}, {{ vorlage.sachbearbeitung.email }}{% endif %}"
)
OEFFENTLICHKEIT = (
    "{% if vorlage.oeffentlich %}öffentlich"
    "{% else %}nichtöffentlich ({{ vorlage.nichtoeffentlich_grund }}){% endif %}"
)
BERATUNG_TABLE = Grid(
    (
        Column("Beratungsfolge", "{{ b.gremium }}", 4055),
        Column("Sitzungsdatum", "{{ b.sitzungsdatum }}", 1800),
        Column("Zuständigkeit", "{{ b.zustaendigkeit }}", 2000),
        Column(
            "Sitzung", "{% if b.oeffentlich %}öffentlich{% else %}nichtöffentlich{% endif %}", 1500
        ),
    ),
    "b",
    "vorlage.beratungsfolge",
)
# The Betrag column holds "−99.999.999,99 EUR" in bold (the Summe) on one line: amounts
# never wrap inside the word; the heads fit their columns at 10 pt.
FINANZ_TABLE = Grid(
    (
        Column("Haushaltsjahr", "{{ p.haushaltsjahr }}", 1560),
        Column("Produkt", "{{ p.produkt }}", 1100),
        Column("Bezeichnung", "{{ p.bezeichnung }}", 2515),
        Column("Veranschlagung", "{{ p.veranschlagung }}", 1780),
        Column("Betrag", "{{ p.betrag }}", 2400, right=True),
    ),
    "p",
    f"{FA}.positionen",
    total=f"{{{{ {FA}.summe }}}}",
)

DEFAULT = Design(
    look=Look("Arial", 11),
    body=(
        NICHTOEFFENTLICH,
        Value("vorlage.koerperschaft", "Absender"),
        Value("vorlage.art", "Title"),
        Label("Vorlage-Nr.", "{{ vorlage.nummer }}"),
        Label("Datum", "{{ vorlage.datum|kopfdatum }}"),
        Label("Federführung", "{{ vorlage.federfuehrung }}"),
        Label("Aktenzeichen", "{{ vorlage.aktenzeichen }}", when="vorlage.aktenzeichen"),
        Label("Sachbearbeitung", SACHBEARBEITUNG, when="vorlage.sachbearbeitung"),
        Label("Öffentlichkeit", OEFFENTLICHKEIT, ppr='<w:spacing w:after="240"/>'),
        BERATUNG_TABLE,
        Value("vorlage.betreff", "Heading1"),
        BESCHLUSSVORSCHLAG,
        RECHTSGRUNDLAGE,
        Rich("Sachdarstellung", "vorlage.sachdarstellung"),
        Line("Finanzielle Auswirkungen", "Heading2"),
        finanzen((Group(f"{FA}.positionen", (FINANZ_TABLE,)),), "Keine."),
        Group(
            "vorlage.klimarelevanz",
            (
                Line((("Bewertung: ", BOLD), "{{ vorlage.klimarelevanz.bewertung }}")),
                KLIMA_ERLAEUTERUNG,
            ),
            title="Klimarelevanz",
        ),
        Entries(
            "Anlagen", "vorlage.anlagen", "a", "Anlage {{ loop.index }}: {{ a.titel }}", "Anlage"
        ),
        Group(
            "vorlage.unterzeichnung",
            (
                Value("vorlage.unterzeichnung.vertretung", "Unterschrift", optional=True),
                Value("vorlage.unterzeichnung.name", "UnterschriftName", optional=True),
                Value("vorlage.unterzeichnung.funktion", LABEL_STYLE),
            ),
        ),
    ),
    footer=(
        Line(("{{ vorlage.koerperschaft }} · Vorlage {{ vorlage.nummer }}\t", *PAGES), "Footer"),
    ),
)


# -- stadt.docx: a town's letterhead with its arms, the Beratungsfolge as a list ---------------

STADT_BLUE = "1F4E79"
STADT_GOLD = "C9A227"
LOGO_PX = (150, 170)  # width, height in pixels
LOGO_EMU = (540000, 612000)  # 1.5 cm x 1.7 cm


def logo_png() -> bytes:
    """A town's coat of arms, drawn here: a blue shield with a golden sun over a white river."""
    width, height = LOGO_PX
    cx, split, margin = width / 2, height * 0.5, 4
    half = cx - margin
    rows = []
    for y in range(height):
        pixels = bytearray(b"\x00")  # PNG filter type 0 for each row
        for x in range(width):
            if y < margin:
                inside = False
            elif y < split:
                inside = abs(x - cx) <= half
            else:
                t = (y - split) / (height - margin - split)
                inside = t <= 1 and abs(x - cx) <= half * math.sqrt(max(0.0, 1 - t * t))
            if not inside:
                pixels += b"\x00\x00\x00\x00"
                continue
            edge = abs(x - cx) > half - 5 or y < margin + 5
            wave = abs(y - (height * 0.62 + 7 * math.sin(x / 11))) < 9
            sun = math.hypot(x - cx, y - height * 0.3) < 25
            if edge:
                rgb = "0F2A44"
            elif sun:
                rgb = STADT_GOLD
            elif wave:
                rgb = "FFFFFF"
            else:
                rgb = STADT_BLUE
            pixels += bytes.fromhex(rgb) + b"\xff"
        rows.append(bytes(pixels))
    header_chunk = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header_chunk)
        + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


ARIAL = font("Arial")
RIGHT_TAB = f'<w:tabs><w:tab w:val="right" w:pos="{A4.text_width}"/></w:tabs>'
# The positions as a table: however long a Bezeichnung, it wraps in its own column and
# never runs into the amount, which has room for "−99.999.999,99 EUR" in bold.
STADT_FINANZ_TABLE = Grid(
    (
        Column("Haushaltsjahr", "{{ p.haushaltsjahr }}", 1560),
        Column(
            "Position",
            "{{ p.bezeichnung }}{% if p.produkt %} (Produkt {{ p.produkt }}){% endif %}, "
            "{{ p.veranschlagung }}",
            5395,
        ),
        Column("Betrag", "{{ p.betrag }}", 2400, right=True),
    ),
    "p",
    f"{FA}.positionen",
    total=f"{{{{ {FA}.summe }}}}",
)
STADT_STYLES = (
    style(
        "paragraph",
        "Briefkopf",
        "Briefkopf",
        based_on="Normal",
        ppr='<w:spacing w:after="0"/>',
        rpr=f'{ARIAL}{BOLD}<w:color w:val="{STADT_BLUE}"/>' + size(16),
    ),
    style(
        "paragraph",
        "BriefkopfZusatz",
        "Briefkopf Zusatz",
        based_on="Normal",
        ppr=f'<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="4" w:color="{STADT_GOLD}"/>'
        '</w:pBdr><w:spacing w:after="360"/>',
        rpr=f'{ARIAL}<w:color w:val="{GREY}"/>' + size(11),
    ),
    style(
        "paragraph",
        "Vorlagenkopf",
        "Vorlagenkopf",
        based_on="Normal",
        ppr=RIGHT_TAB + '<w:spacing w:after="40"/>',
        rpr=ARIAL + size(10),
    ),
    style(
        "paragraph",
        "Beratung",
        "Beratung",
        based_on="Normal",
        ppr='<w:tabs><w:tab w:val="left" w:pos="1418"/></w:tabs><w:spacing w:after="20"/>'
        '<w:ind w:left="1418" w:hanging="1418"/>',
        rpr=ARIAL + size(10),
    ),
)
WAPPEN = floating_picture(
    "rId1",
    name="Stadtwappen",
    file_name="wappen.png",
    description="Wappen der Stadt",
    extent=LOGO_EMU,
    top=396000,  # 1.1 cm
)

STADT = Design(
    look=Look("Times New Roman", 12, heading_font="Arial", accent=STADT_BLUE),
    styles=STADT_STYLES,
    header=(
        Line((WAPPEN, "{{ vorlage.koerperschaft }}"), "Briefkopf"),
        Line("Der Bürgermeister", "BriefkopfZusatz"),
    ),
    header_images=(("wappen.png", logo_png()),),
    body=(
        NICHTOEFFENTLICH,
        Value("vorlage.art", "Title"),
        Line(
            (("Vorlage Nr. {{ vorlage.nummer }}", BOLD), "\t{{ vorlage.datum|kopfdatum }}"),
            "Vorlagenkopf",
        ),
        Line(
            "Amt: {{ vorlage.federfuehrung }}"
            "{% if vorlage.aktenzeichen %} · Az. {{ vorlage.aktenzeichen }}{% endif %}",
            "Vorlagenkopf",
        ),
        Value("vorlage.betreff", "Heading1"),
        Entries(
            "Beratungsfolge",
            "vorlage.beratungsfolge",
            "b",
            "{{ b.sitzungsdatum }}\t{{ b.gremium }} ({{ b.zustaendigkeit }}"
            "{% if not b.oeffentlich %}, nichtöffentlich{% endif %})",
            "Beratung",
            optional=False,
        ),
        BESCHLUSSVORSCHLAG,
        Rich("Sachverhalt", "vorlage.sachdarstellung"),
        RECHTSGRUNDLAGE,
        Line("Finanzielle Auswirkungen", "Heading2"),
        finanzen(
            (Group(f"{FA}.positionen", (STADT_FINANZ_TABLE,)),),
            "Die Vorlage hat keine finanziellen Auswirkungen.",
        ),
        Group(
            "vorlage.klimarelevanz",
            (Value("vorlage.klimarelevanz.bewertung"), KLIMA_ERLAEUTERUNG),
            title="Auswirkungen auf den Klimaschutz",
        ),
        Group(
            "vorlage.unterzeichnung",
            (
                Value("vorlage.unterzeichnung.funktion", "Unterschrift"),
                Value("vorlage.unterzeichnung.vertretung", "Vorlagenkopf", optional=True),
                Value("vorlage.unterzeichnung.name", "UnterschriftName", optional=True),
            ),
        ),
        Entries("Anlagen", "vorlage.anlagen", "a", "{{ loop.index }}.\t{{ a.titel }}", "Anlage"),
    ),
    footer=(
        Line((*PAGES, " · Vorlage {{ vorlage.nummer }}"), "Footer", ppr='<w:jc w:val="center"/>'),
    ),
)


def stadt_design(koerperschaft: str, body: tuple[Block, ...], footer_tail: str) -> Design:
    """A document in the town's design: its letterhead with the arms, "Seite X von Y · …"."""
    return Design(
        look=STADT.look,
        styles=STADT_STYLES,
        header=(
            Line((WAPPEN, f"{{{{ {koerperschaft} }}}}"), "Briefkopf"),
            Line("Der Bürgermeister", "BriefkopfZusatz"),
        ),
        header_images=STADT.header_images,
        body=body,
        footer=(Line((*PAGES, footer_tail), "Footer", ppr='<w:jc w:val="center"/>'),),
    )


# -- the Einladung of a meeting: letterhead, date, place, the Tagesordnung in its parts --------

INTERN = 'sitzung.fassung == "intern"'
OEFFENTLICH = 'sitzung.fassung == "oeffentlich"'
NICHTOEFFENTLICH_FOLGT = "Im Anschluss an den öffentlichen Teil folgt ein nichtöffentlicher Teil."


def tagesordnung(sitzung: str = "sitzung") -> tuple[Block, ...]:
    """The Tagesordnung: its public part, then its non-public part (or that one follows)."""
    return (
        Line("Tagesordnung", "Heading2"),
        Group(
            f"{sitzung}.oeffentlicher_teil.tops",
            (
                Line(f"{{{{ {sitzung}.oeffentlicher_teil|teil_titel }}}}", "Heading3"),
                Agenda(f"{sitzung}.oeffentlicher_teil"),
            ),
        ),
        Group(
            f"{sitzung}.nichtoeffentlicher_teil",
            (
                Line(f"{{{{ {sitzung}.nichtoeffentlicher_teil|teil_titel }}}}", "Heading3"),
                Group(
                    f"{sitzung}.nichtoeffentlicher_teil.tops",
                    (Agenda(f"{sitzung}.nichtoeffentlicher_teil"),),
                    otherwise=(Line(NICHTOEFFENTLICH_FOLGT),),
                ),
            ),
        ),
    )


ERLAEUTERUNGEN = Group(
    "sitzung.erlaeutert",
    (
        Loop(
            "punkt",
            "sitzung.erlaeutert",
            (
                Line("{{ punkt|top_nummer }} {{ punkt.titel }}", "Heading3"),
                Rich(None, "punkt.erlaeuterung"),
            ),
        ),
    ),
    title="Erläuterungen zur Tagesordnung",
)
EINLADUNG_TITEL = Line(
    "{% if sitzung.fassung == 'oeffentlich' %}Tagesordnung der {{ sitzung.bezeichnung }}"
    "{% else %}Einladung zur {{ sitzung.bezeichnung }}{% endif %}",
    "Heading1",
)
ANREDE = (
    Line("Sehr geehrte Damen und Herren,", when=INTERN),
    Line(
        "zur {{ sitzung.bezeichnung }} lade ich Sie herzlich ein. Die Vorlagen zu den "
        "Tagesordnungspunkten sind beigefügt.",
        when=INTERN,
    ),
    Line(
        "Die {{ sitzung.bezeichnung }} findet am {{ sitzung.beginn|termin }} statt, Ort: "
        "{{ sitzung.ort }}{% if sitzung.raum %}, {{ sitzung.raum }}{% endif %}. Der öffentliche "
        "Teil ist für alle zugänglich.",
        when=OEFFENTLICH,
    ),
)
GRUSS = (
    Line("Mit freundlichen Grüßen", "Unterschrift", when=INTERN),
    Value("sitzung.vorsitz.name", "UnterschriftName"),
    Value("sitzung.vorsitz.funktion", LABEL_STYLE),
)
ORT = "{{ sitzung.ort }}{% if sitzung.raum %}, {{ sitzung.raum }}{% endif %}"

EINLADUNG_DEFAULT = Design(
    look=DEFAULT.look,
    body=(
        Value("sitzung.koerperschaft", "Absender"),
        Line(
            "{% if sitzung.fassung == 'oeffentlich' %}Öffentliche Bekanntmachung"
            "{% else %}Einladung{% endif %}",
            "Title",
        ),
        Label("Datum", "{{ sitzung.einladungsdatum|kopfdatum }}"),
        Label("Gremium", "{{ sitzung.gremium }}"),
        Label("Termin", "{{ sitzung.beginn|termin }}"),
        Label("Ort", ORT, ppr='<w:spacing w:after="240"/>'),
        Line("An die Mitglieder {{ sitzung.des_gremiums }}", when=INTERN),
        EINLADUNG_TITEL,
        *ANREDE,
        *tagesordnung(),
        *GRUSS,
        ERLAEUTERUNGEN,
    ),
    footer=(Line(("{{ sitzung.koerperschaft }} · {{ sitzung.bezeichnung }}\t", *PAGES), "Footer"),),
)

EINLADUNG_STADT = Design(
    look=STADT.look,
    styles=STADT_STYLES,
    header=(
        Line((WAPPEN, "{{ sitzung.koerperschaft }}"), "Briefkopf"),
        Line("Der Bürgermeister", "BriefkopfZusatz"),
    ),
    header_images=STADT.header_images,
    body=(
        Line(
            "{% if sitzung.fassung == 'oeffentlich' %}Öffentliche Bekanntmachung"
            "{% else %}Einladung{% endif %}",
            "Title",
        ),
        Line(
            (("{{ sitzung.gremium }}", BOLD), "\t{{ sitzung.einladungsdatum|kopfdatum }}"),
            "Vorlagenkopf",
        ),
        Line("{{ sitzung.beginn|termin }} · " + ORT, "Vorlagenkopf"),
        EINLADUNG_TITEL,
        *ANREDE,
        *tagesordnung(),
        *GRUSS,
        ERLAEUTERUNGEN,
    ),
    footer=(
        Line((*PAGES, " · {{ sitzung.bezeichnung }}"), "Footer", ppr='<w:jc w:val="center"/>'),
    ),
)

# -- the Niederschrift: attendance, the Tagesordnung, each item with its result ---------------

N = "niederschrift"
SIGNATURE_TAB = f'<w:tabs><w:tab w:val="left" w:pos="{A4.text_width // 2}"/></w:tabs>'
NS = f"{N}.sitzung"
TEIL = (
    f"{{% if {N}.teil == 'oeffentlich' %}} (öffentlicher Teil)"
    f"{{% elif {N}.teil == 'nichtoeffentlich' %}} (nichtöffentlicher Teil){{% endif %}}"
)
NAMEN = "{% for m in f.mitglieder %}{{ m.name }}{% if m.rolle %} ({{ m.rolle }}){% endif %}" + (
    "{% if not loop.last %}, {% endif %}{% endfor %}"
)


def personen(field: str, title: str) -> Group:
    """A list of people with their function, below a heading, if there are any."""
    return Group(
        field,
        (
            Entries(
                None,
                field,
                "t",
                "{{ t.name }}{% if t.funktion %}, {{ t.funktion }}{% endif %}",
                "Anlage",
                optional=False,
            ),
        ),
        title=title,
    )


PROTOKOLL = Loop(
    "p",
    f"{N}.protokoll",
    (
        Line("{{ p.punkt|top_nummer }} {{ p.punkt.titel }}", "Heading3"),
        Line("Vorlage {{ p.vorlage.nummer }}", when="p.vorlage"),
        Rich(None, "p.ergebnis.verlauf", optional=True),
        Group("p.beschluss", (Line("Beschluss", "Heading4"), Rich(None, "p.beschluss"))),
        Line(
            (
                ("Ergebnis: ", BOLD),
                "{{ p.ergebnis.status }}{% if p.ergebnis.abstimmung %}, "
                "{{ p.ergebnis.abstimmung|abstimmung }}{% endif %}",
            ),
            when="p.ergebnis",
        ),
        Line(
            "Wegen Befangenheit nicht mitgewirkt: {{ p.ergebnis.befangen|join(', ') }}",
            when="p.ergebnis.befangen",
        ),
        Group(
            "p.ergebnis.erklaerungen",
            (
                Line("Protokollerklärungen", "Heading4"),
                Entries(None, "p.ergebnis.erklaerungen", "e", "{{ e }}", "ListBullet", False),
            ),
        ),
    ),
)


def niederschrift_body(kopf: tuple[Block, ...]) -> tuple[Block, ...]:
    """The body of a Niederschrift below the letterhead ``kopf``."""
    return (
        *kopf,
        Line(f"Niederschrift über die {{{{ {NS}.bezeichnung }}}}{TEIL}", "Heading1"),
        Label("Beginn", f"{{{{ {N}.beginn|termin }}}}"),
        Label("Ende", f"{{{{ {N}.ende|uhrzeit }}}}"),
        Label("Ort", f"{{{{ {NS}.ort }}}}{{% if {NS}.raum %}}, {{{{ {NS}.raum }}}}{{% endif %}}"),
        Label("Schriftführung", f"{{{{ {N}.schriftfuehrung }}}}", ppr=SPACING),
        Line("Anwesend", "Heading2"),
        Loop(
            "f",
            f"{N}.fraktionen",
            (
                Line(
                    (
                        ("{% if f.name %}{{ f.name }}{% else %}ohne Fraktion{% endif %}: ", BOLD),
                        NAMEN,
                    ),
                ),
            ),
        ),
        Group(
            f"{N}.entschuldigt",
            (
                Line(
                    f"{{% for m in {N}.entschuldigt %}}{{{{ m.name }}}}"
                    "{% if m.fraktion %} ({{ m.fraktion }}){% endif %}"
                    "{% if not loop.last %}, {% endif %}{% endfor %}"
                ),
            ),
            title="Entschuldigt",
        ),
        personen(f"{N}.verwaltung", "Von der Verwaltung"),
        personen(f"{N}.gaeste", "Gäste"),
        *tagesordnung(NS),
        Line("Verlauf und Beschlüsse", "Heading2"),
        PROTOKOLL,
        # the two signatures side by side: the Vorsitz left, the Schriftführung from the middle
        Line(
            f"{{{{ {NS}.vorsitz.name }}}}\t{{{{ {N}.schriftfuehrung }}}}",
            "UnterschriftName",
            ppr=SIGNATURE_TAB,
        ),
        Line(f"{{{{ {NS}.vorsitz.funktion }}}} (Vorsitz)\tSchriftführung", ppr=SIGNATURE_TAB),
    )


NIEDERSCHRIFT_DEFAULT = Design(
    look=DEFAULT.look,
    body=niederschrift_body(
        (Value(f"{NS}.koerperschaft", "Absender"), Line("Niederschrift", "Title"))
    ),
    footer=(Line((f"{{{{ {NS}.koerperschaft }}}} · Niederschrift{TEIL}\t", *PAGES), "Footer"),),
)

NIEDERSCHRIFT_STADT = stadt_design(
    f"{NS}.koerperschaft",
    niederschrift_body((Line("Niederschrift", "Title"),)),
    f" · Niederschrift{TEIL}",
)

# -- the Beschlussauszug: one item's decision, certified -------------------------------------

A = "auszug"
AS = f"{A}.niederschrift.sitzung"
AUSZUG_PUNKT = (
    Line(
        f"Auszug aus der Niederschrift über die {{{{ {AS}.bezeichnung }}}} vom "
        f"{{{{ {AS}.beginn|datum }}}}",
        "Heading1",
    ),
    Line(f"{{{{ {A}.punkt.punkt|top_nummer }}}} {{{{ {A}.punkt.punkt.titel }}}}", "Heading2"),
    Line(f"Vorlage {{{{ {A}.punkt.vorlage.nummer }}}}", when=f"{A}.punkt.vorlage"),
    Group(
        f"{A}.punkt.beschluss", (Line("Beschluss", "Heading3"), Rich(None, f"{A}.punkt.beschluss"))
    ),
    Line(
        (
            ("Ergebnis: ", BOLD),
            f"{{{{ {A}.punkt.ergebnis.status }}}}{{% if {A}.punkt.ergebnis.abstimmung %}}, "
            f"{{{{ {A}.punkt.ergebnis.abstimmung|abstimmung }}}}{{% endif %}}",
        ),
        when=f"{A}.punkt.ergebnis",
    ),
    Line(
        f"Wegen Befangenheit nicht mitgewirkt: {{{{ {A}.punkt.ergebnis.befangen|join(', ') }}}}",
        when=f"{A}.punkt.ergebnis.befangen",
    ),
    Line("Für die Richtigkeit des Auszugs:", "Unterschrift"),
    Value(f"{A}.niederschrift.schriftfuehrung", "UnterschriftName"),
    Line("Schriftführung", LABEL_STYLE),
)

AUSZUG_DEFAULT = Design(
    look=DEFAULT.look,
    body=(
        Value(f"{AS}.koerperschaft", "Absender"),
        Line("Beschlussauszug", "Title"),
        *AUSZUG_PUNKT,
    ),
    footer=(Line((f"{{{{ {AS}.koerperschaft }}}} · Beschlussauszug\t", *PAGES), "Footer"),),
)

AUSZUG_STADT = stadt_design(
    f"{AS}.koerperschaft", (Line("Beschlussauszug", "Title"), *AUSZUG_PUNKT), " · Beschlussauszug"
)

TEMPLATES = {
    "default.docx": DEFAULT,
    "stadt.docx": STADT,
    "einladung/default.docx": EINLADUNG_DEFAULT,
    "einladung/stadt.docx": EINLADUNG_STADT,
    "niederschrift/default.docx": NIEDERSCHRIFT_DEFAULT,
    "niederschrift/stadt.docx": NIEDERSCHRIFT_STADT,
    "auszug/default.docx": AUSZUG_DEFAULT,
    "auszug/stadt.docx": AUSZUG_STADT,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Die mitgelieferten Vorlagen bauen.")
    parser.add_argument("folder", nargs="?", type=Path, default=FOLDER, help="Zielordner")
    parser.add_argument(
        "--check",
        action="store_true",
        help="nichts schreiben, nur prüfen, ob die Vorlagen im Ordner dem Gebauten entsprechen",
    )
    args = parser.parse_args(argv)
    status = 0
    for name, design in TEMPLATES.items():
        target: Path = args.folder / name
        data = build(design)
        if not args.check:
            target.parent.mkdir(exist_ok=True)
            target.write_bytes(data)
            print(f"{target} geschrieben")
        elif not target.is_file() or target.read_bytes() != data:
            print(f"{target} weicht ab: python scripts/build_templates.py ausführen")
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
