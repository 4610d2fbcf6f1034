"""A document's body as XML text, put into another document without parsing it.

Putting forty papers into one document (:mod:`vorlagen.docx.compose`) changes little in each
body: list numbers, relationship ids, perhaps style ids, the outline level of its headings,
the ids of its drawings. Parsing each body into a tree and serializing it again costs more
than rendering the paper did; this module makes the same changes in the text instead.

It does so only where the text is plain enough for that to be exact: the body uses the
prefixes the whole document declares (``w``, ``r``, ``wp`` as Word writes them) and
declares none of its own, is one section, holds no comment, processing instruction or CDATA
section, and
every element to change is written in the one form Word and the renderer write, with
values that hold no character reference (``&amp;``: a value is compared as written).
Otherwise :func:`body_text` or :meth:`BodyText.rewritten` give None, and the caller parses
the body. Each value is found in a start tag (text cannot hold a ``<``), so text that looks
like markup is never touched.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from lxml import etree

from vorlagen.docx.ns import MC_NS, REL_NS, W_NS, WP_NS
from vorlagen.docx.package import SAFE_PARSER

__all__ = ["BodyText", "body_text"]

_ROOT: Final = re.compile(rb'\s*(<\?xml[^>]*\?>\s*)?(<w:document((?:\s+[\w:.-]+="[^"]*")*)\s*>)')
_UTF8: Final = re.compile(rb"""encoding\s*=\s*["']utf-?8["']""", re.IGNORECASE)
_ATTRIBUTE: Final = re.compile(rb'\s+([\w:.-]+)="([^"]*)"')
_BODY_START: Final = re.compile(rb"\s*<w:body>")
_BODY_END: Final = re.compile(rb"</w:body>\s*</w:document>\s*")
_SECT_END: Final = re.compile(rb"(?:</w:sectPr>|<w:sectPr(?:\s+[\w:.-]+=\"[^\"]*\")*\s*/>)\s*$")
_NOT_PLAIN: Final = (b"xmlns", b"<!", b"<?")  # declarations, comments, CDATA, instructions

# what changes, in the one form Word and the renderer write it; an element of these names
# written otherwise (group "other") means the text is not as expected
_CHANGING: Final = re.compile(
    rb'<w:(numId|pStyle|rStyle|tblStyle)(?: w:val="([^"&]*)"\s*/>|(?P<other>[\s/>]))'
    rb'|<wp:docPr((?:\s+[\w:.-]+="[^"]*")*)(\s*/?>)|<wp:docPr(?P<loose>[\s/>])'
)
# an attribute in the relationships namespace (r:id, r:embed, ...) however written, and a
# whole start tag as expected
_RELATING: Final = re.compile(rb"r:[\w.-]+\s*=")
_START_TAG: Final = re.compile(rb'<[\w.-]+:[\w.-]+((?:\s+[\w:.-]+="[^"]*")*)(\s*/?>)')
_PPR_TAG: Final = re.compile(rb"<w:pPr>|</w:pPr>")
# the first of a paragraph's properties that go after w:outlineLvl (see ns.reorder_ppr)
_AFTER_LEVEL: Final = re.compile(rb"<w:(?:divId|cnfStyle|rPr|sectPr|pPrChange)[\s/>]|</w:pPr>")
_LEVEL: Final = re.compile(rb'<w:outlineLvl w:val="\d*"\s*/>')
_PREFIXES: Final = {b"w": W_NS.encode(), b"r": REL_NS.encode(), b"wp": WP_NS.encode()}
_STANDARD: Final = frozenset(_PREFIXES.values())  # found only under these prefixes

_Edit = tuple[int, int, bytes]  # replace text[start:end] by the bytes


@dataclass(frozen=True)
class BodyText:
    """A body as text: the root's start tag, the content before its ``w:sectPr``, that.

    ``changing`` are the list, style and drawing elements found in ``inner``, ``relating``
    the spans of the attributes of each start tag there with a relationship id.
    """

    head: bytes
    inner: bytes
    sect_pr: Any
    changing: list[re.Match[bytes]]
    relating: list[tuple[int, int]]

    @property
    def num_ids(self) -> set[str]:
        """The list instances the text uses."""
        return {m[2].decode() for m in self.changing if m[1] == b"numId"}

    @property
    def relationship_ids(self) -> set[str]:
        """The relationships the text and its ``w:sectPr`` refer to."""
        return {
            value.decode()
            for start, end in self.relating
            for name, value in _ATTRIBUTE.findall(self.inner, start, end)
            if name.startswith(b"r:")
        } | {str(value) for value in relationship_attributes(self.sect_pr)}

    def rewritten(
        self,
        nums: Mapping[str, str],
        styles: Mapping[str, str],
        relationships: Mapping[str, str],
        levels: Mapping[str, int],
        first_drawing: int,
    ) -> tuple[bytes, int] | None:
        """The text with new list, style and relationship ids, outline levels, drawing ids.

        Each heading paragraph (its style, once renamed, in ``levels``) gets the outline
        level ``levels`` gives it (0 the top), drawings are numbered from ``first_drawing``;
        the text and the number of drawings in it are returned. None if a heading's
        properties are not written as this expects. The relationships of the ``w:sectPr``
        are changed in place.
        """
        edits: list[_Edit] = []
        drawing = first_drawing
        for match in self.changing:
            if match[1] is None:  # a drawing
                edits.append((*match.span(), _numbered(match, drawing)))
                drawing += 1
                continue
            new = {b"numId": nums}.get(match[1], styles).get(match[2].decode())
            if new is not None:
                edits.append((*match.span(), b'<w:%s w:val="%s"/>' % (match[1], new.encode())))
            level = levels.get(new or match[2].decode()) if match[1] == b"pStyle" else None
            if level is not None:
                leveled = self._leveled(match, level)
                if leveled is None:
                    return None
                edits.append(leveled)
        for start, end in self.relating if relationships else ():
            attributes = _ATTRIBUTE.findall(self.inner, start, end)
            edits.append((start, end, b"".join(_related(a, relationships) for a in attributes)))
        for value in relationship_attributes(self.sect_pr):
            if value in relationships:
                value.getparent().set(value.attrname, relationships[value])
        return _edited(self.inner, edits), drawing - first_drawing

    def _leveled(self, style: re.Match[bytes], level: int) -> _Edit | None:
        """The edit that gives the paragraph of a heading style its outline level.

        The level goes where the schema orders it: before the first property that follows
        it (none of those before it holds one of those after it). None unless the style is
        the first of the properties, or if a level is there but written otherwise.
        """
        start = style.start() - len(b"<w:pPr>")
        if not self.inner.startswith(b"<w:pPr>", start):
            return None
        end = _closing(self.inner, start)
        after = _AFTER_LEVEL.search(self.inner, style.end(), end) if end is not None else None
        if after is None:
            return None
        new = b'<w:outlineLvl w:val="%d"/>' % level
        present = self.inner.find(b"<w:outlineLvl", style.end(), after.start())
        if present < 0:
            return (after.start(), after.start(), new)
        written = _LEVEL.match(self.inner, present)
        return (*written.span(), new) if written is not None else None


def body_text(
    data: bytes, namespaces: Mapping[str | None, str], ignorable: frozenset[str]
) -> BodyText | None:
    """A main document part's body as text, or None if it cannot go in as text.

    It can where the whole document's root declares its prefixes (``namespaces``) and
    ignores the prefixes it ignores (``ignorable``), and where it is written as expected.
    """
    root = _ROOT.match(data)
    if root is None or not _fits(root[3], namespaces, ignorable) or not _utf8(root[1]):
        return None
    parts = _plain_body(data, root.end())
    if parts is None:
        return None
    inner, tail = parts
    changing = list(_CHANGING.finditer(inner))
    relating = _relating(inner)
    if relating is None or any(
        match["other"] is not None or match["loose"] is not None for match in changing
    ):
        return None  # an element written otherwise than expected
    sect_pr = etree.fromstring(root[2] + tail + b"</w:document>", SAFE_PARSER)[0]
    return BodyText(root[2], inner, sect_pr, changing, relating)


def _utf8(declaration: bytes | None) -> bool:
    """Whether an XML declaration (or its absence) means UTF-8, as the whole is written."""
    return declaration is None or b"encoding" not in declaration or bool(_UTF8.search(declaration))


def _plain_body(data: bytes, start_at: int) -> tuple[bytes, bytes] | None:
    """A body's content before its ``w:sectPr``, and that; None unless plain, one section."""
    start = _BODY_START.match(data, start_at)
    end = data.rfind(b"</w:body>")
    if start is None or end < 0 or _BODY_END.fullmatch(data, end) is None:
        return None
    body = data[start.end() : end]
    sect_start = body.rfind(b"<w:sectPr")
    tail = body[sect_start:]
    if sect_start < 0 or not _SECT_END.search(tail) or b"</w:p>" in tail or b"Change" in tail:
        return None
    inner = body[:sect_start]
    # sections of its own are each fitted into the whole, in the tree
    if any(text in body for text in _NOT_PLAIN) or b"<w:sectPr" in inner:
        return None
    return inner, tail


def _fits(
    attributes: bytes, namespaces: Mapping[str | None, str], ignorable: frozenset[str]
) -> bool:
    """Whether a root with ``attributes`` declares nothing the whole does not (alike)."""
    declared: dict[bytes, bytes] = {}
    own_ignorable: set[str] = set()
    for name, value in _ATTRIBUTE.findall(attributes):
        if name.startswith(b"xmlns:"):
            declared[name[6:]] = value
        elif name == b"mc:Ignorable":
            own_ignorable.update(value.decode().split())
        elif name == b"xmlns":
            return False
    return (
        all(namespaces.get(p.decode()) == v.decode() for p, v in declared.items())
        and all(declared.get(p) in (None, v) for p, v in _PREFIXES.items())
        and all(_PREFIXES.get(p) == v for p, v in declared.items() if v in _STANDARD)
        and declared.get(b"mc", MC_NS.encode()) == MC_NS.encode()
        and own_ignorable <= ignorable
    )


# every attribute in the relationships namespace (r:id, r:embed, r:link, ...) of a tree
_RELATIONSHIP_ATTRIBUTES: Final = etree.XPath(".//@r:*", namespaces={"r": REL_NS})


def relationship_attributes(root: Any) -> list[Any]:
    """The relationship ids a tree refers to, as attribute values that know their element."""
    found: Any = _RELATIONSHIP_ATTRIBUTES(root)
    return list(found)


def _relating(inner: bytes) -> list[tuple[int, int]] | None:
    """Where the attributes of each start tag with a relationship id are in ``inner``.

    None if an ``r:`` attribute is not in such a start tag (then it is text, or markup
    written otherwise than expected).
    """
    places: list[tuple[int, int]] = []
    for match in _RELATING.finditer(inner):
        if not inner[match.start() - 1 : match.start()].isspace():
            continue  # "Nr:" or "w:r:": not this namespace's prefix
        tag = _START_TAG.match(inner, inner.rfind(b"<", 0, match.start()))
        if tag is None or tag.end(1) <= match.start() or b"&" in tag[1]:
            return None
        if not places or places[-1] != tag.span(1):
            places.append(tag.span(1))
    return places


def _related(attribute: tuple[bytes, bytes], relationships: Mapping[str, str]) -> bytes:
    """An attribute (name, value) as text, with its new relationship id if it has one."""
    name, value = attribute
    if name.startswith(b"r:"):
        old = value.decode()
        value = relationships.get(old, old).encode()
    return b' %s="%s"' % (name, value)


def _numbered(match: re.Match[bytes], number: int) -> bytes:
    """A ``wp:docPr`` start tag with ``number`` as its id."""
    attributes = dict(_ATTRIBUTE.findall(match[4]))
    attributes[b"id"] = b"%d" % number
    return b"<wp:docPr" + b"".join(b' %s="%s"' % a for a in attributes.items()) + match[5]


def _edited(text: bytes, edits: list[_Edit]) -> bytes:
    """``text`` with the edits made (they do not overlap)."""
    parts: list[bytes] = []
    done = 0
    for start, end, new in sorted(edits, key=lambda edit: edit[:2]):
        parts += [text[done:start], new]
        done = end
    return b"".join([*parts, text[done:]])


def _closing(text: bytes, start: int) -> int | None:
    """Where the ``w:pPr`` that starts at ``start`` ends (after its end tag)."""
    depth = 0
    for tag in _PPR_TAG.finditer(text, start):
        depth += 1 if tag[0] == b"<w:pPr>" else -1
        if depth == 0:
            return tag.end()
    return None
