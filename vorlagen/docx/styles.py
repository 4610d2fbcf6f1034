"""Word styles and list numbering: find a template's built-in styles, add the ones it lacks.

Styles are found by their built-in name, not their id: German Word writes the id
``berschrift1`` for the style named ``heading 1``, and some programs save the German name
("Überschrift 1") itself. A template that lacks a style rich content needs gets a plain
default one, so that no heading or list ever comes out as unstyled text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from lxml import etree

from vorlagen.docx.ns import CT_NS, PKG_REL_NS, REL_NS, W_NS, WML_CONTENT_TYPE, child
from vorlagen.docx.package import SAFE_PARSER

__all__ = [
    "GERMAN_NAMES",
    "LANGUAGE",
    "Styles",
    "needs_preparing",
    "prepare_styles",
    "read_styles",
]

_W: Final = f"{{{W_NS}}}"
_PKG_REL: Final = PKG_REL_NS
_DOC_REL: Final = REL_NS
_CT: Final = CT_NS
_WML: Final = WML_CONTENT_TYPE

#: German style names (as some programs save them) and the built-in names they stand for.
GERMAN_NAMES: Final = {
    **{f"überschrift {n}": f"heading {n}" for n in range(1, 10)},
    "standard": "normal",
    "titel": "title",
    "untertitel": "subtitle",
    "aufzählungszeichen": "list bullet",
    "aufzählungszeichen 2": "list bullet 2",
    "listennummer": "list number",
    "listennummer 2": "list number 2",
    "listenabsatz": "list paragraph",
    "tabellenraster": "table grid",
    "normale tabelle": "normal table",
    "kopfzeile": "header",
    "fußzeile": "footer",
    "beschriftung": "caption",
    "textkörper": "body text",
    "zitat": "quote",
}


@dataclass(frozen=True)
class Styles:
    """The style ids a template gives its built-in styles, and where its headings start.

    Attributes:
        ids: built-in style name in lower case (``"heading 1"``, ``"list number"``) -> style id.
        heading_offset: the deepest heading level the template's own text uses; a level 1
            heading inside rich content becomes heading ``heading_offset + 1``.
        number_abstract_id: the ``w:abstractNumId`` behind the "List Number" style, if any.
        max_num_id: the largest ``w:numId`` in the template's numbering part.
        bullet_num_id: the ``w:numId`` of the "List Bullet" style, for nested bullets.
        text_width: the width between the page margins, in twips (A4 less 2.5 and 2 cm).
    """

    ids: dict[str, str] = field(default_factory=dict)
    heading_offset: int = 0
    number_abstract_id: str | None = None
    max_num_id: int = 0
    bullet_num_id: int | None = None
    text_width: int = 9355

    def get(self, name: str) -> str | None:
        """The style id of a built-in style, or None if the template lacks it."""
        return self.ids.get(name)

    def heading(self, ebene: int) -> str | None:
        """The style id for a rich-content heading of level ``ebene`` (1..3)."""
        return self.get(f"heading {min(self.heading_offset + ebene, 9)}")

    def needed(self) -> list[str]:
        """The built-in styles rich content uses in this template."""
        last = min(self.heading_offset + 3, 9)
        return [f"heading {n}" for n in range(1, last + 1)] + [
            "list bullet",
            "list number",
            "table grid",
            "quote",
            "caption",
            "hyperlink",
        ]


_HEADING_NAME = re.compile(r"heading ([1-9])")


def _style_ids(root: Any) -> dict[str, str]:
    ids: dict[str, str] = {}
    for style in root.iter(f"{_W}style"):
        name = style.find(f"{_W}name")
        style_id = style.get(f"{_W}styleId")
        if name is not None and style_id is not None:
            builtin = str(name.get(f"{_W}val", "")).strip().lower()
            ids.setdefault(GERMAN_NAMES.get(builtin, builtin), style_id)
    return ids


def read_styles(
    styles_xml: bytes | None, document_xml: bytes, numbering_xml: bytes | None
) -> Styles:
    """Find the built-in styles, the heading depth and the list numbering of a template."""
    style_root = etree.fromstring(styles_xml, SAFE_PARSER) if styles_xml else None
    ids = _style_ids(style_root) if style_root is not None else {}
    levels = {
        style_id: int(m.group(1))
        for name, style_id in ids.items()
        if (m := _HEADING_NAME.fullmatch(name))
    }
    document = etree.fromstring(document_xml, SAFE_PARSER)
    used = [
        levels[s.get(f"{_W}val", "")]
        for s in document.iter(f"{_W}pStyle")
        if s.get(f"{_W}val") in levels
    ]
    number_num_id = _style_num_id(style_root, ids.get("list number"))
    bullet_num_id = _style_num_id(style_root, ids.get("list bullet"))
    abstract_id = None
    max_num_id = 0
    if numbering_xml:
        numbering = etree.fromstring(numbering_xml, SAFE_PARSER)
        for num in numbering.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "0")
            max_num_id = max(max_num_id, int(num_id))
            if num_id == number_num_id:
                abstract = num.find(f"{_W}abstractNumId")
                abstract_id = abstract.get(f"{_W}val") if abstract is not None else None
    return Styles(
        ids,
        max(used, default=0),
        abstract_id,
        max_num_id,
        int(bullet_num_id) if bullet_num_id and bullet_num_id.isdigit() else None,
        _text_width(document),
    )


def _style_num_id(root: Any, style_id: str | None) -> str | None:
    """The ``w:numId`` a paragraph style's numbering points to, if any."""
    if root is None or style_id is None:
        return None
    for style in root.iter(f"{_W}style"):
        if style.get(f"{_W}styleId") == style_id:
            num = style.find(f"{_W}pPr/{_W}numPr/{_W}numId")
            return num.get(f"{_W}val") if num is not None else None
    return None


def _text_width(document: Any) -> int:
    """The width between the margins of the document's last section, in twips."""
    sections = list(document.iter(f"{_W}sectPr"))
    if sections:
        size_, margins = sections[-1].find(f"{_W}pgSz"), sections[-1].find(f"{_W}pgMar")
        try:
            width = (
                int(size_.get(f"{_W}w"))
                - int(margins.get(f"{_W}left"))
                - int(margins.get(f"{_W}right"))
            )
        except (AttributeError, TypeError, ValueError):
            width = 0
        if width > 1000:
            return width
    return Styles.text_width


# -- building styles (also used by scripts/build_templates.py) ---------------------------------

BOLD: Final = "<w:b/><w:bCs/>"
GRID_COLOR: Final = "808080"


def size(points: float) -> str:
    """Run properties for a font size in points."""
    half = round(points * 2)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


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
    """A ``w:style`` element, its children in schema order."""
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
    font: str | None = None,
    color: str | None = None,
) -> str:
    """The style ``heading {level}``: bold, keeps with the next paragraph, in the outline."""
    points, before, italic = _HEADINGS[level]
    fonts = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>' if font else ""
    colour = f'<w:color w:val="{color}"/>' if color else ""
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
        rpr=fonts + BOLD + ("<w:i/><w:iCs/>" if italic else "") + colour + size(points),
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


CELL_MARGINS: Final = (
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
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
        rpr=_ITALIC_RPR,
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
        rpr=_ITALIC_RPR + size(9),
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


_ITALIC_RPR: Final = "<w:i/><w:iCs/>"
_SIMPLE_STYLES: Final = {
    "quote": quote_style,
    "caption": caption_style,
    "hyperlink": lambda style_id, _based_on: hyperlink_style(style_id),
}
_SIMPLE_IDS: Final = {"quote": "Quote", "caption": "Caption", "hyperlink": "Hyperlink"}


def _level(ilvl: int, fmt: str, text: str, font: str | None = None) -> str:
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>'
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{425 * (ilvl + 1)}" w:hanging="425"/></w:pPr>'
        f"{rpr if font else ''}</w:lvl>"
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


# -- adding what a template lacks ------------------------------------------------------------


def _fragment(xml: str) -> Any:
    return etree.fromstring(f'<w:x xmlns:w="{W_NS}">{xml}</w:x>', SAFE_PARSER)[0]


def _free_id(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}{number}"
    taken.add(candidate)
    return candidate


def _serialize(root: Any) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _add_part(
    files: dict[str, bytes], name: str, content_type: str, rel_type: str, xml: str
) -> None:
    """Add a part to the package, with its content type and a relationship from the body."""
    files[name] = xml.encode("utf-8")
    types = etree.fromstring(files["[Content_Types].xml"], SAFE_PARSER)
    override = etree.SubElement(types, f"{{{_CT}}}Override")
    override.set("PartName", "/" + name)
    override.set("ContentType", content_type)
    files["[Content_Types].xml"] = _serialize(types)
    rels_name = "word/_rels/document.xml.rels"
    rels = etree.fromstring(
        files.get(rels_name, f'<Relationships xmlns="{_PKG_REL}"/>'.encode()), SAFE_PARSER
    )
    taken = {r.get("Id", "") for r in rels}
    rel = etree.SubElement(rels, f"{{{_PKG_REL}}}Relationship")
    rel.set("Id", _free_id("rIdVorlagen", taken))
    rel.set("Type", f"{_DOC_REL}/{rel_type}")
    rel.set("Target", name.removeprefix("word/"))
    files[rels_name] = _serialize(rels)


def _part_root(files: dict[str, bytes], kind: str, root_tag: str) -> Any:
    """The parsed ``word/{kind}.xml``, created empty (and related) if the package lacks it."""
    name = f"word/{kind}.xml"
    if name not in files:
        _add_part(files, name, f"{_WML}.{kind}+xml", kind, f'<w:{root_tag} xmlns:w="{W_NS}"/>')
    return etree.fromstring(files[name], SAFE_PARSER)


def _add_lists(files: dict[str, bytes], kinds: Iterable[bool]) -> list[int]:
    """Add a list definition per kind (True: numbered); return the new ``w:numId``s."""
    root = _part_root(files, "numbering", "numbering")
    abstract_ids = [int(a.get(f"{_W}abstractNumId", "0")) for a in root.iter(f"{_W}abstractNum")]
    num_ids = [int(n.get(f"{_W}numId", "0")) for n in root.iter(f"{_W}num")]
    next_abstract = max(abstract_ids, default=-1) + 1
    next_num = max(num_ids, default=0) + 1
    cleanup = root.find(f"{_W}numIdMacAtCleanup")
    added = []
    for numbered in kinds:
        # every w:abstractNum must come before the first w:num
        first_num = root.find(f"{_W}num")
        definition = _fragment(abstract_num(next_abstract, numbered))
        if first_num is not None:
            first_num.addprevious(definition)
        else:
            root.append(definition)
        instance = _fragment(num(next_num, next_abstract))
        if cleanup is not None:
            cleanup.addprevious(instance)
        else:
            root.append(instance)
        added.append(next_num)
        next_abstract += 1
        next_num += 1
    files["word/numbering.xml"] = _serialize(root)
    return added


LANGUAGE: Final = "de-DE"


def _language(root: Any) -> Any:
    """The ``w:lang`` element of the document defaults, created if missing."""
    defaults = child(root, "docDefaults", first=True)
    return child(child(child(defaults, "rPrDefault", first=True), "rPr"), "lang")


def needs_preparing(files: Mapping[str, bytes], styles: Styles) -> bool:
    """Whether a template lacks a style rich content needs, or German as its language."""
    if any(name not in styles.ids for name in styles.needed()):
        return True
    if "word/styles.xml" not in files:
        return True
    root = etree.fromstring(files["word/styles.xml"], SAFE_PARSER)
    lang = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}lang")
    return lang is None or lang.get(f"{_W}val") != LANGUAGE


def prepare_styles(files: Mapping[str, bytes], needed: Iterable[str]) -> dict[str, bytes]:
    """The package with German as its language and every style in ``needed`` present.

    Missing styles are added as plain defaults.
    """
    out = dict(files)
    root = _part_root(out, "styles", "styles")
    _language(root).set(f"{_W}val", LANGUAGE)
    ids = _style_ids(root)
    missing = [name for name in needed if name not in ids]
    if not missing:
        out["word/styles.xml"] = _serialize(root)
        return out
    taken = {s.get(f"{_W}styleId", "") for s in root.iter(f"{_W}style")}
    normal = ids.get("normal")
    lists = [name for name in missing if name in ("list bullet", "list number")]
    list_ids = dict(
        zip(lists, _add_lists(out, [name == "list number" for name in lists]), strict=True)
    )
    for name in missing:
        heading = _HEADING_NAME.fullmatch(name)
        if heading is not None:
            level = int(heading.group(1))
            xml = heading_style(level, _free_id(f"Heading{level}", taken), normal or "Normal")
        elif name in list_ids:
            wanted = "ListNumber" if name == "list number" else "ListBullet"
            title = "List Number" if name == "list number" else "List Bullet"
            xml = list_style(title, _free_id(wanted, taken), list_ids[name], normal or "Normal")
        elif name in _SIMPLE_STYLES:
            xml = _SIMPLE_STYLES[name](_free_id(_SIMPLE_IDS[name], taken), normal or "Normal")
        else:
            xml = table_grid_style(_free_id("TableGrid", taken), ids.get("normal table"))
        element = _fragment(xml)
        for based in element.iter(f"{_W}basedOn", f"{_W}next"):
            if based.get(f"{_W}val") not in taken:
                # a style based on one the template lacks would point nowhere
                based.getparent().remove(based)
        root.append(element)
    out["word/styles.xml"] = _serialize(root)
    return out
