"""docxtpl, Jinja and python-docx behind a small interface: check and render a DOCX template.

Nothing here knows about council papers: callers pass the Jinja ``finalize`` hook and filters
that format their values, and the context to render.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any, Protocol

import jinja2
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import nsmap
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from jinja2 import meta
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree

from vorlagen.docx.ns import W_NS, child, reorder_ppr
from vorlagen.docx.package import Entry, deflate, write_zip, zip_time
from vorlagen.errors import RenderError, TemplateProblem

__all__ = ["BLOCK_FILTER", "Engine", "Rendered", "make_environment", "normalize_zip"]

#: The filter a ``{{p expr }}`` tag is rewritten to call: it turns ``expr`` into paragraphs.
BLOCK_FILTER = "_als_absaetze"

# Word splits a tag over several runs; join "{<w:r>...<w:t>{" back into "{{" and so on
# (the same clean-up docxtpl applies, needed here before the block tags are rewritten).
_SPLIT_BRACES = re.compile(r"(?<={)(<[^>]*>)+(?=[\{%\#])|(?<=[%\}\#])(<[^>]*>)+(?=\})", re.DOTALL)
_INSIDE_TAG = re.compile(r"{%(?:(?!%}).)*|{#(?:(?!#}).)*|{{(?:(?!}}).)*", re.DOTALL)
_BETWEEN_RUNS = re.compile(r"</w:t>.*?(<w:t>|<w:t [^>]*>)", re.DOTALL)
_BLOCK_TAG = re.compile(r"\{\{p\s+((?:(?!\}\}).)*?)\s*\}\}", re.DOTALL)
_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_LISTING = re.compile("[\t\n\a\f]")
# docxtpl renders these core properties through Jinja, in this order, before we set ours
_JINJA_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")


def _join_split_tags(xml: str) -> str:
    xml = _SPLIT_BRACES.sub("", xml)
    return _INSIDE_TAG.sub(lambda m: _BETWEEN_RUNS.sub("", m.group(0)), xml)


class _DocxTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template with ``{{p expr }}`` routed through the block filter."""

    def patch_xml(self, src_xml: str) -> str:
        src_xml = _BLOCK_TAG.sub(
            lambda m: "{{p (" + m.group(1) + ")|" + BLOCK_FILTER + " }}",
            _join_split_tags(src_xml),
        )
        return str(super().patch_xml(src_xml))


MAX_SEQUENCE = 1_000_000  # the longest string or list a template may build by * or **


class _Environment(ImmutableSandboxedEnvironment):
    """The sandbox, which also keeps pydantic's ``model_*`` API out of a template's reach.

    It bounds ``*`` and ``**`` as well: ``{{ 'x' * 10**9 }}`` would exhaust memory.
    """

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 100:
            msg = f"Potenz mit Exponent {right} ist in Vorlagen nicht erlaubt"
            raise jinja2.exceptions.SecurityError(msg)
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if (
                    isinstance(sequence, str | list | tuple)
                    and isinstance(count, int)
                    and len(sequence) * count > MAX_SEQUENCE
                ):
                    msg = f"Ergebnis länger als {MAX_SEQUENCE} Zeichen oder Einträge"
                    raise jinja2.exceptions.SecurityError(msg)
        return super().call_binop(context, operator, left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # the sandbox's verdict depends on the type and the name only: ask once per pair
        key = (type(obj), attr)
        verdict = _SAFE_ATTRIBUTES.get(key)
        if verdict is None:
            verdict = not attr.startswith("model_") and bool(
                super().is_safe_attribute(obj, attr, value)
            )
            _SAFE_ATTRIBUTES[key] = verdict
        return verdict


_SAFE_ATTRIBUTES: dict[tuple[type, str], bool] = {}


def make_environment(
    finalize: Callable[[Any], Any], filters: Mapping[str, Callable[..., Any]]
) -> jinja2.Environment:
    """A sandboxed, autoescaping Jinja environment in which an unknown name is an error."""
    env = _Environment(autoescape=True, undefined=jinja2.StrictUndefined, finalize=finalize)
    env.filters.update(filters)
    return env


class Engine:
    """A DOCX template's bytes and the Jinja environment to render it with.

    The first render prepares what does not depend on the paper (parsed and patched parts,
    compiled Jinja, compressed static parts); later renders only fill in the tags. An Engine
    is not changed by rendering and may be used from many threads.
    """

    def __init__(self, data: bytes, env: jinja2.Environment, names: frozenset[str]) -> None:
        self.data = data
        self.env = env
        self.names = names

    @cached_property
    def sources(self) -> _Sources:
        """The template opened once, its tagged parts patched: for checking and preparing."""
        return _Sources.load(self.data)

    def check(self) -> list[TemplateProblem]:
        """Every syntax error and unknown name in the template, each with its place."""
        problems: list[TemplateProblem] = []
        # docxtpl renders with a newline before each paragraph: line n is paragraph n - 1.
        for part, (source, _) in self.sources.parts.items():
            try:
                ast = self.env.parse(source)
            except jinja2.TemplateSyntaxError as e:
                problems.append(
                    TemplateProblem(part, f"Syntaxfehler: {e.message}", _paragraph(e.lineno))
                )
                continue
            for name in sorted(meta.find_undeclared_variables(ast) - self.names):
                line = _line_of(source, name)
                problems.append(
                    TemplateProblem(
                        part,
                        f"unbekannter Name {name!r}; verfügbar: {', '.join(sorted(self.names))}",
                        _paragraph(line),
                        name,
                    )
                )
        return problems

    def render(self, context: Mapping[str, Any]) -> Rendered:
        """Render the template: through the prepared parts where it has them."""
        prepared = self.prepared
        if prepared is None:
            return self.render_reference(context)
        with _render_errors():
            body = _fix_tables(_finish(prepared.body.render(context)))
            parts = {
                name: serialize_part_xml(
                    parse_xml(_finish(template.render(context)).encode(encoding))
                )
                for name, (template, encoding) in prepared.parts.items()
            }
        _fix_docpr_ids(body)
        return _FastDocx(prepared, body, parts)

    def render_reference(self, context: Mapping[str, Any]) -> Rendered:
        """Render with docxtpl from the template's bytes, as docxtpl's own users do.

        Slower than :meth:`render`, which gives the same bytes (tested); it also writes what
        the prepared path does not: hyperlink and image relationships.
        """
        tpl = _DocxTemplate(io.BytesIO(self.data))
        with _render_errors():
            tpl.render(dict(context), jinja_env=self.env)
        return _ReferenceDocx(tpl.docx)

    @cached_property
    def prepared(self) -> _Prepared | None:
        """The template prepared for fast rendering (None: only docxtpl renders it)."""
        return _prepare(self.sources, self.env)


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


# docxtpl's stateless helpers (resolve_listing, fix_tables), shared by every render
_TOOLS = _DocxTemplate(None)


def _finish(xml: str) -> str:
    """Clean up a rendered part exactly as docxtpl's DocxTemplate.render_xml_part does."""
    xml = xml.replace("\n<w:p>", "<w:p>").replace("\n<w:p ", "<w:p ")
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    # resolve_listing turns tabs, newlines, \a and \f in the text into Word markup; without
    # any of them it would return its input unchanged, at the cost of a regex per run
    return str(_TOOLS.resolve_listing(xml)) if _LISTING.search(xml) else xml


_RECOVER = etree.XMLParser(recover=True)  # the parser docxtpl's fix_tables uses


def _fix_tables(xml: str) -> Any:
    """The rendered body as an element tree, its tables fixed as docxtpl's fix_tables does.

    docxtpl's fix_tables changes a table only where a row has more cells than the table has
    columns, or no row fills them all; where neither holds (almost always), the parse is all.
    """
    tree = etree.fromstring(xml, parser=_RECOVER)
    for table in tree.iter(f"{_W}tbl"):
        grid = table.find(f"{_W}tblGrid")
        columns = len(grid.findall(f"{_W}gridCol")) if grid is not None else -1
        widest = max((len(row.findall(f"{_W}tc")) for row in table.iter(f"{_W}tr")), default=0)
        spans = next(table.iter(f"{_W}gridSpan"), None) is not None
        if spans or widest != columns:
            return _TOOLS.fix_tables(xml)
    return tree


def _fix_docpr_ids(tree: Any) -> None:
    """Number the drawings of a rendered body as docxtpl does (1001, 1002, ...)."""
    for number, element in enumerate(tree.xpath("//wp:docPr", namespaces=nsmap), start=1001):
        element.attrib["id"] = str(number)


@dataclass(frozen=True)
class _Prepared:
    """Everything about a template that does not depend on the paper, done once.

    Attributes:
        order: the package's entry names in the order they are written.
        entries: the compressed entries of the parts as they are before rendering.
        body: the compiled template of the document body.
        parts: compiled templates of headers and footers, with their XML encoding.
        shell: the document element with an empty body, to receive a rendered one.
        shell_xml: the shell as serialized, around ``<w:body/>``.
        core: the core properties element, with the values docxtpl's rendering leaves.
        numbering: the numbering element, if the template has one.
    """

    order: tuple[str, ...]
    entries: Mapping[str, Entry]
    body: jinja2.Template
    parts: Mapping[str, tuple[jinja2.Template, str]]
    shell: Any
    shell_xml: bytes
    core: Any
    numbering: Any


@dataclass(frozen=True)
class _Sources:
    """A template opened by docxtpl, with the patched XML of each part that holds tags.

    Attributes:
        tpl: the docxtpl template, its python-docx document loaded.
        parts: part name -> (patched XML with a newline before each paragraph, as docxtpl
            renders it; the XML encoding), the body first.
    """

    tpl: Any
    parts: Mapping[str, tuple[str, str]]

    @classmethod
    def load(cls, data: bytes) -> _Sources:
        tpl = _DocxTemplate(io.BytesIO(data))
        tpl.render_init()
        parts = {"word/document.xml": (tpl.patch_xml(tpl.get_xml()), "utf-8")}
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            for _, part in tpl.get_headers_footers(uri):
                xml = tpl.get_part_xml(part)
                encoding = tpl.get_headers_footers_encoding(xml)
                parts[str(part.partname).lstrip("/")] = (tpl.patch_xml(xml), encoding)
        numbered = {
            name: (_PARAGRAPH_START.sub(r"\n<w:p\1", xml), encoding)
            for name, (xml, encoding) in parts.items()
        }
        return cls(tpl, numbered)


def _prepare(sources: _Sources, env: jinja2.Environment) -> _Prepared | None:
    """Prepare a template for fast rendering; None if it has parts only docxtpl renders."""
    document = sources.tpl.docx
    if any(
        part.content_type.endswith(("footnotes+xml", "endnotes+xml"))
        for part in document.part.package.parts
    ):
        return None
    compiled = {
        name: (env.from_string(source), encoding)
        for name, (source, encoding) in sources.parts.items()
    }
    body = compiled.pop("word/document.xml")[0]
    parts = compiled
    raw = io.BytesIO()
    document.save(raw)
    with zipfile.ZipFile(raw) as z:
        names = sorted(z.namelist(), key=lambda n: n != "[Content_Types].xml")
        entries = {name: deflate(name, z.read(name)) for name in names}
    shell = copy.deepcopy(document.element)
    for element in list(shell.body):
        shell.body.remove(element)
    core = copy.deepcopy(document.core_properties._element)
    props = CoreProperties(core)
    for name in _JINJA_PROPERTIES:
        # the checker refuses tags here, so rendering leaves each text as it is
        setattr(props, name, env.from_string(getattr(props, name)).render())
    numbering = None
    if any(rel.reltype == RT.NUMBERING for rel in document.part.rels.values()):
        numbering = copy.deepcopy(document.part.numbering_part.element)
    shell_xml = bytes(serialize_part_xml(shell))
    return _Prepared(tuple(names), entries, body, parts, shell, shell_xml, core, numbering)


class Rendered(Protocol):
    """A rendered document, to be finished (numbering, properties) and written as bytes."""

    def add_numbering(self, nums: Sequence[str]) -> None:
        """Append ``w:num`` elements (as XML strings) to the numbering part."""

    def add_relationships(self, links: Mapping[str, str], images: Mapping[str, bytes]) -> None:
        """Relate the body to hyperlink targets (target -> id) and images (id -> bytes)."""

    def set_properties(self, *, title: str, subject: str, author: str, created: date) -> None:
        """Set the core properties: after rendering, so that no user text passes through Jinja."""

    def space_after_tables(self, twips: int) -> None:
        """Give a paragraph that directly follows a table some space above it."""

    def to_bytes(self, stamp: date) -> bytes:
        """The document as DOCX bytes; the same content always gives the same bytes."""


class _FastDocx:
    """A document rendered from a prepared template: only the changed parts are written."""

    def __init__(self, prepared: _Prepared, body: Any, parts: dict[str, bytes]) -> None:
        self._prepared = prepared
        self._body = body
        self._parts = parts

    def add_numbering(self, nums: Sequence[str]) -> None:
        if nums and self._prepared.numbering is not None:
            numbering = copy.deepcopy(self._prepared.numbering)
            _insert_nums(numbering, nums)
            self._parts["word/numbering.xml"] = serialize_part_xml(numbering)

    def add_relationships(self, links: Mapping[str, str], images: Mapping[str, bytes]) -> None:
        if links or images:
            msg = "hyperlinks and images are written by Engine.render_reference"
            raise ValueError(msg)

    def set_properties(self, *, title: str, subject: str, author: str, created: date) -> None:
        core = copy.deepcopy(self._prepared.core)
        _set_properties(CoreProperties(core), title, subject, author, created)
        self._parts["docProps/core.xml"] = serialize_part_xml(core)

    def space_after_tables(self, twips: int) -> None:
        _space_after_tables(self._body, twips)

    def to_bytes(self, stamp: date) -> bytes:
        self._parts["word/document.xml"] = self._document_xml()
        entries = self._prepared.entries
        return write_zip(
            (
                deflate(name, self._parts[name]) if name in self._parts else entries[name]
                for name in self._prepared.order
            ),
            zip_time(stamp),
        )

    def _document_xml(self) -> bytes:
        """The document part: the shell around the rendered body, as python-docx writes it.

        Moving the body into the shell (as docxtpl does) costs lxml time that grows faster than
        the body; serializing the body on its own and dropping the namespace declarations the
        document element already makes gives the same bytes (tested) in linear time.
        """
        shell = self._prepared.shell
        prefix, empty, suffix = self._prepared.shell_xml.partition(b"<w:body/>")
        if not empty:
            root = copy.deepcopy(shell)
            root.replace(root.body, self._body)
            return bytes(serialize_part_xml(root))
        body = etree.tostring(self._body, encoding="UTF-8", xml_declaration=False)
        start, _, rest = body.partition(b">")
        declared = shell.nsmap

        def redundant(match: re.Match[bytes]) -> bytes:
            prefix_name = match.group(1).decode() if match.group(1) else None
            same = declared.get(prefix_name) == match.group(2).decode()
            return b"" if same else match.group(0)

        return prefix + _NS_DECLARATION.sub(redundant, start) + b">" + rest + suffix


_NS_DECLARATION = re.compile(rb' xmlns(?::([\w.-]+))?="([^"]*)"')


class _ReferenceDocx:
    """A document rendered by docxtpl, finished through python-docx."""

    def __init__(self, document: Any) -> None:
        self._document = document

    def add_numbering(self, nums: Sequence[str]) -> None:
        if nums:
            _insert_nums(self._document.part.numbering_part.element, nums)

    def add_relationships(self, links: Mapping[str, str], images: Mapping[str, bytes]) -> None:
        part = self._document.part
        for target, rel_id in links.items():
            part.rels.add_relationship(RT.HYPERLINK, target, rel_id, is_external=True)
        for rel_id, data in images.items():
            image_part = part.package.get_or_add_image_part(io.BytesIO(data))
            part.rels.add_relationship(RT.IMAGE, image_part, rel_id)

    def set_properties(self, *, title: str, subject: str, author: str, created: date) -> None:
        _set_properties(self._document.core_properties, title, subject, author, created)

    def space_after_tables(self, twips: int) -> None:
        _space_after_tables(self._document.element.body, twips)

    def to_bytes(self, stamp: date) -> bytes:
        raw = io.BytesIO()
        self._document.save(raw)
        return normalize_zip(raw.getvalue(), stamp)


def _set_properties(props: Any, title: str, subject: str, author: str, created: date) -> None:
    when = datetime(created.year, created.month, created.day)
    props.title = _property(title)
    props.subject = _property(subject)
    props.author = _property(author)
    props.last_modified_by = _property(author)
    props.language = "de-DE"
    props.created = when
    props.modified = when
    props.revision = 1
    props.comments = ""
    props.keywords = ""


def _insert_nums(root: Any, nums: Sequence[str]) -> None:
    """Add ``w:num`` elements to a numbering element, before Word's clean-up marker."""
    cleanup = root.find(f"{_W}numIdMacAtCleanup")
    for xml in nums:
        element = etree.fromstring(xml)
        if cleanup is not None:
            cleanup.addprevious(element)
        else:
            root.append(element)


def _space_after_tables(body: Any, twips: int) -> None:
    """Give a paragraph that directly follows a table some space above it.

    Word and LibreOffice put no space below a table; text following one would touch it.
    A paragraph that sets its own space above is left as it is.
    """
    for tbl in body.iter(f"{_W}tbl"):
        following = tbl.getnext()
        if following is None or following.tag != f"{_W}p":
            continue
        ppr = child(following, "pPr", first=True)
        spacing = ppr.find(f"{_W}spacing")
        if spacing is None:
            spacing = child(ppr, "spacing")
            reorder_ppr(ppr)
        if spacing.get(f"{_W}before") is None:
            spacing.set(f"{_W}before", str(twips))


_W = f"{{{W_NS}}}"


def _property(text: str, limit: int = 255) -> str:
    """A core property value within the 255 characters Word and python-docx allow."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _paragraph(lineno: int | None) -> int | None:
    return max(lineno - 1, 1) if lineno else None


def _line_of(source: str, name: str) -> int | None:
    match = re.search(r"[{][{%][^}%]*\b" + re.escape(name) + r"\b", source)
    return source.count("\n", 0, match.start()) + 1 if match else None


def normalize_zip(data: bytes, stamp: date | None = None) -> bytes:
    """Rewrite a zip with fixed entry times (``stamp``, at least 1980) in a stable order.

    ``[Content_Types].xml`` comes first, as Office writes it; the rest keep their order.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        names = sorted(src.namelist(), key=lambda n: n != "[Content_Types].xml")
        return write_zip((deflate(name, src.read(name)) for name in names), zip_time(stamp))
