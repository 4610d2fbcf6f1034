"""Build the shipped template ``vorlagen/templates/default.docx`` from the XML written here.

Run ``python scripts/build_templates.py`` after changing this file; a test checks that the
committed template matches what this script builds. Every part is written by hand, so the
package holds nothing but what a council paper needs: A4, Arial, German as the document
language, real heading styles, list numbering, and a footer "Seite X von Y".
"""

from __future__ import annotations

import io
import math
import struct
import sys
import zipfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from vorlagen.docx.styles import (
    BOLD,
    CELL_MARGINS,
    abstract_num,
    border,
    caption_style,
    heading_style,
    hyperlink_style,
    list_style,
    num,
    quote_style,
    size,
    style,
    table_grid_style,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
TARGET = Path(__file__).resolve().parent.parent / "vorlagen" / "templates" / "default.docx"

# Page geometry in twips (1 cm = 567): A4, left margin 2.5 cm, the others 2 cm.
PAGE_W, PAGE_H = 11906, 16838
MARGIN_L, MARGIN_R = 1417, 1134
TEXT_W = PAGE_W - MARGIN_L - MARGIN_R
LABEL_TAB = 2268  # 4 cm: where the values of the header block start
HEAD_FILL = "E7E6E6"


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- document.xml ------------------------------------------------------------------------------

Run = str | tuple[str, str]  # plain text, or (text, run properties)


def run(text: str, rpr: str = "") -> str:
    rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    pieces = text.split("\t")
    out = []
    for number, piece in enumerate(pieces):
        if number:
            out.append(f"<w:r>{rpr}<w:tab/></w:r>")
        if piece:
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{esc(piece)}</w:t></w:r>')
    return "".join(out)


def para(*runs: Run, style: str | None = None, ppr: str = "") -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr
    body = "".join(run(r) if isinstance(r, str) else run(*r) for r in runs)
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{body}</w:p>"


def tag(text: str) -> str:
    """A paragraph holding only a ``{%p ... %}`` tag; docxtpl removes the paragraph itself."""
    return para(text)


def label(name: str, value: str, ppr: str = "") -> str:
    return para((f"{name}:", "<w:b/><w:bCs/>"), "\t" + value, style="Kopfangabe", ppr=ppr)


def cell(content: str, width: int, *, head: bool = False, right: bool = False) -> str:
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEAD_FILL}"/>' if head else ""
    ppr = '<w:jc w:val="right"/>' if right else ""
    rpr = "<w:b/><w:bCs/>" if head else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
        f"{para((content, rpr), style='Tabelleninhalt', ppr=ppr)}</w:tc>"
    )


def row(cells: Iterable[str], *, header: bool = False) -> str:
    trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
    return f"<w:tr><w:trPr>{trpr}</w:trPr>{''.join(cells)}</w:tr>"


def tag_row(text: str, widths: Sequence[int]) -> str:
    """A row whose first cell holds a ``{%tr ... %}`` tag; docxtpl removes the whole row."""
    return row([cell(text, widths[0]), *(cell("", w) for w in widths[1:])])


def table(widths: Sequence[int], rows: Iterable[str]) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="Tabellenraster"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def heading(text: str, level: int) -> str:
    return para(text, style=f"Heading{level}")


def paragraph_if(field: str, style: str) -> list[str]:
    """A paragraph printing ``field``, left out where the field is empty."""
    return [
        tag(f"{{%p if {field} %}}"),
        para(f"{{{{ {field} }}}}", style=style),
        tag("{%p endif %}"),
    ]


def rich_section(title: str, field: str, *, optional: bool = False) -> list[str]:
    """A heading and rich content below it; left out with its heading where the field is empty."""
    body = [heading(title, 2), para(f"{{{{p {field} }}}}")]
    return [tag(f"{{%p if {field} %}}"), *body, tag("{%p endif %}")] if optional else body


def rechtsgrundlage_section() -> list[str]:
    """The legal basis, one citation per bulleted paragraph, left out where there is none."""
    return [
        tag("{%p if vorlage.rechtsgrundlage %}"),
        heading("Rechtsgrundlage", 2),
        tag("{%p for r in vorlage.rechtsgrundlage %}"),
        para("{{ r }}", style="ListBullet"),
        tag("{%p endfor %}"),
        tag("{%p endif %}"),
    ]


def document_xml() -> str:
    v = "vorlage"
    sb = f"{v}.sachbearbeitung"
    beratung_w = [4055, 1800, 2000, 1500]
    finanz_w = [1650, 1250, 2705, 1950, 1800]
    fa = f"{v}.finanzielle_auswirkungen"
    body = [
        para(f"{{{{ {v}.koerperschaft }}}}", style="Absender"),
        para(f"{{{{ {v}.art }}}}", style="Title"),
        label("Vorlage-Nr.", f"{{{{ {v}.nummer }}}}"),
        label("Datum", f"{{{{ {v}.datum|kopfdatum }}}}"),
        label("Federführung", f"{{{{ {v}.federfuehrung }}}}"),
        tag(f"{{%p if {v}.aktenzeichen %}}"),
        label("Aktenzeichen", f"{{{{ {v}.aktenzeichen }}}}"),
        tag("{%p endif %}"),
        tag(f"{{%p if {sb} %}}"),
        label(
            "Sachbearbeitung",
            f"{{{{ {sb}.name }}}}"
            f"{{% if {sb}.telefon %}}, Tel. {{{{ {sb}.telefon }}}}{{% endif %}}"
            f"{{% if {sb}.email %}}, {{{{ {sb}.email }}}}{{% endif %}}",
        ),
        tag("{%p endif %}"),
        label(
            "Öffentlichkeit",
            f"{{% if {v}.oeffentlich %}}öffentlich{{% else %}}nichtöffentlich "
            f"({{{{ {v}.nichtoeffentlich_grund }}}}){{% endif %}}",
            ppr='<w:spacing w:after="240"/>',
        ),
        table(
            beratung_w,
            [
                row(
                    [
                        cell("Beratungsfolge", beratung_w[0], head=True),
                        cell("Sitzungsdatum", beratung_w[1], head=True),
                        cell("Zuständigkeit", beratung_w[2], head=True),
                        cell("Sitzung", beratung_w[3], head=True),
                    ],
                    header=True,
                ),
                tag_row(f"{{%tr for b in {v}.beratungsfolge %}}", beratung_w),
                row(
                    [
                        cell("{{ b.gremium }}", beratung_w[0]),
                        cell("{{ b.sitzungsdatum }}", beratung_w[1]),
                        cell("{{ b.zustaendigkeit }}", beratung_w[2]),
                        cell(
                            "{% if b.oeffentlich %}öffentlich{% else %}nichtöffentlich{% endif %}",
                            beratung_w[3],
                        ),
                    ]
                ),
                tag_row("{%tr endfor %}", beratung_w),
            ],
        ),
        para(f"{{{{ {v}.betreff }}}}", style="Heading1"),
        *rich_section("Beschlussvorschlag", f"{v}.beschlussvorschlag", optional=True),
        *rechtsgrundlage_section(),
        *rich_section("Sachdarstellung", f"{v}.sachdarstellung"),
        heading("Finanzielle Auswirkungen", 2),
        tag(f"{{%p if {fa} %}}"),
        tag(f"{{%p if {fa}.positionen %}}"),
        table(
            finanz_w,
            [
                row(
                    [
                        cell("Haushaltsjahr", finanz_w[0], head=True),
                        cell("Produkt", finanz_w[1], head=True),
                        cell("Bezeichnung", finanz_w[2], head=True),
                        cell("Veranschlagung", finanz_w[3], head=True),
                        cell("Betrag", finanz_w[4], head=True, right=True),
                    ],
                    header=True,
                ),
                tag_row(f"{{%tr for p in {fa}.positionen %}}", finanz_w),
                row(
                    [
                        cell("{{ p.haushaltsjahr }}", finanz_w[0]),
                        cell("{{ p.produkt }}", finanz_w[1]),
                        cell("{{ p.bezeichnung }}", finanz_w[2]),
                        cell("{{ p.veranschlagung }}", finanz_w[3]),
                        cell("{{ p.betrag }}", finanz_w[4], right=True),
                    ]
                ),
                tag_row("{%tr endfor %}", finanz_w),
                tag_row(f"{{%tr if {fa}.positionen|length > 1 %}}", finanz_w),
                row(
                    [
                        cell("Summe", finanz_w[0], head=True),
                        cell("", finanz_w[1], head=True),
                        cell("", finanz_w[2], head=True),
                        cell("", finanz_w[3], head=True),
                        cell(f"{{{{ {fa}.summe }}}}", finanz_w[4], head=True, right=True),
                    ]
                ),
                tag_row("{%tr endif %}", finanz_w),
            ],
        ),
        tag("{%p endif %}"),
        tag(f"{{%p if {fa}.erlaeuterung %}}"),
        para(f"{{{{p {fa}.erlaeuterung }}}}"),
        tag("{%p endif %}"),
        tag("{%p else %}"),
        para("Keine."),
        tag("{%p endif %}"),
        tag(f"{{%p if {v}.klimarelevanz %}}"),
        heading("Klimarelevanz", 2),
        para(("Bewertung: ", "<w:b/><w:bCs/>"), f"{{{{ {v}.klimarelevanz.bewertung }}}}"),
        tag(f"{{%p if {v}.klimarelevanz.erlaeuterung %}}"),
        para(f"{{{{p {v}.klimarelevanz.erlaeuterung }}}}"),
        tag("{%p endif %}"),
        tag("{%p endif %}"),
        tag(f"{{%p if {v}.anlagen %}}"),
        heading("Anlagen", 2),
        tag(f"{{%p for a in {v}.anlagen %}}"),
        para("Anlage {{ loop.index }}: {{ a.titel }}", style="Anlage"),
        tag("{%p endfor %}"),
        tag("{%p endif %}"),
        tag(f"{{%p if {v}.unterzeichnung %}}"),
        *paragraph_if(f"{v}.unterzeichnung.vertretung", style="Unterschrift"),
        *paragraph_if(f"{v}.unterzeichnung.name", style="UnterschriftName"),
        para(f"{{{{ {v}.unterzeichnung.funktion }}}}", style="Kopfangabe"),
        tag("{%p endif %}"),
    ]
    return document(body)


def document(body: Iterable[str], section: str = "") -> str:
    """A ``word/document.xml`` with the given block elements and an A4 section."""
    sect = (
        f'<w:sectPr>{section}<w:footerReference w:type="default" r:id="rId4"/>'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="1134" w:right="{MARGIN_R}" w:bottom="1134" w:left="{MARGIN_L}" '
        'w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>'
    )
    return (
        f'{XML_HEAD}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
        + "".join(body)
        + sect
        + "</w:body></w:document>"
    )


def field(instr: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def footer_xml() -> str:
    return (
        f'{XML_HEAD}<w:ftr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:pStyle w:val="Footer"/>'
        "</w:pPr>"
        + run("{{ vorlage.koerperschaft }} · Vorlage {{ vorlage.nummer }}\tSeite ")
        + field("PAGE")
        + run(" von ")
        + field("NUMPAGES")
        + "</w:p></w:ftr>"
    )


# -- styles.xml --------------------------------------------------------------------------------


def styles_xml(
    body_font: str = "Arial",
    body_size: float = 11,
    heading_font: str | None = None,
    accent: str | None = None,
    extra: Sequence[str] = (),
) -> str:
    """The styles: the shipped templates differ in fonts, the heading colour and a few styles."""
    fonts = (
        f'<w:rFonts w:ascii="{body_font}" w:hAnsi="{body_font}" w:eastAsia="{body_font}" '
        f'w:cs="{body_font}"/>'
    )
    defaults = (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{fonts}{size(body_size)}"
        '<w:lang w:val="de-DE" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    tab = f'<w:tabs><w:tab w:val="left" w:pos="{LABEL_TAB}"/></w:tabs>'
    styles = [
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
        style(
            "paragraph",
            "Title",
            "Title",
            based_on="Normal",
            next_style="Normal",
            ui_priority=10,
            ppr='<w:spacing w:before="60" w:after="240"/>',
            rpr=(
                f'<w:rFonts w:ascii="{heading_font}" w:hAnsi="{heading_font}" '
                f'w:cs="{heading_font}"/>'
                if heading_font
                else ""
            )
            + BOLD
            + size(20),
        ),
        *(
            heading_style(level, font=heading_font, color=accent if level > 1 else None)
            for level in range(1, 7)
        ),
        list_style("List Bullet", "ListBullet", 1),
        list_style("List Number", "ListNumber", 2),
        # the id is German on purpose: rich content finds styles by name, not by id
        table_grid_style("Tabellenraster", based_on="TableNormal"),
        style(
            "paragraph",
            "Header",
            "header",
            based_on="Normal",
            ui_priority=99,
            hidden=True,
            ppr='<w:tabs><w:tab w:val="center" w:pos="4678"/>'
            f'<w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs><w:spacing w:after="0"/>',
        ),
        style(
            "paragraph",
            "Footer",
            "footer",
            based_on="Normal",
            ui_priority=99,
            hidden=True,
            ppr=f"<w:pBdr>{border('top')}</w:pBdr><w:tabs>"
            f'<w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs><w:spacing w:after="0"/>',
            rpr='<w:color w:val="404040"/>' + size(8.5),
        ),
        style(
            "paragraph",
            "Absender",
            "Absender",
            based_on="Normal",
            next_style="Title",
            ppr='<w:spacing w:after="0"/>',
            rpr=BOLD + '<w:color w:val="404040"/>' + size(13),
        ),
        style(
            "paragraph",
            "Kopfangabe",
            "Kopfangabe",
            based_on="Normal",
            ppr=tab + '<w:spacing w:after="20"/>' + f'<w:ind w:left="{LABEL_TAB}" '
            f'w:hanging="{LABEL_TAB}"/>',
        ),
        style(
            "paragraph",
            "Tabelleninhalt",
            "Tabelleninhalt",
            based_on="Normal",
            ppr='<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>',
            rpr=size(10),
        ),
        style(
            "paragraph",
            "Anlage",
            "Anlage",
            based_on="Normal",
            # keeps the list of attachments with the signature below it
            ppr='<w:keepNext/><w:spacing w:after="40"/>',
        ),
        style(
            "paragraph",
            "Unterschrift",
            "Unterschrift",
            based_on="Normal",
            ppr='<w:keepNext/><w:spacing w:before="480" w:after="0"/>',
        ),
        style(
            "paragraph",
            "UnterschriftName",
            "Unterschrift Name",
            based_on="Normal",
            ppr='<w:keepNext/><w:spacing w:before="480" w:after="0"/>',
        ),
        hyperlink_style(),
        quote_style(),
        caption_style(),
        *extra,
    ]
    return f'{XML_HEAD}<w:styles xmlns:w="{W}">{defaults}{"".join(styles)}</w:styles>'


# -- numbering.xml -----------------------------------------------------------------------------


def numbering_xml() -> str:
    return (
        f'{XML_HEAD}<w:numbering xmlns:w="{W}">'
        + abstract_num(0, numbered=False)
        + abstract_num(1, numbered=True)
        + num(1, 0)
        + num(2, 1)
        + "</w:numbering>"
    )


# -- the package -------------------------------------------------------------------------------


def settings_xml() -> str:
    return (
        f'{XML_HEAD}<w:settings xmlns:w="{W}">'
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/>'
        '<w:autoHyphenation w:val="true"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="de-DE"/>'
        '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
        "</w:settings>"
    )


def content_types_xml(
    more: Mapping[str, str] | None = None, defaults: Mapping[str, str] | None = None
) -> str:
    office = "application/vnd.openxmlformats-officedocument"
    wml = f"{office}.wordprocessingml"
    overrides = {
        "/word/document.xml": f"{wml}.document.main+xml",
        "/word/styles.xml": f"{wml}.styles+xml",
        "/word/numbering.xml": f"{wml}.numbering+xml",
        "/word/settings.xml": f"{wml}.settings+xml",
        "/word/footer1.xml": f"{wml}.footer+xml",
        "/word/fontTable.xml": f"{wml}.fontTable+xml",
        "/word/theme/theme1.xml": f"{office}.theme+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": f"{office}.extended-properties+xml",
        **(more or {}),
    }
    return (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(
            f'<Default Extension="{k}" ContentType="{v}"/>' for k, v in (defaults or {}).items()
        )
        + "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in overrides.items())
        + "</Types>"
    )


def rels_xml(rels: Sequence[tuple[str, str, str]]) -> str:
    return (
        f'{XML_HEAD}<Relationships xmlns="{PKG_R}">'
        + "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in rels)
        + "</Relationships>"
    )


def document_rels_xml(*more: tuple[str, str, str]) -> str:
    """The body's relationships to the parts every shipped template has, and ``more``."""
    return rels_xml(
        [
            ("rId1", f"{R}/styles", "styles.xml"),
            ("rId2", f"{R}/numbering", "numbering.xml"),
            ("rId3", f"{R}/settings", "settings.xml"),
            ("rId4", f"{R}/footer", "footer1.xml"),
            ("rId5", f"{R}/fontTable", "fontTable.xml"),
            ("rId6", f"{R}/theme", "theme/theme1.xml"),
            *more,
        ]
    )


def core_xml() -> str:
    return (
        f"{XML_HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title></dc:title><dc:subject></dc:subject><dc:creator></dc:creator>"
        "<dc:language>de-DE</dc:language><cp:revision>1</cp:revision>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2016-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2016-01-01T00:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_xml() -> str:
    return (
        f"{XML_HEAD}<Properties "
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>vorlagen</Application><DocSecurity>0</DocSecurity>"
        "</Properties>"
    )


def font_table_xml() -> str:
    def font(name: str, family: str, pitch: str = "variable") -> str:
        return (
            f'<w:font w:name="{name}"><w:charset w:val="00"/><w:family w:val="{family}"/>'
            f'<w:pitch w:val="{pitch}"/></w:font>'
        )

    return (
        f'{XML_HEAD}<w:fonts xmlns:w="{W}">'
        + font("Arial", "swiss")
        + font("Times New Roman", "roman")
        + font("Courier New", "modern", "fixed")
        + "</w:fonts>"
    )


def theme_xml() -> str:
    """The smallest complete theme: Word wants one, its fonts are Arial throughout."""
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    colors = {
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
    scheme = "".join(f"<a:{k}>{v}</a:{k}>" for k, v in colors.items())
    fonts = '<a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/>'
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="6350" cap="flat" cmpd="sng" algn="ctr">{fill}</a:ln>'
    effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
    return (
        f'{XML_HEAD}<a:theme xmlns:a="{a}" name="vorlagen"><a:themeElements>'
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


def parts() -> dict[str, str]:
    """Every part of the template, by name, in the order they are written."""
    return {
        "[Content_Types].xml": content_types_xml(),
        "_rels/.rels": rels_xml(
            [
                ("rId1", f"{R}/officeDocument", "word/document.xml"),
                (
                    "rId2",
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                    "core-properties",
                    "docProps/core.xml",
                ),
                ("rId3", f"{R}/extended-properties", "docProps/app.xml"),
            ]
        ),
        "docProps/core.xml": core_xml(),
        "docProps/app.xml": app_xml(),
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": document_rels_xml(),
        "word/styles.xml": styles_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/settings.xml": settings_xml(),
        "word/footer1.xml": footer_xml(),
        "word/fontTable.xml": font_table_xml(),
        "word/theme/theme1.xml": theme_xml(),
    }


def build() -> bytes:
    """The template as DOCX bytes; the same script always gives the same bytes."""
    return zip_parts(parts())


# -- the town's template (stadt.docx) ----------------------------------------------------------

STADT_BLUE = "1F4E79"
STADT_GOLD = "C9A227"
LOGO_PX = (150, 170)  # width, height in pixels
LOGO_EMU = (540000, 612000)  # 1.5 cm x 1.7 cm


def logo_png() -> bytes:
    """A town's coat of arms, drawn here: a blue shield with a golden sun over a white river."""
    width, height = LOGO_PX
    cx, split, margin = width / 2, height * 0.5, 4
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")  # PNG filter type 0 for each row
        for x in range(width):
            half = cx - margin
            if y < margin:
                inside = False
            elif y < split:
                inside = abs(x - cx) <= half
            else:
                t = (y - split) / (height - margin - split)
                inside = t <= 1 and abs(x - cx) <= half * math.sqrt(max(0.0, 1 - t * t))
            if not inside:
                row += b"\x00\x00\x00\x00"
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
            row += bytes.fromhex(rgb) + b"\xff"
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def logo_anchor(rel_id: str) -> str:
    """The logo floating at the top right of the page, with its alternative text."""
    cx, cy = LOGO_EMU
    pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    return (
        "<w:r><w:drawing>"
        '<wp:anchor distT="0" distB="0" distL="114300" distR="0" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="page"><wp:posOffset>396000</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        "<wp:wrapNone/>"
        '<wp:docPr id="1" name="Stadtwappen" descr="Wappen der Stadt"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic><a:graphicData uri="{pic}"><pic:pic>'
        '<pic:nvPicPr><pic:cNvPr id="1" name="wappen.png" descr="Wappen der Stadt"/>'
        "<pic:cNvPicPr/></pic:nvPicPr>"
        f'<pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch>'
        "</pic:blipFill>"
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


DRAWING_NS = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)


def stadt_header_xml() -> str:
    return (
        f'{XML_HEAD}<w:hdr xmlns:w="{W}" xmlns:r="{R}" {DRAWING_NS}>'
        '<w:p><w:pPr><w:pStyle w:val="Briefkopf"/></w:pPr>'
        + logo_anchor("rId1")
        + run("{{ vorlage.koerperschaft }}")
        + "</w:p>"
        + para("Der Bürgermeister", style="BriefkopfZusatz")
        + "</w:hdr>"
    )


def stadt_footer_xml() -> str:
    return (
        f'{XML_HEAD}<w:ftr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:pStyle w:val="Footer"/>'
        '<w:jc w:val="center"/></w:pPr>'
        + run("Seite ")
        + field("PAGE")
        + run(" von ")
        + field("NUMPAGES")
        + run(" · Vorlage {{ vorlage.nummer }}")
        + "</w:p></w:ftr>"
    )


def stadt_document_xml() -> str:
    v = "vorlage"
    fa = f"{v}.finanzielle_auswirkungen"
    body = [
        para(f"{{{{ {v}.art }}}}", style="Title"),
        para(
            (f"Vorlage Nr. {{{{ {v}.nummer }}}}", BOLD),
            f"\t{{{{ {v}.datum|kopfdatum }}}}",
            style="Vorlagenkopf",
        ),
        para(
            f"Amt: {{{{ {v}.federfuehrung }}}}"
            f"{{% if {v}.aktenzeichen %}} · Az. {{{{ {v}.aktenzeichen }}}}{{% endif %}}",
            style="Vorlagenkopf",
        ),
        tag(f"{{%p if not {v}.oeffentlich %}}"),
        para(
            ("Nichtöffentlich:", BOLD),
            f" {{{{ {v}.nichtoeffentlich_grund }}}}",
            style="Vorlagenkopf",
        ),
        tag("{%p endif %}"),
        para(f"{{{{ {v}.betreff }}}}", style="Heading1"),
        para("Beratungsfolge", style="Heading2"),
        tag(f"{{%p for b in {v}.beratungsfolge %}}"),
        para(
            "{{ b.sitzungsdatum }}\t{{ b.gremium }} ({{ b.zustaendigkeit }}"
            "{% if not b.oeffentlich %}, nichtöffentlich{% endif %})",
            style="Beratung",
        ),
        tag("{%p endfor %}"),
        *rich_section("Beschlussvorschlag", f"{v}.beschlussvorschlag", optional=True),
        *rich_section("Sachverhalt", f"{v}.sachdarstellung"),
        *rechtsgrundlage_section(),
        heading("Finanzielle Auswirkungen", 2),
        tag(f"{{%p if {fa} %}}"),
        tag(f"{{%p for p in {fa}.positionen %}}"),
        para(
            "{{ p.haushaltsjahr }}: {{ p.bezeichnung }}"
            "{% if p.produkt %} (Produkt {{ p.produkt }}){% endif %}, {{ p.veranschlagung }}"
            "\t{{ p.betrag }}",
            style="Finanzposition",
        ),
        tag("{%p endfor %}"),
        tag(f"{{%p if {fa}.positionen|length > 1 %}}"),
        para(
            ("Gesamt", BOLD),
            (f"\t{{{{ {fa}.summe }}}}", BOLD),
            style="Finanzposition",
            ppr='<w:spacing w:after="160"/>',
        ),
        tag("{%p endif %}"),
        tag(f"{{%p if {fa}.erlaeuterung %}}"),
        para(f"{{{{p {fa}.erlaeuterung }}}}"),
        tag("{%p endif %}"),
        tag("{%p else %}"),
        para("Die Vorlage hat keine finanziellen Auswirkungen."),
        tag("{%p endif %}"),
        tag(f"{{%p if {v}.klimarelevanz %}}"),
        heading("Auswirkungen auf den Klimaschutz", 2),
        para(f"{{{{ {v}.klimarelevanz.bewertung }}}}"),
        tag(f"{{%p if {v}.klimarelevanz.erlaeuterung %}}"),
        para(f"{{{{p {v}.klimarelevanz.erlaeuterung }}}}"),
        tag("{%p endif %}"),
        tag("{%p endif %}"),
        tag(f"{{%p if {v}.unterzeichnung %}}"),
        para(f"{{{{ {v}.unterzeichnung.funktion }}}}", style="Unterschrift"),
        *paragraph_if(f"{v}.unterzeichnung.vertretung", style="Vorlagenkopf"),
        *paragraph_if(f"{v}.unterzeichnung.name", style="UnterschriftName"),
        tag("{%p endif %}"),
        tag(f"{{%p if {v}.anlagen %}}"),
        heading("Anlagen", 2),
        tag(f"{{%p for a in {v}.anlagen %}}"),
        para("{{ loop.index }}.\t{{ a.titel }}", style="Anlage"),
        tag("{%p endfor %}"),
        tag("{%p endif %}"),
    ]
    return document(body, section='<w:headerReference w:type="default" r:id="rId7"/>')


def stadt_parts() -> dict[str, str | bytes]:
    """The town's template: a letterhead with its arms, the Beratungsfolge as a list."""
    text_w = TEXT_W
    stadt_styles = [
        style(
            "paragraph",
            "Briefkopf",
            "Briefkopf",
            based_on="Normal",
            ppr='<w:spacing w:after="0"/>',
            rpr=f'<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>{BOLD}'
            f'<w:color w:val="{STADT_BLUE}"/>' + size(16),
        ),
        style(
            "paragraph",
            "BriefkopfZusatz",
            "Briefkopf Zusatz",
            based_on="Normal",
            ppr=f'<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="4" '
            f'w:color="{STADT_GOLD}"/></w:pBdr><w:spacing w:after="360"/>',
            rpr='<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>'
            '<w:color w:val="404040"/>' + size(11),
        ),
        style(
            "paragraph",
            "Vorlagenkopf",
            "Vorlagenkopf",
            based_on="Normal",
            ppr=f'<w:tabs><w:tab w:val="right" w:pos="{text_w}"/></w:tabs>'
            '<w:spacing w:after="40"/>',
            rpr='<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>' + size(10),
        ),
        style(
            "paragraph",
            "Beratung",
            "Beratung",
            based_on="Normal",
            ppr='<w:tabs><w:tab w:val="left" w:pos="1418"/></w:tabs><w:spacing w:after="20"/>'
            '<w:ind w:left="1418" w:hanging="1418"/>',
            rpr='<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>' + size(10),
        ),
        style(
            "paragraph",
            "Finanzposition",
            "Finanzposition",
            based_on="Normal",
            ppr=f'<w:tabs><w:tab w:val="right" w:pos="{text_w}"/></w:tabs>'
            '<w:spacing w:after="40"/>',
        ),
    ]
    package: dict[str, str | bytes] = dict(parts())
    package["[Content_Types].xml"] = content_types_xml(
        {
            "/word/header1.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml"
            ".header+xml"
        },
        {"png": "image/png"},
    )
    package["word/document.xml"] = stadt_document_xml()
    package["word/_rels/document.xml.rels"] = document_rels_xml(
        ("rId7", f"{R}/header", "header1.xml")
    )
    package["word/styles.xml"] = styles_xml(
        body_font="Times New Roman",
        body_size=12,
        heading_font="Arial",
        accent=STADT_BLUE,
        extra=stadt_styles,
    )
    package["word/header1.xml"] = stadt_header_xml()
    package["word/_rels/header1.xml.rels"] = rels_xml([("rId1", f"{R}/image", "media/wappen.png")])
    package["word/media/wappen.png"] = logo_png()
    package["word/footer1.xml"] = stadt_footer_xml()
    return package


def build_stadt() -> bytes:
    """The town's template as DOCX bytes."""
    return zip_parts(stadt_parts())


def zip_parts(package: Mapping[str, str | bytes]) -> bytes:
    """Zip the parts of a package (name -> XML text or bytes) with fixed entry times."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in package.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, xml.encode("utf-8") if isinstance(xml, str) else xml)
    return out.getvalue()


TEMPLATES = {"default.docx": build, "stadt.docx": build_stadt}


def main(argv: Sequence[str] = sys.argv[1:]) -> int:
    folder = Path(argv[0]) if argv else TARGET.parent
    for name, builder in TEMPLATES.items():
        (folder / name).write_bytes(builder())
        print(f"{folder / name} geschrieben")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
