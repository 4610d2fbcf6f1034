"""docxtpl's own render of a template: the reference the one render path is held against.

The reference uses docxtpl and python-docx the way their users do: a DocxTemplate per paper,
rendered with the same Jinja environment and hooks, then finished through python-docx
(list numbering, hyperlink and image relationships, properties). docxtpl renders no
endnotes; the reference renders them with docxtpl's own part rendering, as it does
footnotes. :func:`package_difference` compares two packages part by part: XML as canonical
XML (C14N), relationships, content types and document properties by meaning, everything
else byte for byte.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from lxml import etree

from vorlagen import Hausstil, Sitzungsvorlage, Template
from vorlagen.daten import NAMESPACE
from vorlagen.docx.ns import CT_NS, PKG_REL_NS, W_NS, WML_CONTENT_TYPE
from vorlagen.docx.styles import read_styles
from vorlagen.formatting.formatter import formatter
from vorlagen.rendering.hooks import FILTER_NAMES, RenderHooks
from vorlagen.rendering.sandbox import HOOKS, make_environment
from vorlagen.rendering.tags import read_tags

__all__ = ["package_difference", "reference"]


class _Reference(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template, reading Word's tags the way vorlagen does at load."""

    def patch_xml(self, src_xml: str) -> str:
        return read_tags(src_xml)

    def render_xml_part(self, src_xml: str, part: Any, context: Any, jinja_env: Any) -> str:
        # rich content relates its hyperlinks and images to the part it stands in
        context[HOOKS].state.part = str(part.partname).lstrip("/")
        return str(super().render_xml_part(src_xml, part, context, jinja_env))


def reference(
    template: Template, paper: Sitzungsvorlage, hausstil: Hausstil | None = None
) -> bytes:
    """The paper rendered into ``template`` by docxtpl and python-docx."""
    with zipfile.ZipFile(io.BytesIO(template.data)) as z:
        files = {n: z.read(n) for n in z.namelist()}
    styles = read_styles(
        files.get("word/styles.xml"), files["word/document.xml"], files.get("word/numbering.xml")
    )
    hooks = RenderHooks(formatter(hausstil or template.hausstil), styles)
    env = make_environment(FILTER_NAMES)
    context = {"vorlage": paper, HOOKS: hooks}
    tpl = _Reference(io.BytesIO(template.data))
    tpl.render(context, jinja_env=env)
    document = tpl.docx
    for part in document.part.package.parts:
        if part.content_type == f"{WML_CONTENT_TYPE}.endnotes+xml":
            xml = tpl.patch_xml(part.blob.decode("utf-8"))
            # a part python-docx has no class for keeps its bytes here, as docxtpl sets them
            part._blob = tpl.render_xml_part(xml, part, context, env).encode("utf-8")
    state = hooks.state
    if state.nums:
        numbering = document.part.numbering_part.element
        cleanup = numbering.find(f"{{{numbering.nsmap['w']}}}numIdMacAtCleanup")
        for xml in state.nums:
            element = etree.fromstring(f'<w:x xmlns:w="{W_NS}">{xml}</w:x>')[0]
            if cleanup is not None:
                cleanup.addprevious(element)
            else:
                numbering.append(element)
    parts = {str(part.partname).lstrip("/"): part for part in document.part.package.parts}
    for name, links in state.links.items():
        for target, rel_id in links.items():
            parts[name].rels.add_relationship(RT.HYPERLINK, target, rel_id, is_external=True)
    for name, images in state.images.items():
        for rel_id, data in images.items():
            image_part = document.part.package.get_or_add_image_part(io.BytesIO(data))
            parts[name].rels.add_relationship(RT.IMAGE, image_part, rel_id)
    _space_after_tables(document)
    _properties(document.core_properties, paper)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _space_after_tables(document: Any) -> None:
    """A paragraph right after a table gets space above, unless it or its style has some."""
    for table in document.element.body.iter(qn("w:tbl")):
        following = table.getnext()
        if following is not None and following.tag == qn("w:p"):
            paragraph = Paragraph(following, document)
            if not _has_space_above(paragraph):
                paragraph.paragraph_format.space_before = Twips(120)


def _has_space_above(paragraph: Paragraph) -> bool:
    if paragraph.paragraph_format.space_before is not None:
        return True
    style, seen = paragraph.style, set()
    while style is not None and style.style_id not in seen:
        if style.paragraph_format.space_before is not None:
            return True
        seen.add(style.style_id)
        style = style.base_style
    return False


def _properties(props: Any, paper: Sitzungsvorlage) -> None:
    when = datetime(paper.datum.year, paper.datum.month, paper.datum.day)
    title = paper.betreff if len(paper.betreff) <= 255 else paper.betreff[:254] + "…"
    props.title = title
    props.subject = f"{paper.art} {paper.nummer}"
    props.author = paper.koerperschaft
    props.last_modified_by = paper.koerperschaft
    props.language = "de-DE"
    props.created = when
    props.modified = when
    props.revision = 1
    props.comments = ""
    props.keywords = ""


# -- comparing packages -------------------------------------------------------------------------


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _without_data(files: dict[str, bytes]) -> dict[str, bytes]:
    """The parts without the data part of a rendered paper and what belongs to it."""
    data = [
        n
        for n in files
        if re.fullmatch(r"customXml/item\d+\.xml", n) and NAMESPACE.encode() in files[n]
    ]
    if not data:
        return files
    (item,) = data
    number = item.removeprefix("customXml/item").removesuffix(".xml")
    gone = {item, f"customXml/itemProps{number}.xml", f"customXml/_rels/item{number}.xml.rels"}
    kept = {n: c for n, c in files.items() if n not in gone}
    rels = etree.fromstring(kept["word/_rels/document.xml.rels"])
    for rel in list(rels):
        if rel.get("Target") == f"../{item}":
            rels.remove(rel)
    kept["word/_rels/document.xml.rels"] = etree.tostring(rels)
    return kept


def _content_types(files: dict[str, bytes]) -> dict[str, str]:
    root = etree.fromstring(files["[Content_Types].xml"])
    defaults = {
        e.get("Extension", "").lower(): e.get("ContentType")
        for e in root.iter(f"{{{CT_NS}}}Default")
    }
    overrides = {
        e.get("PartName", "").lstrip("/"): e.get("ContentType")
        for e in root.iter(f"{{{CT_NS}}}Override")
    }
    return {
        name: str(overrides.get(name) or defaults.get(name.rpartition(".")[2].lower()))
        for name in files
        if name != "[Content_Types].xml"
    }


def _relationships(xml: bytes) -> set[tuple[str, ...]]:
    return {
        tuple(rel.get(key, "") for key in ("Id", "Type", "Target", "TargetMode"))
        for rel in etree.fromstring(xml).iter(f"{{{PKG_REL_NS}}}Relationship")
    }


def _properties_set(xml: bytes) -> dict[str, str]:
    """The document properties that have a value (docxtpl also leaves empty ones behind)."""
    return {str(e.tag): e.text for e in etree.fromstring(xml) if e.text}


def _canonical(xml: bytes) -> bytes:
    return bytes(etree.tostring(etree.fromstring(xml), method="c14n"))


def package_difference(ours: bytes, theirs: bytes) -> list[str]:
    """How two DOCX packages differ in content, one line per part; empty if they do not.

    Our paper's data (``vorlagen.daten``: the custom XML part, its properties, their
    relationships), which docxtpl does not write, is left out of ours first.
    """
    a, b = _without_data(_parts(ours)), _parts(theirs)
    problems = [f"{name}: only in one" for name in sorted(set(a) ^ set(b))]
    types_a, types_b = _content_types(a), _content_types(b)
    for name in sorted(set(a) & set(b)):
        if name == "[Content_Types].xml":
            continue
        if types_a[name] != types_b[name]:
            problems.append(f"{name}: content type {types_a[name]} != {types_b[name]}")
        if name.endswith(".rels"):
            same = _relationships(a[name]) == _relationships(b[name])
        elif types_a[name].endswith("core-properties+xml"):
            same = _properties_set(a[name]) == _properties_set(b[name])
        elif name.endswith(".xml"):
            same = _canonical(a[name]) == _canonical(b[name])
        else:
            same = a[name] == b[name]
        if not same:
            problems.append(f"{name}: content differs")
    return problems
