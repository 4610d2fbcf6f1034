"""A body put into a composed document as text is put in as its parsed tree would be.

The text path (:mod:`vorlagen.docx.bodytext`) must give the same document as the tree path
it saves the time of: every part compared in canonical form, for generated papers, both
templates, images, and every kind of body the text path must refuse or handle with care.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import vorlagen
from tests.conftest import example_data, example_sitzung, open_docx
from tests.images import png
from tests.strategies import papers
from vorlagen.docx import compose as compose_module
from vorlagen.docx.bodytext import BodyText
from vorlagen.docx.compose import Section, compose
from vorlagen.docx.ns import A_NS, PIC_NS, REL_NS, W_NS, WP_NS
from vorlagen.template import paper_properties

SITZUNG = example_sitzung()
EINLADUNG = vorlagen.render_einladung(SITZUNG)
TEMPLATES = {name: vorlagen.Template.shipped(name) for name in ("default", "stadt")}


def parts(paper: vorlagen.Sitzungsvorlage, template: str = "default") -> dict[str, bytes]:
    chosen = TEMPLATES[template]
    return chosen.fill_parts(paper, paper_properties(paper), chosen.hausstil)


@contextmanager
def tree_only() -> Iterator[None]:
    """Compose as if no body could go in as text."""
    with mock.patch.object(compose_module, "body_text", return_value=None):
        yield


@contextmanager
def counting(found: list[object]) -> Iterator[None]:
    """Note each body that went in as text."""
    rewritten = BodyText.rewritten

    def spy(self: BodyText, *args: Any) -> Any:
        result = rewritten(self, *args)
        if result is not None:
            found.append(result)
        return result

    with mock.patch.object(BodyText, "rewritten", spy):
        yield


def canonical(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {
            name: etree.tostring(etree.fromstring(z.read(name)), method="c14n")
            if name.endswith((".xml", ".rels"))
            else z.read(name)
            for name in z.namelist()
        }


def assert_alike(sections: Sequence[Section], *, as_text: int | None = None) -> bytes:
    """Compose both ways, assert every part alike; ``as_text``: bodies that went as text."""
    found: list[object] = []
    with counting(found):
        fast = compose(sections, title="Mappe")
    with tree_only():
        slow = compose(sections, title="Mappe")
    fast_parts, slow_parts = canonical(fast), canonical(slow)
    assert fast_parts.keys() == slow_parts.keys()
    for name in fast_parts:
        assert fast_parts[name] == slow_parts[name], name
    if as_text is not None:
        assert len(found) == as_text
    return fast


def edited(files: dict[str, bytes], change: Callable[[bytes], bytes]) -> dict[str, bytes]:
    """The parts with the main document's XML changed."""
    return {**files, "word/document.xml": change(files["word/document.xml"])}


def test_the_example_meeting_goes_in_as_text_alike() -> None:
    for template in TEMPLATES:
        einladung = vorlagen.render_einladung(
            SITZUNG, vorlagen.Template.shipped(template, dokument="einladung")
        )
        sections = [Section(einladung)]
        sections += [Section(parts(v, template), f"Ö {n} – {v.betreff}") for n, v in
                     enumerate(SITZUNG.vorlagen, start=1)]  # fmt: skip
        assert_alike(sections, as_text=len(SITZUNG.vorlagen))


def test_papers_of_another_template_go_in_as_trees_alike() -> None:
    """The stadt papers' styles differ from the default Einladung's: renamed, by tree."""
    sections = [Section(EINLADUNG)] + [Section(parts(v, "stadt"), "X") for v in SITZUNG.vorlagen]
    assert_alike(sections, as_text=0)


def test_images_are_numbered_through_the_whole_document() -> None:
    bilder = [
        {"typ": "bild", "daten": png(), "alt": "Lageplan", "beschriftung": "Lageplan"},
        {"typ": "bild", "daten": png(40, 80), "alt": "Ansicht von Süden"},
    ]
    paper = vorlagen.Sitzungsvorlage.model_validate(
        {**example_data("beschlussvorlage.json"), "sachdarstellung": bilder}
    )
    data = assert_alike([Section(EINLADUNG), Section(parts(paper), "A"), Section(parts(paper))])
    document = canonical(data)["word/document.xml"]
    ids = re.findall(rb'<wp:docPr[^>]* id="(\d+)"', document)
    assert len(ids) == 4
    assert len(set(ids)) == 4
    images = [n for n in canonical(data) if n.startswith("word/media/")]
    assert len(images) == 2  # the same image in both papers is one part


DRAWING_NAMESPACES = b" ".join(
    b'xmlns:%s="%s"' % (prefix, uri.encode())
    for prefix, uri in ((b"wp", WP_NS), (b"a", A_NS), (b"pic", PIC_NS))
)


def _declared_at_the_root(document: bytes) -> bytes:
    """The body with the namespaces of its drawings declared at the root, as Word writes it."""
    document = re.sub(rb' xmlns:(?:wp|a|pic|r)="[^"]*"', b"", document)
    return document.replace(
        b"<w:document", b'<w:document xmlns:r="%s" %s' % (REL_NS.encode(), DRAWING_NAMESPACES), 1
    )


@pytest.mark.parametrize(
    ("written", "as_text"), [(b'id="\\1"', 2), (b"id='\\1'", 0), (b'id = "\\1"', 0)]
)
def test_drawing_ids_written_otherwise_go_in_as_trees(written: bytes, as_text: int) -> None:
    bild = {"typ": "bild", "daten": png(), "alt": "Lageplan"}
    paper = vorlagen.Sitzungsvorlage.model_validate(
        {**example_data("beschlussvorlage.json"), "sachdarstellung": [bild, bild]}
    )
    files = edited(
        parts(paper),
        lambda x: re.sub(rb'(?<=<wp:docPr )id="(\d+)"', written, _declared_at_the_root(x)),
    )

    def declare(name: str, content: bytes) -> bytes:
        if name != "word/document.xml":
            return content
        return content.replace(b"<w:document", b"<w:document " + DRAWING_NAMESPACES, 1)

    einladung = _changed_package(EINLADUNG, declare)
    data = assert_alike([Section(einladung), Section(files, "A"), Section(files)], as_text=as_text)
    ids = re.findall(rb'<wp:docPr[^>]* id="(\d+)"', canonical(data)["word/document.xml"])
    assert sorted(ids) == [b"1001", b"1002", b"1003", b"1004"]


MARKUP_AS_TEXT = 'Das Attribut r:id="rId4" und <w:numId w:val="3"/> stehen hier als Text.'


def test_text_that_looks_like_markup_stays_as_entered() -> None:
    paper = SITZUNG.vorlagen[0].model_copy(update={"betreff": MARKUP_AS_TEXT})
    data = assert_alike([Section(EINLADUNG), Section(parts(paper), "A")])
    assert MARKUP_AS_TEXT in [p.text for p in open_docx(data).paragraphs]


RELS = "word/_rels/document.xml.rels"
LINK = (
    b'<Relationship Id="rIdL1" Target="https://example.org/" TargetMode="External" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"/>'
)


def _with_link(document: bytes, attribute: bytes) -> bytes:
    """The body with a hyperlink before its section properties, ``attribute`` its id."""
    link = b"<w:p><w:hyperlink %s><w:r><w:t>Link</w:t></w:r></w:hyperlink></w:p>" % attribute
    return document.replace(b"<w:sectPr>", link + b"<w:sectPr>", 1)


@pytest.mark.parametrize(
    ("name", "change", "as_text"),
    [
        # a heading with an outline level of its own: replaced
        (
            "level",
            lambda x: x.replace(
                b'<w:pStyle w:val="Heading1"/>',
                b'<w:pStyle w:val="Heading1"/><w:outlineLvl w:val="5"/>',
            ),
            1,
        ),
        # properties after the level: it goes before them
        (
            "rpr",
            lambda x: x.replace(
                b'<w:pStyle w:val="Heading1"/>',
                b'<w:pStyle w:val="Heading1"/><w:rPr><w:b/></w:rPr>',
            ),
            1,
        ),
        # a heading's style not first of its properties: by tree
        (
            "order",
            lambda x: x.replace(
                b'<w:pPr><w:pStyle w:val="Heading1"/>',
                b'<w:pPr><w:keepNext/><w:pStyle w:val="Heading1"/>',
            ),
            0,
        ),
        # a prefix of its own, declared in the body: by tree
        (
            "xmlns",
            lambda x: x.replace(b"<w:p>", b'<w:p xmlns:v="urn:schemas-microsoft-com:vml">', 1),
            0,
        ),
        # a comment: by tree
        ("comment", lambda x: x.replace(b"<w:p>", b"<!-- Kommentar --><w:p>", 1), 0),
        # a value in single quotes: by tree
        ("quotes", lambda x: re.sub(rb'<w:numId w:val="(\d+)"/>', rb"<w:numId w:val='\1'/>", x), 0),
        # a tracked change of a heading's properties: the level in both
        (
            "change",
            lambda x: x.replace(
                b'<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
                b'<w:pPr><w:pStyle w:val="Heading1"/><w:pPrChange w:id="1" w:author="A">'
                b'<w:pPr><w:pStyle w:val="Heading2"/></w:pPr></w:pPrChange></w:pPr>',
                1,
            ),
            1,
        ),
        # a prefix the whole document lacks: by tree
        ("prefix", lambda x: x.replace(b"<w:document ", b'<w:document xmlns:x="urn:x" ', 1), 0),
        # a list's id written as character references ("3" as "&#51;"): by tree
        (
            "reference",
            lambda x: re.sub(
                rb'<w:numId w:val="(\d+)"/>',
                lambda m: b'<w:numId w:val="%s"/>' % b"".join(b"&#%d;" % c for c in m[1]),
                x,
            ),
            0,
        ),
        # a relationship id written otherwise (quotes, spaces, a line break): by tree
        ("link quotes", lambda x: _with_link(x, b"r:id='rIdL1'"), 0),
        ("link spaces", lambda x: _with_link(x, b'r:id = "rIdL1"'), 0),
        ("link break", lambda x: _with_link(x, b'r:id=\n"rIdL1"'), 0),
        ("link", lambda x: _with_link(x, b'r:id="rIdL1"'), 1),
        # declared in another encoding than the whole's UTF-8: by tree
        (
            "latin-1",
            lambda x: x.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"', 1).replace(
                "Straße".encode(), "Straße".encode("latin-1")
            ),
            0,
        ),
    ],
)
def test_bodies_written_otherwise(
    name: str, change: Callable[[bytes], bytes], as_text: int | None
) -> None:
    paper = SITZUNG.vorlagen[0]
    files = parts(paper)
    assert b'<w:pPr><w:pStyle w:val="Heading1"/>' in files["word/document.xml"]
    changed = edited(files, change)
    if name.startswith("link"):
        changed[RELS] = changed[RELS].replace(b"</Relationships>", LINK + b"</Relationships>")
    assert changed != files, name
    assert_alike([Section(EINLADUNG), Section(changed, "A")], as_text=as_text)


@settings(
    max_examples=max(10, settings().max_examples // 10),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(st.tuples(papers(), st.sampled_from(sorted(TEMPLATES))), min_size=1, max_size=3))
def test_generated_papers_go_in_alike(chosen: list[tuple[vorlagen.Sitzungsvorlage, str]]) -> None:
    sections = [Section(EINLADUNG)]
    sections += [Section(parts(paper, template), "Ö 1 – Titel") for paper, template in chosen]
    assert_alike(sections)


def _changed_package(data: bytes, change: Callable[[str, bytes], bytes]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        files = {name: change(name, z.read(name)) for name in z.namelist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in files.items():
            z.writestr(name, content)
    return out.getvalue()


def test_a_style_id_with_a_reference_keeps_its_outline_level() -> None:
    """A style id "Head&2" is written "Head&amp;2": its headings go in by tree, leveled."""

    def rename(name: str, content: bytes) -> bytes:
        if name not in ("word/styles.xml", "word/document.xml"):
            return content
        return content.replace(b'w:styleId="Heading2"', b'w:styleId="Head&amp;2"').replace(
            b'w:val="Heading2"', b'w:val="Head&amp;2"'
        )

    shipped = (Path(vorlagen.__file__).parent / "templates" / "default.docx").read_bytes()
    template = vorlagen.Template.from_bytes(_changed_package(shipped, rename))
    paper = SITZUNG.vorlagen[0]
    files = template.fill_parts(paper, paper_properties(paper), template.hausstil)
    assert b'w:val="Head&amp;2"' in files["word/document.xml"]
    data = assert_alike([Section(EINLADUNG), Section(files, "Ö 1 – A")], as_text=0)
    body = etree.fromstring(canonical(data)["word/document.xml"])
    headings: Any = body.xpath("//w:pPr[w:pStyle/@w:val='Head&2']", namespaces={"w": W_NS})
    levels = [
        str(ppr.xpath("string(w:outlineLvl/@w:val)", namespaces={"w": W_NS})) for ppr in headings
    ]
    assert len(levels) > 1
    assert set(levels) == {"2"}  # one below the heading of its item


def test_a_prefix_of_its_own_for_a_standard_namespace_goes_in_as_a_tree() -> None:
    """``ww`` bound to WordprocessingML in both roots: its list ids are renumbered too."""
    alias = f' xmlns:ww="{W_NS}"'.encode()

    def declare(name: str, content: bytes) -> bytes:
        if name != "word/document.xml":
            return content
        return content.replace(b"<w:document", b"<w:document" + alias, 1)

    files = edited(
        parts(SITZUNG.vorlagen[0]),
        lambda x: re.sub(
            rb'<w:numId w:val="(\d+)"/>',
            rb'<ww:numId ww:val="\1"/>',
            x.replace(b"<w:document", b"<w:document" + alias, 1),
        ),
    )
    assert b"<ww:numId" in files["word/document.xml"]
    einladung = _changed_package(EINLADUNG, declare)
    assert_alike([Section(einladung), Section(files, "A"), Section(files, "B")], as_text=0)


def test_a_placeholder_in_a_document_is_no_place_of_a_body() -> None:
    """A processing instruction like the one a body's place is held by stays as it is."""
    instruction = b"<?vorlagen-text 0?>"

    def plant(name: str, content: bytes) -> bytes:
        if name != "word/document.xml":
            return content
        return content.replace(b"<w:body>", b"<w:body>" + instruction, 1)

    einladung = _changed_package(EINLADUNG, plant)
    paper = SITZUNG.vorlagen[0]
    data = assert_alike([Section(einladung), Section(parts(paper), "A")], as_text=1)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        document = z.read("word/document.xml")
    assert document.count(instruction) == 1
    texts = [p.text for p in open_docx(data).paragraphs]
    assert texts[0] == open_docx(EINLADUNG).paragraphs[0].text
    assert texts.count(paper.betreff) == 1
