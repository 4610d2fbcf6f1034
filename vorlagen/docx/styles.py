"""Word styles and list numbering: find a template's built-in styles, add the ones it lacks.

Styles are found by their built-in name (:func:`builtin_name`), not their id, here and in
the accessibility checker alike: German Word writes the id ``berschrift1`` for the style
named ``heading 1``, and some programs save the German name ("Überschrift 1") itself. A
template that lacks a style rich content needs gets a plain default one (built by
:mod:`vorlagen.docx.build`), so that no heading or list ever comes out as unstyled text. A
list style whose numbering defines fewer levels than rich content nests (Word's own "List
Bullet" and "List Number" define one) gets a definition with all of them, its first level
taken from the template's.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any, Final

from lxml import etree

from vorlagen.docx.build import (
    LANGUAGE,
    abstract_num,
    caption_style,
    heading_style,
    hyperlink_style,
    list_style,
    num,
    quote_style,
    table_grid_style,
)
from vorlagen.docx.ns import REL_NS, W_NS, WML_CONTENT_TYPE, child
from vorlagen.docx.package import (
    SAFE_PARSER,
    add_part,
    drop_part,
    free_id,
    related_part,
    serialize,
    tag_parts,
)

__all__ = [
    "GERMAN_NAMES",
    "LANGUAGE",
    "Styles",
    "builtin_name",
    "heading_level",
    "needs_preparing",
    "prepare_styles",
    "read_styles",
]

_W: Final = f"{{{W_NS}}}"
_WML: Final = WML_CONTENT_TYPE

#: How many levels deep rich content nests lists; each list style's numbering needs them all.
LIST_LEVELS: Final = 3
_LIST_STYLES: Final = ("list bullet", "list number")

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
        font_size: the size of body text in half-points (``22``: 11 pt), from the style
            "Normal" or the document defaults; 10 pt, Word's default, where neither says.
        shallow_lists: the list styles (``"list bullet"``, ``"list number"``) whose numbering
            lacks a level nested lists use: without one, Word and LibreOffice number a nested
            bullet "1.", "2.". :func:`prepare_styles` gives them a definition with every level.
    """

    ids: dict[str, str] = field(default_factory=dict)
    heading_offset: int = 0
    number_abstract_id: str | None = None
    max_num_id: int = 0
    bullet_num_id: int | None = None
    text_width: int = 9355
    font_size: int = 20
    shallow_lists: tuple[str, ...] = ()

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


def builtin_name(style: Any) -> str:
    """The built-in name a ``w:style`` element stands for: lower case, German names translated.

    >>> builtin_name(etree.fromstring(
    ...     f'<w:style xmlns:w="{W_NS}"><w:name w:val="Überschrift 2"/></w:style>'))
    'heading 2'
    """
    name = style.find(f"{_W}name")
    given = str(name.get(f"{_W}val", "")).strip().lower() if name is not None else ""
    return GERMAN_NAMES.get(given, given)


def heading_level(name: str) -> int | None:
    """The level of the built-in heading style ``name``; None for any other style.

    >>> heading_level("heading 3"), heading_level("title")
    (3, None)
    """
    match = _HEADING_NAME.fullmatch(name)
    return int(match.group(1)) if match else None


def _style_ids(root: Any) -> dict[str, str]:
    """Built-in name -> style id; where two styles stand for one name, the first."""
    ids: dict[str, str] = {}
    for style in root.iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId")
        if style_id is not None and style.find(f"{_W}name") is not None:
            ids.setdefault(builtin_name(style), style_id)
    return ids


def read_styles(
    styles_xml: bytes | None, document_xml: bytes, numbering_xml: bytes | None
) -> Styles:
    """Find the built-in styles, the heading depth and the list numbering of a template."""
    style_root = etree.fromstring(styles_xml, SAFE_PARSER) if styles_xml else None
    ids = _style_ids(style_root) if style_root is not None else {}
    levels = {style_id: level for name, style_id in ids.items() if (level := heading_level(name))}
    used_styles, text_width = _document_facts(document_xml)
    used = [levels[style_id] for style_id in used_styles if style_id in levels]
    numbering = etree.fromstring(numbering_xml, SAFE_PARSER) if numbering_xml else None
    lists = {name: _style_num_id(style_root, ids.get(name)) for name in _LIST_STYLES}
    number_abstract = _list_definition(numbering, lists["list number"], follow=False)
    bullet_num_id = lists["list bullet"]
    max_num_id = 0
    if numbering is not None:
        max_num_id = max(
            (int(n.get(f"{_W}numId", "0")) for n in numbering.iter(f"{_W}num")), default=0
        )
    return Styles(
        ids,
        max(used, default=0),
        number_abstract.get(f"{_W}abstractNumId") if number_abstract is not None else None,
        max_num_id,
        int(bullet_num_id) if bullet_num_id and bullet_num_id.isdigit() else None,
        text_width,
        _font_size(style_root, ids.get("normal")),
        _shallow_lists(numbering, lists),
    )


@lru_cache(maxsize=2)
def _document_facts(document_xml: bytes) -> tuple[frozenset[str], int]:
    """The paragraph styles a body uses and the width of its text.

    Read once per body: a template's body is read before and after its styles are completed.
    """
    document = etree.fromstring(document_xml, SAFE_PARSER)
    used = frozenset(str(s.get(f"{_W}val", "")) for s in document.iter(f"{_W}pStyle"))
    return used, _text_width(document)


def _font_size(root: Any, normal: str | None) -> int:
    """The size of body text in half-points: the style "Normal"'s, or the defaults'."""
    if root is None:
        return Styles.font_size
    sizes = [
        style.find(f"{_W}rPr/{_W}sz")
        for style in root.iter(f"{_W}style")
        if style.get(f"{_W}styleId") == normal
    ]
    sizes.append(root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}sz"))
    for size in sizes:
        value = str(size.get(f"{_W}val", "")) if size is not None else ""
        if value.isdigit() and int(value) > 0:
            return int(value)
    return Styles.font_size


def _style_numbering(root: Any, style_id: str | None) -> Any:
    """The ``w:numId`` element of a paragraph style's numbering, if it has one."""
    if root is None or style_id is None:
        return None
    for style in root.iter(f"{_W}style"):
        if style.get(f"{_W}styleId") == style_id:
            num = style.find(f"{_W}pPr/{_W}numPr/{_W}numId")
            # numId 0 is Word's way of saying "no numbering"
            return num if num is not None and num.get(f"{_W}val") not in (None, "0") else None
    return None


def _style_num_id(root: Any, style_id: str | None) -> str | None:
    """The ``w:numId`` a paragraph style's numbering points to, if any."""
    num = _style_numbering(root, style_id)
    return str(num.get(f"{_W}val")) if num is not None else None


def _list_definition(numbering: Any, num_id: str | None, *, follow: bool = True) -> Any:
    """The ``w:abstractNum`` behind a ``w:numId``, or None.

    With ``follow``, a definition that only links to a numbering style is followed to the
    definition holding that style's levels.
    """
    if numbering is None or num_id is None:
        return None
    for instance in numbering.iter(f"{_W}num"):
        if instance.get(f"{_W}numId") == num_id:
            abstract_id = instance.find(f"{_W}abstractNumId")
            break
    else:
        return None
    if abstract_id is None:
        return None
    definitions = {a.get(f"{_W}abstractNumId"): a for a in numbering.iter(f"{_W}abstractNum")}
    definition = definitions.get(abstract_id.get(f"{_W}val"))
    link = definition.find(f"{_W}numStyleLink") if definition is not None and follow else None
    if link is not None:
        # the levels are those of the definition that defines the numbering style linked to
        linked = link.get(f"{_W}val")
        for other in definitions.values():
            style_link = other.find(f"{_W}styleLink")
            if style_link is not None and style_link.get(f"{_W}val") == linked:
                return other
    return definition


def _levels(definition: Any) -> set[int]:
    """The levels (``w:ilvl``) a list definition defines."""
    levels = set()
    for level in definition.iter(f"{_W}lvl"):
        value = level.get(f"{_W}ilvl", "")
        if value.isdigit():
            levels.add(int(value))
    return levels


def _shallow_lists(numbering: Any, num_ids: Mapping[str, str | None]) -> tuple[str, ...]:
    """The list styles numbered by a definition that lacks a level rich content nests to.

    A style without numbering of its own is left as the template has it.
    """
    shallow = []
    for name, num_id in num_ids.items():
        if num_id is None:
            continue
        definition = _list_definition(numbering, num_id)
        if definition is None or not set(range(LIST_LEVELS)) <= _levels(definition):
            shallow.append(name)
    return tuple(shallow)


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


# -- adding what a template lacks ------------------------------------------------------------


def _fragment(xml: str) -> Any:
    return etree.fromstring(f'<w:x xmlns:w="{W_NS}">{xml}</w:x>', SAFE_PARSER)[0]


def _part_root(files: dict[str, bytes], kind: str, root_tag: str) -> Any:
    """The parsed ``word/{kind}.xml``, created empty (and related) if the package lacks it."""
    name = f"word/{kind}.xml"
    if name not in files:
        xml = f'<w:{root_tag} xmlns:w="{W_NS}"/>'
        add_part(files, name, f"{_WML}.{kind}+xml", f"{REL_NS}/{kind}", xml)
    return etree.fromstring(files[name], SAFE_PARSER)


def _definition(numbered: bool, first: Any, abstract_id: int) -> Any:
    """A list definition with every level; its first level ``first``, if given."""
    definition = _fragment(abstract_num(abstract_id, numbered))
    if first is not None:
        level = copy.deepcopy(first)
        for link in level.findall(f"{_W}pStyle"):
            # the style points to this definition; the template's keeps its own link
            level.remove(link)
        definition.replace(_level(definition, 0), level)
    return definition


def _level(definition: Any, ilvl: int) -> Any:
    """The ``w:lvl`` of a list definition for level ``ilvl``, or None."""
    return next(
        (lvl for lvl in definition.iter(f"{_W}lvl") if lvl.get(f"{_W}ilvl") == str(ilvl)), None
    )


def _add_lists(files: dict[str, bytes], definitions: Iterable[Callable[[int], Any]]) -> list[int]:
    """Add a list definition (made from its ``w:abstractNumId``) and an instance of it each.

    Returns the new instances' ``w:numId``s.
    """
    root = _part_root(files, "numbering", "numbering")
    abstract_ids = [int(a.get(f"{_W}abstractNumId", "0")) for a in root.iter(f"{_W}abstractNum")]
    num_ids = [int(n.get(f"{_W}numId", "0")) for n in root.iter(f"{_W}num")]
    next_abstract = max(abstract_ids, default=-1) + 1
    next_num = max(num_ids, default=0) + 1
    cleanup = root.find(f"{_W}numIdMacAtCleanup")
    added = []
    for make in definitions:
        # every w:abstractNum must come before the first w:num
        first_num = root.find(f"{_W}num")
        definition = make(next_abstract)
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
    files["word/numbering.xml"] = serialize(root)
    return added


def _language(root: Any) -> Any:
    """The ``w:lang`` element of the document defaults, created if missing."""
    defaults = child(root, "docDefaults", first=True)
    return child(child(child(defaults, "rPrDefault", first=True), "rPr"), "lang")


def needs_preparing(files: Mapping[str, bytes], styles: Styles) -> bool:
    """Whether a template lacks a style or list level rich content needs, or German."""
    if styles.shallow_lists or any(name not in styles.ids for name in styles.needed()):
        return True
    if "word/styles.xml" not in files:
        return True
    root = etree.fromstring(files["word/styles.xml"], SAFE_PARSER)
    lang = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}lang")
    return lang is None or lang.get(f"{_W}val") != LANGUAGE


@dataclass(frozen=True)
class _NewStyles:
    """What the styles added to a template are made of, and the style ids taken so far."""

    taken: set[str]
    normal: str  # the id of the template's "Normal", the base of the added paragraph styles
    normal_table: str | None
    list_ids: dict[str, int]  # "list bullet", "list number" -> the w:numId added for it

    def new_id(self, wanted: str) -> str:
        return free_id(wanted, self.taken)


def _new_heading(level: int, new: _NewStyles) -> str:
    return heading_style(level, new.new_id(f"Heading{level}"), new.normal)


def _new_list(name: str, new: _NewStyles) -> str:
    title = name.title()  # "List Bullet"
    return list_style(title, new.new_id(title.replace(" ", "")), new.list_ids[name], new.normal)


def _new_table_grid(new: _NewStyles) -> str:
    return table_grid_style(new.new_id("TableGrid"), new.normal_table)


def _new_quote(new: _NewStyles) -> str:
    return quote_style(new.new_id("Quote"), new.normal)


def _new_caption(new: _NewStyles) -> str:
    return caption_style(new.new_id("Caption"), new.normal)


def _new_hyperlink(new: _NewStyles) -> str:
    return hyperlink_style(new.new_id("Hyperlink"))


# built-in name -> the style added where a template lacks it
_NEW_STYLES: Final[dict[str, Callable[[_NewStyles], str]]] = {
    **{f"heading {n}": partial(_new_heading, n) for n in range(1, 10)},
    "list bullet": partial(_new_list, "list bullet"),
    "list number": partial(_new_list, "list number"),
    "table grid": _new_table_grid,
    "quote": _new_quote,
    "caption": _new_caption,
    "hyperlink": _new_hyperlink,
}


def _new_lists(files: dict[str, bytes], missing: list[str]) -> dict[str, int]:
    """Add a list definition for each list style in ``missing``; its name -> ``w:numId``."""
    lists = [name for name in missing if name in _LIST_STYLES]
    added = _add_lists(files, [partial(_definition, name == "list number", None) for name in lists])
    return dict(zip(lists, added, strict=True))


def _complete_lists(files: dict[str, bytes], root: Any, ids: Mapping[str, str]) -> None:
    """Point each list style whose numbering lacks a level to a definition with every level.

    The new definition's first level is the template's, so that a list without nesting
    looks as the template has it; the levels below follow :func:`abstract_num` (bullets
    stay bullets, numbers go 1., a), i.).
    """
    numbers = {name: _style_numbering(root, ids.get(name)) for name in _LIST_STYLES}
    numbers = {name: num for name, num in numbers.items() if num is not None}
    name = "word/numbering.xml"
    numbering = etree.fromstring(files[name], SAFE_PARSER) if name in files else None
    shallow = _shallow_lists(numbering, {n: num.get(f"{_W}val") for n, num in numbers.items()})
    if not shallow:
        return
    makers = []
    for kind in shallow:
        definition = _list_definition(numbering, numbers[kind].get(f"{_W}val"))
        first = _level(definition, 0) if definition is not None else None
        makers.append(partial(_definition, kind == "list number", first))
    for kind, num_id in zip(shallow, _add_lists(files, makers), strict=True):
        numbers[kind].set(f"{_W}val", str(num_id))


def _linked_to_existing(style: Any, taken: set[str]) -> Any:
    """The style without ``w:basedOn`` or ``w:next`` naming a style the template lacks."""
    for link in style.iter(f"{_W}basedOn", f"{_W}next"):
        if link.get(f"{_W}val") not in taken:
            # a style based on one the template lacks would point nowhere
            link.getparent().remove(link)
    return style


_STYLE_REFERENCE: Final = re.compile(rb'<w:(pStyle|rStyle|tblStyle) w:val="([^"]+)"')
_REFERENCE_TYPES: Final = {b"pStyle": "paragraph", b"rStyle": "character", b"tblStyle": "table"}


def _define_referenced(files: Mapping[str, bytes], root: Any) -> None:
    """Define each style the text refers to but a package without styles could not define.

    Word shows text in an undefined style in the default one; the definition, plain and
    named by its id, says the same, and keeps a styles part from contradicting the text.
    """
    taken = {s.get(f"{_W}styleId") for s in root.iter(f"{_W}style")}
    for part in tag_parts(files):
        for kind, style_id in _STYLE_REFERENCE.findall(files[part]):
            name = style_id.decode("utf-8")
            if name not in taken:
                taken.add(name)
                style = etree.SubElement(root, f"{_W}style")
                style.set(f"{_W}type", _REFERENCE_TYPES[kind])
                style.set(f"{_W}customStyle", "1")
                style.set(f"{_W}styleId", name)
                etree.SubElement(style, f"{_W}name").set(f"{_W}val", name)


#: The relationship from the body to Word 2010's copy of the styles.
_STYLES_WITH_EFFECTS_REL: Final = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
)


def prepare_styles(files: Mapping[str, bytes], needed: Iterable[str]) -> dict[str, bytes]:
    """The package in German, with every style in ``needed`` and every level of its lists.

    A list style whose numbering lacks a level rich content nests to is pointed to a new
    definition that has them all (see :attr:`Styles.shallow_lists`). Word 2010's copy of
    the styles (``stylesWithEffects.xml``) is dropped: it would contradict the changed
    styles, and every Word since 2013 writes none.

    Args:
        files: the package's parts by name.
        needed: built-in names of styles, as :meth:`Styles.needed` lists them; those the
            template lacks are added as plain defaults.
    """
    out = dict(files)
    created = "word/styles.xml" not in out
    root = _part_root(out, "styles", "styles")
    _language(root).set(f"{_W}val", LANGUAGE)
    ids = _style_ids(root)
    _complete_lists(out, root, ids)
    missing = [name for name in needed if name not in ids]
    if missing:
        new = _NewStyles(
            taken={s.get(f"{_W}styleId", "") for s in root.iter(f"{_W}style")},
            normal=ids.get("normal") or "Normal",
            normal_table=ids.get("normal table"),
            list_ids=_new_lists(out, missing),
        )
        for name in missing:
            root.append(_linked_to_existing(_fragment(_NEW_STYLES[name](new)), new.taken))
    if created:
        _define_referenced(out, root)
    out["word/styles.xml"] = serialize(root)
    stale = related_part(out, "word/document.xml", _STYLES_WITH_EFFECTS_REL)
    if stale is not None:
        drop_part(out, stale)
    return out
