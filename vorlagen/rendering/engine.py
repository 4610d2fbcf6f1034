"""The one render path: a template's package prepared once, then filled in for each paper.

Nothing here knows about council papers: callers pass the context (whose hooks format the
values, see :mod:`vorlagen.rendering.sandbox`), the :class:`~vorlagen.rendering.content.RenderState`
that rich content fills while it is written, and the document's properties.

Preparing reads the tags of every part that holds them (body, headers, footers, foot- and
endnotes) and compiles them with Jinja, and compresses every part once. A render fills in
the compiled parts, adds what rich content needs beyond its XML (list numbering, hyperlink
and image relationships, image parts), sets the properties and writes the zip; the parts
that did not change are copied compressed.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any, Final

import jinja2
from jinja2 import meta
from lxml import etree

from vorlagen.docx import ns
from vorlagen.docx.package import (
    CORE_REL,
    EMPTY_RELS,
    NUMBERING_REL,
    SAFE_PARSER,
    XML_DECLARATION,
    Entry,
    add_part,
    add_relationship,
    deflate,
    related_part,
    relative,
    rels_name,
    serialize,
    tag_parts,
    write_zip,
    zip_time,
)
from vorlagen.errors import ProblemKind, RenderError, TemplateProblem
from vorlagen.rendering.content import RenderState, escape
from vorlagen.rendering.tags import Source, has_tags, jinja_source, structure_problems

__all__ = ["Engine", "Properties"]

_W: Final = f"{{{ns.W_NS}}}"
_CORE: Final = "docProps/core.xml"
_CORE_TYPE: Final = "application/vnd.openxmlformats-package.core-properties+xml"
_CONTENT_TYPES: Final = "[Content_Types].xml"
_NUMBERING_TYPE: Final = f"{ns.WML_CONTENT_TYPE}.numbering+xml"
_DEFAULT_TYPES: Final = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "rels": "application/vnd.openxmlformats-package.relationships+xml",
}
_HYPERLINK: Final = f"{ns.REL_NS}/hyperlink"
_IMAGE: Final = f"{ns.REL_NS}/image"
_FIRST_DRAWING_ID: Final = 1001  # where drawing ids start in a rendered body
#: Space above a paragraph right after a table (which Word and LibreOffice leave bare).
SPACE_AFTER_TABLE: Final = 120

_BREAK_IN_TEXT = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\n]")
_DRAWING_ID = re.compile(r'(<wp:docPr\b[^>]*?\sid=")[^"]*(")')
# a paragraph right after a table, with its properties
_AFTER_TABLE = re.compile(
    r"</w:tbl><w:p(?: [^>]*?)?(/?)>(<w:pPr>(?:(?!</w:pPr>).)*?</w:pPr>)?", re.S
)
_STYLE = re.compile(r'<w:pStyle w:val="([^"]*)"')
_BARE_AFTER_TABLE = re.compile(r"</w:tbl>(<w:p(?: [^>]*)?(?<!/)>)(?!<w:pPr[ />])")
_SPACED_PARAGRAPH = rf'</w:tbl>\1<w:pPr><w:spacing w:before="{SPACE_AFTER_TABLE}"/></w:pPr>'
# docxtpl's way of printing a literal tag in a template: {_{ ... }_}
_MARKERS: Final = (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}"))


@dataclass(frozen=True)
class Properties:
    """The document properties a render sets (after rendering: no value passes Jinja)."""

    title: str
    subject: str
    author: str
    created: date


@dataclass(frozen=True)
class _Part:
    """A part that holds tags, compiled; or, without any tag, its text as it stays."""

    template: jinja2.Template | None
    body: bool
    source: Source

    def render(self, context: Mapping[str, Any]) -> str:
        text = self.source.text if self.template is None else self.template.render(context)
        return self.source.expand(text)


#: A part to fill after rendering, and how, from the rendered parts by name.
Carry = tuple[str, Callable[[Mapping[str, bytes]], bytes]]


@dataclass(frozen=True)
class Engine:
    """A template's package, prepared: immutable, and safe to render from many threads.

    Attributes:
        parts: the compiled parts that hold tags, by name, the body first.
        order: every entry of the package, in the order it is written.
        entries: every part compressed as it is before rendering.
        files: every part as it is before rendering (for the ones a render may change).
        numbering: the name of the numbering part (if the body has one) and its XML around
            the place where new list instances go.
        core: the name of the core properties part and its XML around the place of the
            properties a render sets (which are taken out of it).
        images: the template's own image parts by the SHA-1 of their content.
        spaced: the paragraph styles that give a paragraph space above (``""``: the
            default style, for a paragraph without one).
    """

    parts: Mapping[str, _Part]
    order: tuple[str, ...]
    entries: Mapping[str, Entry]
    files: Mapping[str, bytes]
    numbering: tuple[str, bytes, bytes] | None
    core: tuple[str, bytes, bytes]
    images: Mapping[str, str]
    spaced: frozenset[str]

    @classmethod
    def prepare(
        cls, files: Mapping[str, bytes], env: jinja2.Environment, names: frozenset[str]
    ) -> Engine | list[TemplateProblem]:
        """Prepare a checked template's package; or what Jinja itself still finds wrong.

        ``names`` are the names the context will hold; any other is a problem.
        """
        package = dict(files)
        core = related_part(package, "", CORE_REL)
        if core is None:
            core = _CORE
            add_part(package, core, _CORE_TYPE, CORE_REL, _EMPTY_CORE, source="")
        parts: dict[str, _Part] = {}
        problems: list[TemplateProblem] = []
        for name in tag_parts(package):
            source = jinja_source(package[name])
            body = name == "word/document.xml"
            if not has_tags(source.text):  # no tag at all: nothing to parse or compile
                parts[name] = _Part(None, body, source)
                continue
            compiled = _compile(env, name, source, names, problems)
            if compiled is not None:
                parts[name] = _Part(compiled, body, source)
        if problems:
            return problems
        order = tuple(sorted(package, key=lambda n: n != _CONTENT_TYPES))
        numbering = related_part(package, "word/document.xml", NUMBERING_REL)
        return cls(
            parts=MappingProxyType(parts),
            order=order,
            entries=MappingProxyType({name: deflate(name, package[name]) for name in order}),
            files=MappingProxyType(package),
            numbering=None if numbering is None else (numbering, *_numbering(package[numbering])),
            core=(core, *_core_without_properties(package[core])),
            images=MappingProxyType(_images(package)),
            spaced=_spaced_styles(package.get("word/styles.xml")),
        )

    def render(
        self,
        context: Mapping[str, Any],
        state: RenderState,
        properties: Properties,
        carry: Carry | None = None,
    ) -> bytes:
        """Render the template: DOCX bytes; the same input always gives the same bytes.

        ``carry`` names a part of the package and makes its content from the rendered parts
        (the data the document carries, see :mod:`vorlagen.daten`).
        """
        changed = self._changed(context, state, properties)
        if carry is not None:
            name, make = carry
            changed[name] = make({**self.files, **changed})
        entries = [
            deflate(name, changed.pop(name)) if name in changed else self.entries[name]
            for name in self.order
        ]
        entries += [deflate(name, content) for name, content in changed.items()]
        return write_zip(entries, zip_time(properties.created))

    def render_files(
        self, context: Mapping[str, Any], state: RenderState, properties: Properties
    ) -> dict[str, bytes]:
        """Render the template: every part of the package by name, not zipped.

        For a document that goes on into another one (a Sitzungsmappe), which saves
        compressing it here and unpacking it there.
        """
        return {**self.files, **self._changed(context, state, properties)}

    def _changed(
        self, context: Mapping[str, Any], state: RenderState, properties: Properties
    ) -> dict[str, bytes]:
        """The parts a render changes or adds, by name."""
        changed: dict[str, bytes] = {}
        with _render_errors():
            for name, part in self.parts.items():
                state.part = name
                changed[name] = _finish(part.render(context), part, self.spaced)
        if state.nums and self.numbering is not None:
            name, head, tail = self.numbering
            changed[name] = head + "".join(state.nums).encode("utf-8") + tail
        if state.links or state.images:
            changed.update(self._relate(state))
        name, head, tail = self.core
        changed[name] = head + _properties_xml(properties) + tail
        return changed

    def _relate(self, state: RenderState) -> dict[str, bytes]:
        """The relationships, image parts and content types hyperlinks and images need.

        Each part that holds a hyperlink or an image gets the relationships in its own
        relationships part; an image equal to one the package holds shares its part.
        """
        changed: dict[str, bytes] = {}
        by_digest = dict(self.images)
        for part in sorted({*state.links, *state.images}):
            rels_part = rels_name(part)
            rels = etree.fromstring(self.files.get(rels_part, EMPTY_RELS), SAFE_PARSER)
            for target, rel_id in state.links.get(part, {}).items():
                add_relationship(rels, rel_id, _HYPERLINK, target, external=True)
            for rel_id, data in state.images.get(part, {}).items():
                digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
                name = by_digest.get(digest)
                if name is None:
                    name = _image_name(data, {*by_digest.values(), *self.files})
                    by_digest[digest] = name
                    changed[name] = data
                add_relationship(rels, rel_id, _IMAGE, relative(part, name))
            changed[rels_part] = serialize(rels)
        added = {name.rpartition(".")[2] for name in changed if name.startswith("word/media/")}
        types = _with_defaults(self.files[_CONTENT_TYPES], added | {"rels"})
        if types is not None:
            changed[_CONTENT_TYPES] = types
        return changed


_EMPTY_CORE: Final = (
    f'<cp:coreProperties xmlns:cp="{ns.CP_NS}" xmlns:dc="{ns.DC_NS}" '
    f'xmlns:dcterms="{ns.DCTERMS_NS}" xmlns:xsi="{ns.XSI_NS}"/>'
)


def _compile(
    env: jinja2.Environment,
    part: str,
    source: Source,
    names: frozenset[str],
    problems: list[TemplateProblem],
) -> jinja2.Template | None:
    """A part's source compiled; None, and its problems added, if it cannot be rendered."""
    try:
        numbered = env.parse(source.numbered)
        declared = meta.find_undeclared_variables(numbered)  # compiles: unknown filters fail
    except jinja2.TemplateSyntaxError as e:
        problems.append(
            TemplateProblem(
                part, f"Syntaxfehler: {e.message}", _paragraph(e.lineno), kind=ProblemKind.SYNTAX
            )
        )
        return None
    broken = [
        TemplateProblem(part, message, _paragraph(line), kind=ProblemKind.SPLIT_BLOCK)
        for line, message in structure_problems(source.numbered)
    ]
    problems += broken
    unknown = sorted(declared - names)
    for name in unknown:
        problems.append(
            TemplateProblem(
                part,
                f"unbekannter Name {name!r}; verfügbar: {', '.join(sorted(names))}",
                _paragraph(_line_of(source.numbered, name)),
                name,
                kind=ProblemKind.UNKNOWN_NAME,
            )
        )
    return None if unknown or broken else env.from_string(source.text)


@contextmanager
def _render_errors() -> Iterator[None]:
    """Jinja's errors while rendering, as RenderErrors."""
    try:
        yield
    except jinja2.UndefinedError as e:
        msg = f"die Vorlage verwendet einen unbekannten Namen: {e.message}"
        raise RenderError(msg) from e
    except jinja2.exceptions.SecurityError as e:
        msg = f"die Vorlage versucht einen unzulässigen Zugriff: {e}"
        raise RenderError(msg) from e
    except (jinja2.TemplateError, ArithmeticError, ValueError, TypeError) as e:
        # what an expression in a template can raise ({{ 1/0 }}, {{ range(10**6) }}, ...)
        msg = f"die Vorlage ließ sich nicht ausfüllen: {type(e).__name__}: {e}"
        raise RenderError(msg) from e


# -- a rendered part ----------------------------------------------------------------------------


def _finish(xml: str, part: _Part, spaced: frozenset[str]) -> bytes:
    """A rendered part as its XML bytes, in Word's form.

    Tabs and line breaks in text become Word's ``w:tab`` and ``w:br``; a table whose rows a
    column tag changed gets a grid that fits; in the body, drawings are numbered and a
    paragraph that directly follows a table gets some space above it. The XML is
    well-formed without being parsed: the template's is, every value is escaped, rich
    content is written whole, and no block of the template cuts an element in half
    (:func:`~vorlagen.rendering.tags.structure_problems`); it is parsed only where an
    element must change.
    """
    xml = _unmarked(xml.replace("\n<w:p>", "<w:p>").replace("\n<w:p ", "<w:p "))
    spacing = False
    if part.body:
        xml = _numbered_drawings(xml)
        xml, spacing = _spaced_after_tables(xml, spaced)
    data = (XML_DECLARATION + xml).encode("utf-8")
    breaks = ("\t" in xml or "\n" in xml) and _BREAK_IN_TEXT.search(xml) is not None
    if not (breaks or spacing or part.source.column_tags):
        return data
    root = etree.fromstring(data, _RENDERED)
    if breaks:
        _resolve_breaks(root)
    if part.source.column_tags:
        _fit_grids(root)
    if spacing:
        _space_after_tables(root, spaced)
    return serialize(root)


def _unmarked(xml: str) -> str:
    """The markers of a literal tag (``{_{`` ... ``}_}``) as the tag they stand for."""
    if "{_" in xml or "_}" in xml:
        for marker, tag in _MARKERS:
            xml = xml.replace(marker, tag)
    return xml


def _numbered_drawings(xml: str) -> str:
    """The drawings of a body numbered from 1001 in document order (their ids must differ)."""
    if "<wp:docPr" not in xml:
        return xml
    numbers = iter(range(_FIRST_DRAWING_ID, _FIRST_DRAWING_ID + xml.count("<wp:docPr")))
    return _DRAWING_ID.sub(lambda m: f"{m.group(1)}{next(numbers)}{m.group(2)}", xml)


def _spaced_after_tables(xml: str, spaced: frozenset[str]) -> tuple[str, bool]:
    """Space above the bare paragraphs right after a table, set in the text.

    Also says whether other paragraphs right after a table need space above, which only
    their parsed properties can take.
    """
    if "</w:tbl><w:p" not in xml:
        return xml, False
    if "" not in spaced:  # a paragraph without properties: the simple case
        xml = _BARE_AFTER_TABLE.sub(_SPACED_PARAGRAPH, xml)
    return xml, any(
        m.group(1) or _needs_space(m.group(2) or "", spaced) for m in _AFTER_TABLE.finditer(xml)
    )


def _spaced_styles(styles: bytes | None) -> frozenset[str]:
    """The paragraph styles with space above (set in them or in a style they are based on).

    ``""`` stands for the default paragraph style, which a paragraph without a style has.
    """
    if styles is None:
        return frozenset()
    own: dict[str, bool] = {}
    based: dict[str, str] = {}
    default = ""
    for style in etree.fromstring(styles, SAFE_PARSER).iter(f"{_W}style"):
        if style.get(f"{_W}type") != "paragraph":
            continue
        style_id = str(style.get(f"{_W}styleId", ""))
        spacing = style.find(f"{_W}pPr/{_W}spacing")
        own[style_id] = spacing is not None and spacing.get(f"{_W}before") is not None
        parent = style.find(f"{_W}basedOn")
        if parent is not None:
            based[style_id] = str(parent.get(f"{_W}val", ""))
        if style.get(f"{_W}default") in ("1", "true", "on"):
            default = style_id

    def spaced(style_id: str, seen: frozenset[str] = frozenset()) -> bool:
        if own.get(style_id) or style_id not in based or style_id in seen:
            return bool(own.get(style_id))
        return spaced(based[style_id], seen | {style_id})

    found = {style_id for style_id in own if spaced(style_id)}
    return frozenset(found | ({""} if default in found else set()))


def _needs_space(ppr: str, spaced: frozenset[str]) -> bool:
    """Whether a paragraph with these properties has no space above, its own or its style's."""
    if "w:before=" in ppr:
        return False
    style = _STYLE.search(ppr)
    return (style.group(1) if style else "") not in spaced


# A rendered part is the template's own XML with text filled in: large, but never a DTD.
_RENDERED: Final = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
)


def _resolve_breaks(root: Any) -> None:
    """Tabs and newlines in text as Word writes them: a ``w:tab`` run, a ``w:br``."""
    for text in list(root.iter(f"{_W}t")):
        run = text.getparent()
        if run.tag == f"{_W}r" and ("\t" in (text.text or "") or "\n" in (text.text or "")):
            _split_run(run, text)


def _split_run(run: Any, text: Any) -> None:
    """Split ``run`` at the tabs in ``text``: each tab a run of its own, in the same format.

    Newlines stay in their run as line breaks. What followed ``text`` in the run moves to
    the last of the new runs.
    """
    rpr = run.find(f"{_W}rPr")
    following = list(text.itersiblings())
    segments = (text.text or "").split("\t")
    _fill(run, text, segments[0])
    current = run
    for segment in segments[1:]:
        tab = _run_like(rpr)
        etree.SubElement(tab, f"{_W}tab")
        current.addnext(tab)
        current = _run_like(rpr)
        tab.addnext(current)
        _fill(current, _text_element(current), segment)
    if current is not run:
        current.extend(following)


def _fill(run: Any, first: Any, text: str) -> None:
    """Put ``text`` into ``first`` (a ``w:t`` in ``run``), its newlines as ``w:br``."""
    lines = text.split("\n")
    first.text = lines[0]
    anchor = first
    for line in lines[1:]:
        br = etree.Element(f"{_W}br")
        anchor.addnext(br)
        anchor = _text_element(None)
        anchor.text = line
        br.addnext(anchor)


def _run_like(rpr: Any) -> Any:
    run = etree.Element(f"{_W}r")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    return run


def _text_element(run: Any) -> Any:
    element = etree.Element(f"{_W}t") if run is None else etree.SubElement(run, f"{_W}t")
    element.set(f"{{{ns.XML_NS}}}space", "preserve")
    return element


def _fit_grids(root: Any) -> None:
    """Give each table whose rows have more cells than its grid (a column loop) a new grid.

    The table keeps its width; the columns share it equally.
    """
    for table in root.iter(f"{_W}tbl"):
        grid = table.find(f"{_W}tblGrid")
        if grid is None:
            continue
        columns = grid.findall(f"{_W}gridCol")
        cells = max((_columns(row) for row in table.iterchildren(f"{_W}tr")), default=0)
        if cells == len(columns) or cells == 0:
            continue
        width = sum(int(col.get(f"{_W}w", "0")) for col in columns)
        for col in columns:
            grid.remove(col)
        for _ in range(cells):
            etree.SubElement(grid, f"{_W}gridCol").set(f"{_W}w", str(width // cells))


def _columns(row: Any) -> int:
    """How many grid columns a table row spans."""
    spans = (tc.find(f"{_W}tcPr/{_W}gridSpan") for tc in row.iterchildren(f"{_W}tc"))
    return sum(int(span.get(f"{_W}val", "1")) if span is not None else 1 for span in spans)


def _space_after_tables(root: Any, spaced: frozenset[str]) -> None:
    """Give a paragraph that directly follows a table some space above it.

    Word and LibreOffice put no space below a table; text following one would touch it.
    A paragraph that has space above, its own or its style's (``spaced``), is left as it is.
    """
    for table in root.iter(f"{_W}tbl"):
        following = table.getnext()
        if following is None or following.tag != f"{_W}p":
            continue
        ppr = ns.child(following, "pPr", first=True)
        style = ppr.find(f"{_W}pStyle")
        if (style.get(f"{_W}val", "") if style is not None else "") in spaced:
            continue
        spacing = ppr.find(f"{_W}spacing")
        if spacing is None:
            spacing = ns.child(ppr, "spacing")
            ns.reorder_ppr(ppr)
        if spacing.get(f"{_W}before") is None:
            spacing.set(f"{_W}before", str(SPACE_AFTER_TABLE))


# -- the package's other parts ------------------------------------------------------------------


_MARK: Final = "vorlagen"


def _around_mark(root: Any) -> tuple[bytes, bytes]:
    """A part's XML before and after the comment that marks where a render inserts."""
    head, _, tail = serialize(root).partition(f"<!--{_MARK}-->".encode())
    return head, tail


def _with_prefixes(root: Any, prefixes: dict[str, str]) -> Any:
    """``root``, or a copy of it that declares ``prefixes``, for XML a render inserts as text."""
    if all(root.nsmap.get(prefix) == uri for prefix, uri in prefixes.items()):
        return root
    declared = {prefix: uri for prefix, uri in root.nsmap.items() if prefix is not None}
    copy_ = etree.Element(root.tag, nsmap={**declared, **prefixes})
    copy_.attrib.update(root.attrib)
    copy_.extend(list(root))
    return copy_


def _numbering(xml: bytes) -> tuple[bytes, bytes]:
    """The numbering part around the place of new ``w:num``s: before Word's clean-up marker."""
    root = _with_prefixes(etree.fromstring(xml, SAFE_PARSER), {"w": ns.W_NS})
    cleanup = root.find(f"{_W}numIdMacAtCleanup")
    mark = etree.Comment(_MARK)
    if cleanup is not None:
        cleanup.addprevious(mark)
    else:
        root.append(mark)
    return _around_mark(root)


_PROPERTY_NS: Final = {"cp": ns.CP_NS, "dc": ns.DC_NS, "dcterms": ns.DCTERMS_NS, "xsi": ns.XSI_NS}
_SET: Final = {
    (ns.DC_NS, "title"), (ns.DC_NS, "subject"), (ns.DC_NS, "creator"), (ns.DC_NS, "language"),
    (ns.DC_NS, "description"), (ns.CP_NS, "lastModifiedBy"), (ns.CP_NS, "revision"),
    (ns.CP_NS, "keywords"), (ns.DCTERMS_NS, "created"), (ns.DCTERMS_NS, "modified"),
}  # fmt: skip


def _core_without_properties(xml: bytes) -> tuple[bytes, bytes]:
    """The core properties without those a render sets, around the place they go.

    The other properties of the template (category, status, ...) stay as they are.
    """
    root = _with_prefixes(etree.fromstring(xml, SAFE_PARSER), _PROPERTY_NS)
    for element in list(root):
        qname = etree.QName(element)
        if (qname.namespace, qname.localname) in _SET:
            root.remove(element)
    root.append(etree.Comment(_MARK))
    return _around_mark(root)


def _properties_xml(properties: Properties) -> bytes:
    """The properties a render sets, as the XML inserted into the core properties part."""
    when = f"{properties.created.isoformat()}T00:00:00Z"
    author = escape(_property(properties.author))
    return (
        f"<dc:title>{escape(_property(properties.title))}</dc:title>"
        f"<dc:subject>{escape(_property(properties.subject))}</dc:subject>"
        f"<dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>"
        f"<dc:language>{ns.LANGUAGE}</dc:language><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
    ).encode()


def _property(text: str, limit: int = 255) -> str:
    """A core property value within the 255 characters Word and python-docx allow."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _images(files: Mapping[str, bytes]) -> dict[str, str]:
    """The template's own images by the SHA-1 of their content (an equal image is shared)."""
    return {
        hashlib.sha1(data, usedforsecurity=False).hexdigest(): name
        for name, data in files.items()
        if name.startswith("word/media/")
    }


_IMAGE_NUMBER = re.compile(r"word/media/image(\d+)\.\w+")


def _image_name(data: bytes, taken: set[str]) -> str:
    """A new image part's name: ``word/media/imageN.png`` with the lowest free N."""
    ext = "png" if data.startswith(b"\x89PNG") else "jpg"
    used = {int(m.group(1)) for name in taken if (m := _IMAGE_NUMBER.fullmatch(name))}
    number = next(n for n in range(1, len(used) + 2) if n not in used)
    return f"word/media/image{number}.{ext}"


def _with_defaults(content_types: bytes, extensions: set[str]) -> bytes | None:
    """The content types with a default for each image extension, if one was missing."""
    root = etree.fromstring(content_types, SAFE_PARSER)
    known = {str(e.get("Extension", "")).lower() for e in root.iter(f"{{{ns.CT_NS}}}Default")}
    missing = sorted(extensions - known)
    for ext in missing:
        default = etree.Element(f"{{{ns.CT_NS}}}Default")
        default.set("Extension", ext)
        default.set("ContentType", _DEFAULT_TYPES[ext])
        root.insert(0, default)
    return serialize(root) if missing else None


def _paragraph(lineno: int | None) -> int | None:
    # a newline stands before each paragraph: line n is paragraph n - 1
    return max(lineno - 1, 1) if lineno else None


def _line_of(source: str, name: str) -> int | None:
    match = re.search(r"[{][{%][^}%]*\b" + re.escape(name) + r"\b", source)
    return source.count("\n", 0, match.start()) + 1 if match else None
