"""Word styles and list numbering: find a template's built-in styles, add the ones it lacks.

Styles are found by their built-in name (:func:`builtin_name`), not their id, here and in
the accessibility checker alike: German Word writes the id ``berschrift1`` for the style
named ``heading 1``, and some programs save the German name ("Überschrift 1") itself. A
template that lacks a style rich content needs gets a plain default one (built by
:mod:`vorlagen.docx.build`), so that no heading or list ever comes out as unstyled text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
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
from vorlagen.docx.package import SAFE_PARSER, add_part, free_id, serialize

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
    files["word/numbering.xml"] = serialize(root)
    return added


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
    lists = [name for name in missing if name in ("list bullet", "list number")]
    added = _add_lists(files, [name == "list number" for name in lists])
    return dict(zip(lists, added, strict=True))


def _linked_to_existing(style: Any, taken: set[str]) -> Any:
    """The style without ``w:basedOn`` or ``w:next`` naming a style the template lacks."""
    for link in style.iter(f"{_W}basedOn", f"{_W}next"):
        if link.get(f"{_W}val") not in taken:
            # a style based on one the template lacks would point nowhere
            link.getparent().remove(link)
    return style


def prepare_styles(files: Mapping[str, bytes], needed: Iterable[str]) -> dict[str, bytes]:
    """The package with German as its language and every style in ``needed`` present.

    Args:
        files: the package's parts by name.
        needed: built-in names of styles, as :meth:`Styles.needed` lists them; those the
            template lacks are added as plain defaults.
    """
    out = dict(files)
    root = _part_root(out, "styles", "styles")
    _language(root).set(f"{_W}val", LANGUAGE)
    ids = _style_ids(root)
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
    out["word/styles.xml"] = serialize(root)
    return out
