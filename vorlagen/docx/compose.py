"""Several documents in one, each in a section of its own: its header and footer, its page numbers.

The first document is the base: its styles, list numbering and settings stay as they are.
Each further document follows in a new section that starts on a new page and keeps what made
it look as it did alone:

- its header and footer (copied, with their images), which count its own pages ("Seite 1
  von 3" counts the pages of the section: ``NUMPAGES`` becomes ``SECTIONPAGES``);
- its styles: those the base lacks are added, those the base has the same are shared, and
  one the base has otherwise is added under a new id that its text then uses;
- its lists, as list instances of their own (numbers and definitions renumbered, so that
  every list restarts as it did);
- its images and hyperlinks, related anew; drawings numbered through the whole document.

Optionally a paragraph in an outline style goes at the start of a document, and its
headings move one level down, so that a PDF made from the whole shows each document as one
entry with its headings below.
"""

from __future__ import annotations

import copy
import hashlib
import io
import posixpath
import re
import secrets
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from lxml import etree

from vorlagen.docx.bodytext import BodyText, body_text, relationship_attributes
from vorlagen.docx.ns import CT_NS, DC_NS, MC_NS, PKG_REL_NS, REL_NS, WP_NS, child, reorder_ppr, w
from vorlagen.docx.package import (
    CORE_REL,
    NUMBERING_REL,
    SAFE_PARSER,
    add_part,
    add_relationship,
    content_types,
    free_id,
    pack,
    related_part,
    rels_name,
    serialize,
)
from vorlagen.docx.styles import builtin_name, heading_level
from vorlagen.errors import RenderError

__all__ = ["OUTLINE_STYLE", "Section", "compose", "pages_by_reference"]

_R: Final = f"{{{REL_NS}}}"
_HEADER: Final = f"{REL_NS}/header"
_FOOTER: Final = f"{REL_NS}/footer"
_IMAGE: Final = f"{REL_NS}/image"
_HYPERLINK: Final = f"{REL_NS}/hyperlink"
_STYLE_REFERENCES: Final = (w("pStyle"), w("rStyle"), w("tblStyle"))
# w:sectPr's children in schema order: w:pgNumType goes after the page's size and margins
_SECT_ORDER: Final = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
    "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
)  # fmt: skip
_SECT_RANK: Final = {w(name): rank for rank, name in enumerate(_SECT_ORDER)}

#: The style of the paragraph that heads a document in the outline (level 1).
OUTLINE_STYLE: Final = "Mappenpunkt"
_OUTLINE_STYLE_XML: Final = (
    f'<w:style xmlns:w="{w("")[1:-1]}" w:type="paragraph" w:customStyle="1" '
    f'w:styleId="{OUTLINE_STYLE}"><w:name w:val="Mappenpunkt"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/>'
    '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="808080"/></w:pBdr>'
    '<w:spacing w:before="0" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>'
    '<w:rPr><w:b/><w:color w:val="404040"/><w:sz w:val="18"/></w:rPr></w:style>'
)


@dataclass(frozen=True)
class Section:
    """A document to put into the whole, and the outline entry that heads it (if any).

    ``data`` is the DOCX, or its parts by name (as the renderer gives them unzipped).
    """

    data: bytes | Mapping[str, bytes]
    heading: str | None = None


@dataclass
class _Whole:
    """The document being composed: the base's parts, parsed where they change."""

    files: dict[str, bytes]
    body: Any
    rels: Any
    styles: Any
    numbering: Any
    numbering_name: str
    types: Any
    media: dict[str, str] = field(default_factory=dict)  # SHA-1 of content -> part name
    renamed: dict[bytes, str] = field(default_factory=dict)  # a style as it came -> its new id
    # list definitions and instances the whole has, by content -> their id in the whole
    abstracts: dict[bytes, str] = field(default_factory=dict)
    nums: dict[bytes, str] = field(default_factory=dict)
    # the styles of a document as they came -> what merging them gave: new ids, heading levels
    merged: dict[bytes, tuple[dict[str, str], dict[str, int]]] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)  # the part names taken, in lower case
    last_num: int = 0  # the highest list instance number so far
    definitions: dict[bytes, dict[str, str]] = field(default_factory=dict)  # see _renumber_lists
    part_drawings: int = 0  # drawings numbered in copied headers and footers
    # the headers and footers the sections so far have: ("header", "default"), ...
    references: set[tuple[str, str]] = field(default_factory=set)
    rel_ids: set[str] = field(default_factory=set)  # the ids of the body's relationships
    drawings: int = 1001  # the id of the next drawing in the body
    # bodies put in as text (vorlagen.docx.bodytext), each where its placeholder stands
    texts: list[bytes] = field(default_factory=list)
    # in each placeholder, so that no processing instruction of a document is taken for one
    placeholder_key: str = field(default_factory=lambda: secrets.token_hex(8))
    types_of: dict[bytes, dict[str, str]] = field(default_factory=dict)  # see _relate
    outline_style: bool = False  # the whole has the outline style
    namespaces: dict[str | None, str] = field(default_factory=dict)  # its root declares
    ignorable: frozenset[str] = frozenset()  # the prefixes its root marks mc:Ignorable

    def part_name(self, folder: str, stem: str, extension: str) -> str:
        """A part name not yet taken (now taken): ``word/header7.xml``."""
        if not self.names:
            self.names = {n.lower() for n in self.files}
        number = 1
        while f"{folder}/{stem}{number}.{extension}".lower() in self.names:
            number += 1
        self.names.add(f"{folder}/{stem}{number}.{extension}".lower())
        return f"{folder}/{stem}{number}.{extension}"


def compose(sections: Sequence[Section], title: str | None = None) -> bytes:
    """The documents of ``sections`` as one DOCX, each in its own section.

    The document properties are the first document's, with ``title`` as title if given.

    Raises:
        ValueError: no document given.
        RenderError: a document's body refers to a part of a kind that cannot be carried
            over (only headers, footers, images and hyperlinks can), or has foot- or endnotes.
    """
    if not sections:
        msg = "compose: kein Dokument"
        raise ValueError(msg)
    whole = _open(sections[0].data)
    first = list(whole.body)
    base_sect = first[-1] if first and first[-1].tag == w("sectPr") else None
    for rel in whole.rels.iter(f"{{{PKG_REL_NS}}}Relationship"):  # the base's own
        if rel.get("Type") in (_HEADER, _FOOTER):
            part = posixpath.normpath(posixpath.join("word", str(rel.get("Target"))))
            _count_pages_per_section(whole.files, part)
    if sections[0].heading is not None:
        _need_outline_style(whole)
        whole.body.insert(0, _heading(sections[0].heading))
    previous = base_sect
    if base_sect is not None:
        whole.references = _references(base_sect)
    for section in sections[1:]:
        if previous is not None:
            _end_section(whole.body, previous)
        previous = _append(whole, section)
    if previous is not None:
        whole.body.append(previous)
    if title is not None:
        _set_title(whole.files, title)
    return _close(whole)


def _open(data: bytes | Mapping[str, bytes]) -> _Whole:
    files = _unzip(data)
    document = etree.fromstring(files["word/document.xml"], SAFE_PARSER)
    if "word/styles.xml" not in files:
        add_part(files, "word/styles.xml", _type("styles"), f"{REL_NS}/styles", _EMPTY_STYLES)
    numbering_name = related_part(files, "word/document.xml", NUMBERING_REL)
    if numbering_name is None:
        numbering_name = "word/numbering.xml"
        add_part(files, numbering_name, _type("numbering"), NUMBERING_REL, _EMPTY_NUMBERING)
    whole = _Whole(
        files=files,
        body=document.find(w("body")),
        rels=etree.fromstring(files[rels_name("word/document.xml")], SAFE_PARSER),
        styles=etree.fromstring(files["word/styles.xml"], SAFE_PARSER),
        numbering=etree.fromstring(files[numbering_name], SAFE_PARSER),
        numbering_name=numbering_name,
        types=etree.fromstring(files["[Content_Types].xml"], SAFE_PARSER),
    )
    whole.files["word/document.xml"] = b""  # written at the end, from the tree
    whole.drawings = _number_drawings(whole.body, whole.drawings)
    whole.namespaces = dict(document.nsmap)
    whole.ignorable = frozenset(document.get(f"{{{MC_NS}}}Ignorable", "").split())
    whole.last_num = max(
        (int(n.get(w("numId"), "0")) for n in whole.numbering.iter(w("num"))), default=0
    )
    for name, content in files.items():
        if name.startswith("word/media/"):
            whole.media[hashlib.sha1(content, usedforsecurity=False).hexdigest()] = name
    return whole


_EMPTY_STYLES: Final = f'<w:styles xmlns:w="{w("")[1:-1]}"/>'
_EMPTY_NUMBERING: Final = f'<w:numbering xmlns:w="{w("")[1:-1]}"/>'


def _type(kind: str) -> str:
    return f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"


def _unzip(data: bytes | Mapping[str, bytes]) -> dict[str, bytes]:
    if not isinstance(data, bytes):
        return dict(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if not n.endswith("/")}


def _end_section(body: Any, sect_pr: Any) -> None:
    """End the section so far with ``sect_pr``, in an empty last paragraph of its own."""
    paragraph = etree.SubElement(body, w("p"))
    etree.SubElement(paragraph, w("pPr")).append(sect_pr)


def _append(whole: _Whole, section: Section) -> Any:
    """Append a document's body in a new section; its ``w:sectPr``, to end that section.

    The body goes in as text where it can (:mod:`vorlagen.docx.bodytext`), else as a tree;
    either way the same changes are made.
    """
    files = _unzip(section.data)
    data = files["word/document.xml"]
    if b"noteReference" in data and _NOTES.search(data) is not None:
        msg = (
            "Fuß- und Endnoten lassen sich in eine Zusammenstellung (Sitzungsmappe) noch nicht "
            "übernehmen: die Vorlage ohne Fußnoten setzen"
        )
        raise RenderError(msg)
    text = body_text(data, whole.namespaces, whole.ignorable)
    body = _body(data) if text is None else None
    changes = _changes(whole, files, text, body, shift=int(section.heading is not None))
    content, sect_pr = _content(whole, data, text, body, changes)
    _fit_sections(whole, [*_inner_sections(content), sect_pr])
    if section.heading is not None:
        _need_outline_style(whole)
        whole.body.append(_heading(section.heading))
    whole.body.extend(content)
    return sect_pr


def _body(data: bytes) -> Any:
    return etree.fromstring(data, SAFE_PARSER).find(w("body"))


@dataclass(frozen=True)
class _Changes:
    """What changes in a body: new list, style and relationship ids, outline levels."""

    nums: Mapping[str, str]
    renamed: Mapping[str, str]
    ids: Mapping[str, str]
    outline: Mapping[str, int]  # each heading style's outline level in the whole (0 the top)


def _changes(
    whole: _Whole, files: Mapping[str, bytes], text: BodyText | None, body: Any, shift: int
) -> _Changes:
    """Bring what a body needs into the whole (lists, styles, parts); what changes in it.

    Its headings move ``shift`` levels down.
    """
    if text is not None:
        in_text, used = text.num_ids, text.relationship_ids
    else:
        in_text = {str(n.get(w("val"))) for n in body.iter(w("numId"))}
        used = {str(value) for value in relationship_attributes(body)}
    numbering = related_part(files, "word/document.xml", NUMBERING_REL)
    nums = _renumber_lists(whole, files[numbering], in_text) if numbering is not None else {}
    styles = files.get("word/styles.xml")
    renamed, levels = (
        _merge_styles(whole, {nums.get(n, n) for n in in_text}, styles, nums)
        if styles is not None
        else ({}, {})
    )
    outline = {s: min(level - 1 + shift, 8) for s, level in levels.items() if level and shift}
    return _Changes(nums, renamed, _relate(whole, used, files), outline)


def _content(
    whole: _Whole, data: bytes, text: BodyText | None, body: Any, changes: _Changes
) -> tuple[list[Any], Any]:
    """A body changed: what goes into the whole's body, and its ``w:sectPr``.

    As text, a placeholder goes in (see :func:`_close`). A default style renamed needs the
    tree: the paragraphs without a style get one.
    """
    rewritten = None
    if text is not None and not any(key.startswith(_DEFAULT) for key in changes.renamed):
        rewritten = text.rewritten(
            changes.nums, changes.renamed, changes.ids, changes.outline, whole.drawings
        )
    if text is not None and rewritten is not None:
        inner, drawings = rewritten
        whole.drawings += drawings
        whole.texts.append(inner)
        placeholder = f"{whole.placeholder_key} {len(whole.texts) - 1}"
        return [etree.ProcessingInstruction(_TEXT_TARGET, placeholder)], text.sect_pr
    body = body if body is not None else _body(data)
    whole.drawings = _changed_tree(body, changes, whole.drawings)
    content = list(body)
    if content and content[-1].tag == w("sectPr"):
        return content, content.pop()
    return content, etree.Element(w("sectPr"))


def _changed_tree(body: Any, changes: _Changes, first_drawing: int) -> int:
    """Make in a body's tree the changes :meth:`BodyText.rewritten` makes in its text.

    Drawings are numbered from ``first_drawing``; the number after the last is returned.
    """
    _renumber(body, changes.nums)
    if changes.renamed:
        for reference in body.iter(*_STYLE_REFERENCES):
            value = reference.get(w("val"))
            reference.set(w("val"), changes.renamed.get(value, value))
        _name_default_styles(body, changes.renamed)
    for value in relationship_attributes(body):
        if value in changes.ids:
            value.getparent().set(value.attrname, changes.ids[value])
    for style in body.iter(w("pStyle")):
        level = changes.outline.get(style.get(w("val")))
        if level is not None:
            ppr = style.getparent()
            child(ppr, "outlineLvl").set(w("val"), str(level))
            reorder_ppr(ppr)
    return _number_drawings(body, first_drawing)


# a reference to a footnote or an endnote (in a start tag: text cannot hold a "<")
_NOTES: Final = re.compile(rb"<(?:[\w.-]+:)?(?:footnote|endnote)Reference[\s/>]")
# the target of the processing instruction that holds a body's place until it is written
_TEXT_TARGET: Final = "vorlagen-text"


def _heading(text: str) -> Any:
    paragraph = etree.Element(w("p"))
    etree.SubElement(etree.SubElement(paragraph, w("pPr")), w("pStyle")).set(
        w("val"), OUTLINE_STYLE
    )
    etree.SubElement(etree.SubElement(paragraph, w("r")), w("t")).text = text
    return paragraph


def _need_outline_style(whole: _Whole) -> None:
    if whole.outline_style:
        return
    if not any(s.get(w("styleId")) == OUTLINE_STYLE for s in whole.styles.iter(w("style"))):
        whole.styles.append(etree.fromstring(_OUTLINE_STYLE_XML))
    whole.outline_style = True


# -- lists ------------------------------------------------------------------------------------


def _renumber_lists(whole: _Whole, data: bytes, in_text: set[str]) -> dict[str, str]:
    """Carry a document's list definitions over under the whole's numbers.

    A definition the whole has already (the same template's) is shared; so is a list
    instance only the styles use. An instance the text uses is always a new one: two lists
    sharing one would count on from each other. ``in_text`` are the instances the text
    uses; the new number of each old one is returned (for the text and the styles).
    """
    if not whole.abstracts and not whole.nums:
        _index_numbering(whole)
    numbering = etree.fromstring(data, SAFE_PARSER)
    # the definitions come first; papers of one template share them byte for byte
    definitions = data[: data.find(b"<w:num ")] if b"<w:num " in data else data
    if definitions not in whole.definitions:
        whole.definitions[definitions] = _carry_definitions(whole, numbering)
    abstract_ids = whole.definitions[definitions]
    nums: dict[str, str] = {}
    for num in numbering.findall(w("num")):
        old = num.get(w("numId"), "0")
        ref = num.find(w("abstractNumId"))
        if ref is not None:
            ref.set(w("val"), abstract_ids.get(ref.get(w("val"), "0"), ref.get(w("val"), "0")))
        key = _list_key(num, "numId")
        if old in in_text or key not in whole.nums:
            whole.last_num += 1
            new_id = str(whole.last_num)
            num.set(w("numId"), new_id)
            _before_cleanup(whole.numbering, num)
            whole.nums.setdefault(key, new_id)
            nums[old] = new_id
        else:
            nums[old] = whole.nums[key]
    return nums


def _carry_definitions(whole: _Whole, numbering: Any) -> dict[str, str]:
    """Add a document's list definitions the whole lacks; the whole's id for each of its ids."""
    abstract_ids: dict[str, str] = {}
    first_num = whole.numbering.find(w("num"))
    for abstract in numbering.findall(w("abstractNum")):
        old = abstract.get(w("abstractNumId"), "0")
        key = _list_key(abstract, "abstractNumId", "nsid")
        if key not in whole.abstracts:
            new_id = str(1 + max(map(int, whole.abstracts.values()), default=-1))
            abstract.set(w("abstractNumId"), new_id)
            nsid = abstract.find(w("nsid"))
            if nsid is not None:  # Word takes lists of the same nsid for one
                nsid.set(w("val"), f"{0x6D000000 + int(new_id):08X}")
            (first_num.addprevious if first_num is not None else whole.numbering.append)(abstract)
            whole.abstracts[key] = new_id
        abstract_ids[old] = whole.abstracts[key]
    return abstract_ids


def _renumber(root: Any, nums: Mapping[str, str]) -> None:
    """Point every list reference below ``root`` to its number in the whole."""
    for num_id in root.iter(w("numId")):
        value = num_id.get(w("val"), "0")
        num_id.set(w("val"), nums.get(value, value))


def _index_numbering(whole: _Whole) -> None:
    """Note the base's list definitions and instances by content."""
    for abstract in whole.numbering.iter(w("abstractNum")):
        key = _list_key(abstract, "abstractNumId", "nsid")
        whole.abstracts.setdefault(key, abstract.get(w("abstractNumId"), "0"))
    for num in whole.numbering.iter(w("num")):
        whole.nums.setdefault(_list_key(num, "numId"), num.get(w("numId"), "0"))


def _list_key(element: Any, id_attribute: str, *children: str) -> bytes:
    """What a list definition or instance is, without its id (and the ``children`` named)."""
    own = element.get(w(id_attribute))
    element.attrib.pop(w(id_attribute), None)
    removed = [
        (found, found.getparent().index(found)) for n in children for found in element.findall(w(n))
    ]
    for found, _ in removed:
        element.remove(found)
    key = _c14n(element)
    for found, index in reversed(removed):
        element.insert(index, found)
    if own is not None:
        element.set(w(id_attribute), own)
    return key


def _before_cleanup(numbering: Any, element: Any) -> None:
    cleanup = numbering.find(w("numIdMacAtCleanup"))
    if cleanup is not None:
        cleanup.addprevious(element)
    else:
        numbering.append(element)


# -- styles -----------------------------------------------------------------------------------


def _merge_styles(
    whole: _Whole, in_text: set[str], styles: bytes, nums: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, int]]:
    """Bring a document's styles into the whole: new ids, heading levels.

    Returned: the new id of each style renamed (and of each default style under
    ``_DEFAULT``), the heading level of each (new) style id. Documents of one template
    bring the same styles (and lists): they are merged once. ``in_text`` are the list
    instances the document's text uses.
    """
    shared = sorted((old, new) for old, new in nums.items() if new not in in_text)
    key = styles + repr(shared).encode()
    if key not in whole.merged:
        root = etree.fromstring(styles, SAFE_PARSER)
        _renumber(root, nums)
        whole.merged[key] = _merged_styles(whole, root)
    return whole.merged[key]


def _name_default_styles(body: Any, renamed: Mapping[str, str]) -> None:
    """Name the paper's default styles where its text relies on them but the whole has others.

    A paragraph (or table) without a style is in the default one; in the whole that is the
    first document's, so where the paper's own was renamed, its text says so.
    """
    for kind, parent, first in (("paragraph", "p", "pPr"), ("table", "tbl", "tblPr")):
        style_id = renamed.get(f"{_DEFAULT}{kind}")
        if style_id is None:
            continue
        tag = "pStyle" if kind == "paragraph" else "tblStyle"
        for element in body.iter(w(parent)):
            props = element.find(w(first))
            if props is None:
                props = etree.Element(w(first))
                element.insert(0, props)
            if props.find(w(tag)) is None:
                etree.SubElement(props, w(tag)).set(w("val"), style_id)
                props.insert(0, props[-1])


# the key under which the new id of a paper's renamed default style of a kind is noted
_DEFAULT: Final = "\0default:"


def _merged_styles(whole: _Whole, styles: Any) -> tuple[dict[str, str], dict[str, int]]:
    """Add a document's styles to the whole; the new ids of some, the heading levels of all.

    Where the document's defaults (``w:docDefaults``: font, size, spacing) differ from the
    whole's, every style it shares an id with is renamed, and its styles based on no other
    take the defaults in, so that its text looks as it did alone.
    """
    defaults = styles.find(w("docDefaults"))
    own_defaults = b"" if defaults is None else _c14n(defaults)
    base_defaults = whole.styles.find(w("docDefaults"))
    differ = own_defaults != (b"" if base_defaults is None else _c14n(base_defaults))
    own = list(styles.iter(w("style")))
    renamed, shared = _plan_styles(whole, own, own_defaults if differ else None)
    levels: dict[str, int] = {}
    for style in own:
        style_id = style.get(w("styleId"))
        level = heading_level(builtin_name(style))
        if level:
            levels[renamed.get(style_id, style_id)] = level
        if style_id not in shared:
            _add_style(whole, style, renamed, defaults if differ else None)
    return renamed, levels


def _plan_styles(
    whole: _Whole, own: list[Any], defaults: bytes | None
) -> tuple[dict[str, str], set[str]]:
    """The new id of each style that must be renamed, and the styles the whole has already.

    ``defaults``: the document's defaults, where they differ from the whole's (then every
    style of an id the whole has is renamed).
    """
    base = {s.get(w("styleId")): s for s in whole.styles.iter(w("style"))}
    taken = set(base)
    renamed: dict[str, str] = {}
    shared: set[str] = set()  # the base's, or added for an earlier document
    for style in own:
        style_id = style.get(w("styleId"))
        if style_id not in base:
            continue
        if defaults is None and _same(style, base[style_id]):
            shared.add(style_id)
            continue
        key = _c14n(style) + (defaults or b"")
        if key in whole.renamed:
            shared.add(style_id)
        else:
            whole.renamed[key] = free_id(f"{style_id}-", taken)
        renamed[style_id] = whole.renamed[key]
        if style.get(w("default")) == "1":  # the whole has its own default of the kind
            renamed[f"{_DEFAULT}{style.get(w('type'))}"] = renamed[style_id]
    return renamed, shared


def _add_style(whole: _Whole, style: Any, renamed: Mapping[str, str], defaults: Any) -> None:
    """Add a style to the whole under its new id, its links to renamed styles followed."""
    style_id = style.get(w("styleId"))
    for link in style.iter(w("basedOn"), w("next"), w("link")):
        link.set(w("val"), renamed.get(link.get(w("val")), link.get(w("val"))))
    if style_id in renamed:
        new_id = renamed[style_id]
        style.set(w("styleId"), new_id)
        name = style.find(w("name"))
        if name is not None:
            name.set(w("val"), f"{name.get(w('val'))} ({new_id})")
        style.attrib.pop(w("default"), None)
    if defaults is not None and style.find(w("basedOn")) is None:
        _take_defaults(style, defaults)
    whole.styles.append(style)


_RPR_ORDER: Final = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
)  # fmt: skip
_RPR_RANK: Final = {w(name): rank for rank, name in enumerate(_RPR_ORDER)}
# the last children of a w:style, in schema order
_STYLE_TAIL: Final = ("pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr")


def _take_defaults(style: Any, defaults: Any) -> None:
    """Put a document's defaults into a paragraph or table style based on no other."""
    if style.get(w("type")) not in ("paragraph", "table"):
        return
    for tag in ("pPr", "rPr"):
        default = defaults.find(f"{w(tag + 'Default')}/{w(tag)}")
        if default is None or (tag == "pPr" and style.get(w("type")) == "table"):
            continue
        props = style.find(w(tag))
        if props is None:
            props = etree.Element(w(tag))
            later = [w(n) for n in _STYLE_TAIL[_STYLE_TAIL.index(tag) + 1 :]]
            following = next((c for c in style if c.tag in later), None)
            (following.addprevious if following is not None else style.append)(props)
        have = {element.tag for element in props}
        for element in default:
            if element.tag not in have:
                props.append(copy.deepcopy(element))
        if tag == "rPr":
            props[:] = sorted(props, key=lambda e: _RPR_RANK.get(e.tag, len(_RPR_RANK)))
        else:
            reorder_ppr(props)


def _c14n(element: Any) -> bytes:
    return bytes(etree.tostring(element, method="c14n"))


def _same(a: Any, b: Any) -> bool:
    return _c14n(a) == _c14n(b)


# -- parts and relationships ------------------------------------------------------------------


def _relate(whole: _Whole, used: set[str], files: Mapping[str, bytes]) -> dict[str, str]:
    """Relate anew in the whole what a document's body refers to: the new id of each.

    ``used`` are the ids of the relationships the body refers to.
    """
    source = "word/document.xml"
    rels = etree.fromstring(files.get(rels_name(source), _EMPTY_RELS), SAFE_PARSER)
    ids: dict[str, str] = {}
    types: Mapping[str, str] = {}
    for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship"):
        rel_id, kind = str(rel.get("Id")), str(rel.get("Type"))
        if rel_id not in used:
            continue
        target = str(rel.get("Target"))
        if rel.get("TargetMode") == "External":
            ids[rel_id] = _add_rel(whole, kind, target, external=True)
            continue
        name = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
        if kind in (_HEADER, _FOOTER):
            types = types or _content_types(whole, files)
            new = _copy_xml_part(
                whole, files, types, name, "header" if kind == _HEADER else "footer"
            )
        elif kind == _IMAGE:
            new = _copy_media(whole, files[name], name)
        else:
            kind_name = kind.rpartition("/")[2]
            msg = (
                f"ein Dokument verweist auf einen Teil der Art „{kind_name}“, den die "
                "Zusammenstellung nicht übernehmen kann (möglich: Kopf- und Fußzeilen, Bilder, "
                "Links)"
            )
            raise RenderError(msg)
        ids[rel_id] = _add_rel(whole, kind, posixpath.relpath(new, "word"))
    return ids


def _content_types(whole: _Whole, files: Mapping[str, bytes]) -> Mapping[str, str]:
    """A document's content types (papers of one template share them: read once)."""
    data = files["[Content_Types].xml"]
    if data not in whole.types_of:
        whole.types_of[data] = content_types(files)
    return whole.types_of[data]


_EMPTY_RELS: Final = f'<Relationships xmlns="{PKG_REL_NS}"/>'.encode()


def _add_rel(whole: _Whole, kind: str, target: str, *, external: bool = False) -> str:
    """Relate the whole's body to ``target``; the new relationship's id."""
    if not whole.rel_ids:
        whole.rel_ids = {str(r.get("Id")) for r in whole.rels}
    rel_id = f"rIdMappe{len(whole.rel_ids)}"
    while rel_id in whole.rel_ids:
        rel_id += "x"
    whole.rel_ids.add(rel_id)
    add_relationship(whole.rels, rel_id, kind, target, external=external)
    return rel_id


def _copy_xml_part(
    whole: _Whole, files: Mapping[str, bytes], types: Mapping[str, str], name: str, stem: str
) -> str:
    """Copy a header or footer (with the images it relates) under a new name; the name."""
    new = whole.part_name("word", stem, "xml")
    content = files[name]
    if b"docPr" in content:  # drawings: their ids unique in the whole document
        root = etree.fromstring(content, SAFE_PARSER)
        for doc_pr in root.iter(f"{{{WP_NS}}}docPr"):
            whole.part_drawings += 1
            doc_pr.set("id", str(200000 + whole.part_drawings))
        content = serialize(root)
    rels_part = rels_name(name)
    if rels_part in files:
        rels = etree.fromstring(files[rels_part], SAFE_PARSER)
        for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External" or rel.get("Type") != _IMAGE:
                continue
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(name), str(rel.get("Target")))
            )
            rel.set("Target", posixpath.relpath(_copy_media(whole, files[target], target), "word"))
        whole.files[rels_name(new)] = serialize(rels)
    whole.files[new] = content
    _count_pages_per_section(whole.files, new)
    override = etree.SubElement(whole.types, f"{{{CT_NS}}}Override")
    override.set("PartName", "/" + new)
    override.set("ContentType", types.get(name, _type(stem)))
    return new


def _copy_media(whole: _Whole, content: bytes, name: str) -> str:
    """An image part of ``content`` in the whole: the one it has already, or a new one."""
    digest = hashlib.sha1(content, usedforsecurity=False).hexdigest()
    if digest in whole.media:
        return whole.media[digest]
    extension = name.rpartition(".")[2].lower()
    new = whole.part_name("word/media", "image", extension)
    whole.files[new] = content
    whole.media[digest] = new
    defaults = {
        str(d.get("Extension", "")).lower() for d in whole.types.iter(f"{{{CT_NS}}}Default")
    }
    if extension not in defaults:
        default = etree.Element(f"{{{CT_NS}}}Default")
        default.set("Extension", extension)
        default.set(
            "ContentType", "image/jpeg" if extension in ("jpg", "jpeg") else f"image/{extension}"
        )
        whole.types.insert(0, default)
    return new


def _references(sect_pr: Any) -> set[tuple[str, str]]:
    """The headers and footers a section has, as (``"header"``/``"footer"``, type)."""
    return {
        _reference_kind(element)
        for element in sect_pr
        if element.tag in (w("headerReference"), w("footerReference"))
    }


def _reference_kind(reference: Any) -> tuple[str, str]:
    """What a header or footer reference stands for: (``"header"``/``"footer"``, type)."""
    return reference.tag.rpartition("}")[2].removesuffix("Reference"), reference.get(
        w("type"), "default"
    )


def _inner_sections(content: Sequence[Any]) -> list[Any]:
    """The ``w:sectPr`` of the sections a body's paragraphs end, in order."""
    ends = (p.find(f"{w('pPr')}/{w('sectPr')}") for p in content if p.tag == w("p"))
    return [sect_pr for sect_pr in ends if sect_pr is not None]


def _fit_sections(whole: _Whole, sections: Sequence[Any]) -> None:
    """Make a document's sections show in the whole what they showed in the document.

    Its first section has its own headers and footers and numbers its pages from 1; a later
    one without a header or footer of a kind shows its previous section's (Word's "linked
    to previous"), now written out, as the whole's previous section is another document's.
    """
    first, *later = sections
    _own_headers_and_footers(whole, first)
    _restart_pages(first)
    for previous, section in zip(sections, later, strict=False):
        own = _references(section)
        section.extend(
            copy.deepcopy(reference)
            for reference in previous
            if reference.tag in (w("headerReference"), w("footerReference"))
            and _reference_kind(reference) not in own
        )
        section[:] = sorted(section, key=lambda e: _SECT_RANK.get(e.tag, len(_SECT_RANK)))
        whole.references |= own


def _own_headers_and_footers(whole: _Whole, sect_pr: Any) -> None:
    """Give a section an empty header or footer where it has none but an earlier one has.

    Without, Word and LibreOffice show the earlier section's: a paper without a header
    would carry the Einladung's letterhead.
    """
    own = _references(sect_pr)
    for kind, kind_type in sorted(whole.references - own):
        name = whole.part_name("word", kind, "xml")
        root_tag = "hdr" if kind == "header" else "ftr"
        whole.files[name] = serialize(
            etree.fromstring(f'<w:{root_tag} xmlns:w="{w("")[1:-1]}"><w:p/></w:{root_tag}>')
        )
        override = etree.SubElement(whole.types, f"{{{CT_NS}}}Override")
        override.set("PartName", "/" + name)
        override.set("ContentType", _type(kind))
        rel_id = _add_rel(
            whole, _HEADER if kind == "header" else _FOOTER, name.removeprefix("word/")
        )
        reference = etree.SubElement(sect_pr, w(f"{kind}Reference"))
        reference.set(w("type"), kind_type)
        reference.set(f"{_R}id", rel_id)
    sect_pr[:] = sorted(sect_pr, key=lambda e: _SECT_RANK.get(e.tag, len(_SECT_RANK)))
    whole.references |= own


# -- pages ------------------------------------------------------------------------------------


def _restart_pages(sect_pr: Any) -> None:
    """Number the pages of a section from 1."""
    page_numbers = sect_pr.find(w("pgNumType"))
    if page_numbers is None:
        page_numbers = etree.SubElement(sect_pr, w("pgNumType"))
        sect_pr[:] = sorted(sect_pr, key=lambda e: _SECT_RANK.get(e.tag, len(_SECT_RANK)))
    page_numbers.set(w("start"), "1")


def _count_pages_per_section(files: dict[str, bytes], part: str) -> None:
    """In a header or footer, count the section's pages, not the whole document's."""
    if part in files and b"NUMPAGES" in files[part]:
        files[part] = files[part].replace(b" NUMPAGES ", b" SECTIONPAGES ")


def pages_by_reference(data: bytes) -> bytes:
    """A composed document whose sections count their pages in a way LibreOffice updates.

    Word updates ``SECTIONPAGES`` as it lays a document out; LibreOffice prints the value
    stored in the file. The page of a bookmark at the end of a section (``PAGEREF``) is the
    number of its pages where they are numbered from 1, and LibreOffice updates it as it
    lays the document out: so the document goes to LibreOffice (for a PDF) with those. A
    header or footer counts to the end of the sections numbered on from the one numbered
    from 1 (a paper of several sections, whichever of them it serves); one that serves
    sections numbered apart, or not from 1, keeps ``SECTIONPAGES``.
    """
    files = _unzip(data)
    document = etree.fromstring(files["word/document.xml"], SAFE_PARSER)
    rels = etree.fromstring(files[rels_name("word/document.xml")], SAFE_PARSER)
    targets = {
        str(r.get("Id")): posixpath.normpath(posixpath.join("word", str(r.get("Target"))))
        for r in rels.iter(f"{{{PKG_REL_NS}}}Relationship")
    }
    body: Any = document.find(w("body"))
    # a section ends with the body or with a paragraph (not inside a tracked change)
    sections = [s for s in body.iter(w("sectPr")) if s.getparent().tag in (w("body"), w("pPr"))]
    serves = _sections_served(sections, targets)
    names = {str(b.get(w("name"))) for b in document.iter(w("bookmarkStart"))}
    ids = [int(i) for b in document.iter(w("bookmarkStart")) if (i := b.get(w("id"), "")).isdigit()]
    bookmark_id = max(ids, default=0)
    runs = _runs(sections)
    ends: dict[int, str] = {}  # a section's number -> the bookmark at its end
    for part, served in serves.items():
        spans = {runs[number] for number in served}
        span = spans.pop()
        if b" SECTIONPAGES " not in files.get(part, b"") or spans or span is None:
            continue
        last = span[1]
        if last not in ends:
            bookmark_id += 1
            ends[last] = free_id(f"_Seiten{last + 1}", names)
            _mark_end(sections[last], ends[last], bookmark_id)
        files[part] = files[part].replace(b" SECTIONPAGES ", b" PAGEREF %s " % ends[last].encode())
    files["word/document.xml"] = serialize(document)
    return pack(files)


def _runs(sections: Sequence[Any]) -> list[tuple[int, int] | None]:
    """For each section, the first and last of the sections its pages are counted with.

    Those are the sections from one that sets its first page number to the next that does
    (a paper of several sections); None where they are not numbered from 1, as then the
    page of a bookmark at their end is no count of their pages.
    """
    starts: list[int] = []
    for number, sect_pr in enumerate(sections):
        own = _first_page(sect_pr, number) is not None
        starts.append(number if own or not starts else starts[-1])
    last = {start: number for number, start in enumerate(starts)}
    return [
        (start, last[start]) if _first_page(sections[start], start) == "1" else None
        for start in starts
    ]


def _first_page(sect_pr: Any, number: int) -> str | None:
    """The number of a section's first page, if set (the first section's is 1 unless set)."""
    numbering = sect_pr.find(w("pgNumType"))
    start = numbering.get(w("start")) if numbering is not None else None
    return start if start is not None or number > 0 else "1"


def _sections_served(sections: Sequence[Any], targets: Mapping[str, str]) -> dict[str, list[int]]:
    """The sections each header and footer serves (a section without one has the last)."""
    current: dict[tuple[str, str], str] = {}
    serves: dict[str, list[int]] = {}
    for number, sect_pr in enumerate(sections):
        for reference in sect_pr:
            if reference.tag in (w("headerReference"), w("footerReference")):
                part = targets.get(str(reference.get(f"{_R}id")), "")
                current[(reference.tag, reference.get(w("type"), "default"))] = part
        for part in set(current.values()):
            serves.setdefault(part, []).append(number)
    return serves


def _mark_end(sect_pr: Any, name: str, bookmark_id: int) -> None:
    """Put a bookmark at the end of the section that ``sect_pr`` ends."""
    start = etree.Element(w("bookmarkStart"))
    start.set(w("id"), str(bookmark_id))
    start.set(w("name"), name)
    end = etree.Element(w("bookmarkEnd"))
    end.set(w("id"), str(bookmark_id))
    if sect_pr.getparent().tag == w("pPr"):  # in the section's last paragraph, at its end
        sect_pr.getparent().getparent().extend([start, end])
    else:  # after the body's last paragraph or table
        sect_pr.addprevious(start)
        sect_pr.addprevious(end)


def _number_drawings(body: Any, first: int) -> int:
    """Number the drawings of a body from ``first``; the number after the last.

    Each document numbered its own from 1001: in the whole, each has its own id.
    """
    number = first
    for doc_pr in body.iter(f"{{{WP_NS}}}docPr"):
        doc_pr.set("id", str(number))
        number += 1
    return number


def _set_title(files: dict[str, bytes], title: str) -> None:
    """Set the title in the document properties (the part is the first document's)."""
    core = related_part(files, "", CORE_REL)
    if core is None:
        return
    root = etree.fromstring(files[core], SAFE_PARSER)
    element = root.find(f"{{{DC_NS}}}title")
    if element is None:
        element = etree.SubElement(root, f"{{{DC_NS}}}title")
    element.text = title
    files[core] = serialize(root)


def _close(whole: _Whole) -> bytes:
    files = whole.files
    document = serialize(whole.body.getroottree().getroot())
    if whole.texts:
        place = re.escape(f"<?{_TEXT_TARGET} {whole.placeholder_key} ".encode()) + rb"(\d+)\?>"
        document = re.sub(place, lambda m: whole.texts[int(m[1])], document)
    files["word/document.xml"] = document
    files[rels_name("word/document.xml")] = serialize(whole.rels)
    files["word/styles.xml"] = serialize(whole.styles)
    files[whole.numbering_name] = serialize(whole.numbering)
    files["[Content_Types].xml"] = serialize(whole.types)
    return pack(files)
