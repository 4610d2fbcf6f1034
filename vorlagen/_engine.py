"""docxtpl, Jinja and python-docx behind a small interface: check and render a DOCX template.

Nothing here knows about council papers: callers pass the Jinja ``finalize`` hook and filters
that format their values, and the context to render.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import jinja2
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docxtpl import DocxTemplate
from jinja2 import meta
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree

from vorlagen._ooxml import W_NS
from vorlagen.errors import RenderError, TemplateProblem

__all__ = ["BLOCK_FILTER", "Engine", "RenderedDocx", "make_environment"]

#: The filter a ``{{p expr }}`` tag is rewritten to call: it turns ``expr`` into paragraphs.
BLOCK_FILTER = "_als_absaetze"

# Word splits a tag over several runs; join "{<w:r>...<w:t>{" back into "{{" and so on
# (the same clean-up docxtpl applies, needed here before the block tags are rewritten).
_SPLIT_BRACES = re.compile(r"(?<={)(<[^>]*>)+(?=[\{%\#])|(?<=[%\}\#])(<[^>]*>)+(?=\})", re.DOTALL)
_INSIDE_TAG = re.compile(r"{%(?:(?!%}).)*|{#(?:(?!#}).)*|{{(?:(?!}}).)*", re.DOTALL)
_BETWEEN_RUNS = re.compile(r"</w:t>.*?(<w:t>|<w:t [^>]*>)", re.DOTALL)
_BLOCK_TAG = re.compile(r"\{\{p\s+((?:(?!\}\}).)*?)\s*\}\}", re.DOTALL)
_PARAGRAPH_START = re.compile(r"<w:p([ >])")

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


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


class _Environment(ImmutableSandboxedEnvironment):
    """The sandbox, which also keeps pydantic's ``model_*`` API out of a template's reach."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("model_"):
            return False
        return bool(super().is_safe_attribute(obj, attr, value))


def make_environment(
    finalize: Callable[[Any], Any], filters: Mapping[str, Callable[..., Any]]
) -> jinja2.Environment:
    """A sandboxed, autoescaping Jinja environment in which an unknown name is an error."""
    env = _Environment(autoescape=True, undefined=jinja2.StrictUndefined, finalize=finalize)
    env.filters.update(filters)
    return env


@dataclass(frozen=True)
class Engine:
    """A DOCX template's bytes and the Jinja environment to render it with."""

    data: bytes
    env: jinja2.Environment
    names: frozenset[str]

    def parts(self) -> Iterator[tuple[str, str]]:
        """The template's parts that hold tags, as (part name, patched XML)."""
        tpl = _DocxTemplate(io.BytesIO(self.data))
        document = tpl.get_docx()
        yield "word/document.xml", tpl.patch_xml(tpl.get_xml())
        for rel in document.part.rels.values():
            if rel.reltype in (RT.HEADER, RT.FOOTER):
                part = rel.target_part
                yield str(part.partname).lstrip("/"), tpl.patch_xml(tpl.get_part_xml(part))

    def check(self) -> list[TemplateProblem]:
        """Every syntax error and unknown name in the template, each with its place."""
        problems: list[TemplateProblem] = []
        for part, xml in self.parts():
            # docxtpl renders with a newline before each paragraph: line n is paragraph n - 1.
            source = _PARAGRAPH_START.sub(r"\n<w:p\1", xml)
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

    def render(self, context: Mapping[str, Any]) -> RenderedDocx:
        """Render the template; Jinja errors become RenderErrors."""
        tpl = _DocxTemplate(io.BytesIO(self.data))
        try:
            tpl.render(dict(context), jinja_env=self.env)
        except jinja2.UndefinedError as e:
            msg = f"die Vorlage verwendet einen unbekannten Namen: {e.message}"
            raise RenderError(msg) from e
        except jinja2.exceptions.SecurityError as e:
            msg = f"die Vorlage versucht einen unzulässigen Zugriff: {e}"
            raise RenderError(msg) from e
        except jinja2.TemplateError as e:
            msg = f"die Vorlage ließ sich nicht ausfüllen: {e}"
            raise RenderError(msg) from e
        return RenderedDocx(tpl.docx)


_W = f"{{{W_NS}}}"


def _child(parent: Any, name: str, *, first: bool = False) -> Any:
    """The ``w:name`` child of ``parent``, created (as first or last child) if missing."""
    child = parent.find(f"{_W}{name}")
    if child is None:
        child = etree.Element(f"{_W}{name}")
        if first:
            parent.insert(0, child)
        else:
            parent.append(child)
    return child


def _property(text: str, limit: int = 255) -> str:
    """A core property value within the 255 characters Word and python-docx allow."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _paragraph(lineno: int | None) -> int | None:
    return max(lineno - 1, 1) if lineno else None


def _line_of(source: str, name: str) -> int | None:
    match = re.search(r"[{][{%][^}%]*\b" + re.escape(name) + r"\b", source)
    return source.count("\n", 0, match.start()) + 1 if match else None


class RenderedDocx:
    """A rendered document, to be finished (properties, numbering) and written as bytes."""

    def __init__(self, document: Any) -> None:
        self._document = document

    def set_properties(self, *, title: str, subject: str, author: str, created: date) -> None:
        """Set the core properties: after rendering, so that no user text passes through Jinja."""
        props = self._document.core_properties
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

    def add_numbering(self, nums: Sequence[str]) -> None:
        """Append ``w:num`` elements (as XML strings) to the numbering part."""
        if not nums:
            return
        root = self._document.part.numbering_part.element
        cleanup = root.find(f"{_W}numIdMacAtCleanup")
        for xml in nums:
            element = etree.fromstring(xml)
            if cleanup is not None:
                cleanup.addprevious(element)
            else:
                root.append(element)

    def add_relationships(self, links: Mapping[str, str], images: Mapping[str, bytes]) -> None:
        """Relate the body to hyperlink targets (target -> id) and images (id -> bytes)."""
        part = self._document.part
        for target, rel_id in links.items():
            part.rels.add_relationship(RT.HYPERLINK, target, rel_id, is_external=True)
        for rel_id, data in images.items():
            image_part = part.package.get_or_add_image_part(io.BytesIO(data))
            part.rels.add_relationship(RT.IMAGE, image_part, rel_id)

    def space_after_tables(self, twips: int) -> None:
        """Give a paragraph that directly follows a table some space above it.

        Word and LibreOffice put no space below a table; text following one would touch it.
        A paragraph that sets its own space above is left as it is.
        """
        for tbl in self._document.element.body.iter(f"{_W}tbl"):
            following = tbl.getnext()
            if following is None or following.tag != f"{_W}p":
                continue
            ppr = _child(following, "pPr", first=True)
            spacing = ppr.find(f"{_W}spacing")
            if spacing is None:
                spacing = _child(ppr, "spacing")
                _reorder_ppr(ppr)
            if spacing.get(f"{_W}before") is None:
                spacing.set(f"{_W}before", str(twips))

    def set_language(self, language: str) -> None:
        """Make ``language`` the default language of every run (docDefaults)."""
        defaults = _child(self._document.styles.element, "docDefaults", first=True)
        rpr = _child(_child(defaults, "rPrDefault", first=True), "rPr")
        _child(rpr, "lang").set(f"{_W}val", language)

    def to_bytes(self, stamp: date) -> bytes:
        """The document as DOCX bytes; the same content always gives the same bytes."""
        raw = io.BytesIO()
        self._document.save(raw)
        return normalize_zip(raw.getvalue(), stamp)


# The order of w:pPr's children that the schema requires (the ones before w:spacing matter).
_PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
_PPR_RANK = {f"{{{W_NS}}}{name}": rank for rank, name in enumerate(_PPR_ORDER)}


def _reorder_ppr(ppr: Any) -> None:
    """Sort a paragraph's properties into schema order after one was added."""
    children = sorted(ppr, key=lambda child: _PPR_RANK.get(child.tag, len(_PPR_RANK)))
    ppr[:] = children


def normalize_zip(data: bytes, stamp: date | None = None) -> bytes:
    """Rewrite a zip with fixed entry times (``stamp``, at least 1980) in a stable order."""
    when = (
        _ZIP_EPOCH
        if stamp is None or stamp.year < 1980
        else (stamp.year, stamp.month, stamp.day, 0, 0, 0)
    )
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        names = src.namelist()
        # [Content_Types].xml first, as Office writes it; the rest as the source had them.
        names.sort(key=lambda n: n != "[Content_Types].xml")
        for name in names:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()
