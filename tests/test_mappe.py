"""The Sitzungsmappe: the Einladung and every paper of a meeting in one DOCX and one PDF."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from docx.document import Document
from lxml import etree
from openxml_audit import OpenXmlValidator

import vorlagen
from tests.conftest import (
    example_sitzung,
    minimal_data,
    minimal_sitzung,
    open_docx,
    require_libreoffice,
)
from tests.test_pdf import structure
from vorlagen.docx.compose import OUTLINE_STYLE, Section, compose, pages_by_reference
from vorlagen.docx.ns import REL_NS, w
from vorlagen.docx.package import pack

SITZUNG = example_sitzung()
PAPERS = SITZUNG.vorlagen  # 0187/2026, 0211/2026 (in an Unterpunkt), 0219/2026 (non-public)


@pytest.fixture(scope="module")
def mappe() -> bytes:
    return vorlagen.render_mappe(SITZUNG)


@pytest.fixture(scope="module")
def public() -> bytes:
    return vorlagen.render_mappe(SITZUNG, fassung="oeffentlich")


def body(data: bytes) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml")).find(w("body"))


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def headings(doc: Document) -> list[str]:
    return [
        p.text.replace("\xa0", " ")
        for p in doc.paragraphs
        if p.style and p.style.style_id == OUTLINE_STYLE
    ]


def test_one_section_per_paper_after_the_einladung(mappe: bytes) -> None:
    doc = open_docx(mappe)
    assert len(doc.sections) == 1 + len(PAPERS)
    footers = [s.footer.paragraphs[0].text for s in doc.sections]
    assert "6. Sitzung des Kreistages" in footers[0]
    for footer, paper in zip(footers[1:], PAPERS, strict=True):
        assert f"Vorlage {paper.nummer}" in footer
    # the papers follow the Tagesordnung, each headed by its item
    assert headings(doc) == [
        f"Ö 4 – {SITZUNG.tagesordnung[3].titel}",
        f"Ö 5.1 – {SITZUNG.tagesordnung[4].unterpunkte[0].titel}",
        f"N 2 – {SITZUNG.tagesordnung[8].titel}",
    ]
    assert doc.core_properties.title == "Sitzungsmappe: 6. Sitzung des Kreistages"


def test_each_paper_counts_its_own_pages(mappe: bytes) -> None:
    sections = list(body(mappe).iter(w("sectPr")))
    assert len(sections) == 1 + len(PAPERS)
    assert all(s.find(w("pgNumType")).get(w("start")) == "1" for s in sections[1:])
    with zipfile.ZipFile(io.BytesIO(mappe)) as z:
        footers = [z.read(n) for n in z.namelist() if n.startswith("word/footer")]
    assert len(footers) == len(sections)
    assert all(b" SECTIONPAGES " in f and b"NUMPAGES" not in f for f in footers)


def test_each_paper_keeps_its_header(tmp_path: Path) -> None:
    # the town's papers carry their letterhead with the arms in every section
    data = vorlagen.render_mappe(SITZUNG, template="stadt", einladung_template="stadt")
    doc = open_docx(data)
    assert [s.header.paragraphs[0].text for s in doc.sections] == ["Kreis Lindenau"] * 4
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        images = [n for n in z.namelist() if n.startswith("word/media/")]
        header_rels = [z.read(n) for n in z.namelist() if n.startswith("word/_rels/header")]
    assert len(images) == 1  # the arms, once, for every header
    assert all(b"media/" in rels for rels in header_rels)
    target = tmp_path / "mappe-stadt.docx"
    target.write_bytes(data)
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]


def test_lists_restart_in_every_paper(mappe: bytes) -> None:
    # each paper's lists are instances of their own: no list runs on into the next paper
    per_section: list[set[str]] = [set()]
    for element in body(mappe):
        per_section[-1] |= {n.get(w("val")) for n in element.iter(w("numId"))}
        if element.find(f"{w('pPr')}/{w('sectPr')}") is not None:
            per_section.append(set())
    used = [ids - {"0"} for ids in per_section]
    assert used[1]  # the numbered list of the first paper's Beschlussvorschlag
    for i, ids in enumerate(used):
        for other in used[i + 1 :]:
            assert not ids & other


def test_paper_headings_sit_below_their_item(mappe: bytes) -> None:
    paragraphs = list(body(mappe).iter(w("p")))
    betreff = next(
        p
        for p in paragraphs
        if "".join(p.itertext()) == PAPERS[0].betreff
        and p.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) == "Heading1"
    )
    assert betreff.find(f"{w('pPr')}/{w('outlineLvl')}").get(w("val")) == "1"


def test_the_public_mappe_holds_nothing_non_public(public: bytes, tmp_path: Path) -> None:
    doc = open_docx(public)
    assert len(doc.sections) == 3  # the announcement and the two public papers
    assert headings(doc)[-1].startswith("Ö 5.1")
    text = "".join(body(public).itertext())
    secret = PAPERS[2]
    assert secret.nummer not in text
    assert secret.betreff not in text.replace(SITZUNG.tagesordnung[8].titel, "")
    assert "Grundstücksangelegenheit" not in text
    for paper in PAPERS[:2]:  # no staff data of the public papers
        assert paper.sachbearbeitung is not None
        assert paper.sachbearbeitung.name not in text
    assert open_docx(public).core_properties.title.startswith("Sitzungsmappe (öffentlich)")
    target = tmp_path / "mappe.docx"
    target.write_bytes(public)
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]


def test_a_style_of_the_same_id_but_another_look_is_kept_apart() -> None:
    # the Einladung in the county's design, the papers in the town's: both keep their look
    data = vorlagen.render_mappe(SITZUNG, template="stadt")
    styles = {s.style_id: s for s in open_docx(data).styles}
    assert {"Title", "Title-"} <= set(styles)
    titles = [
        p for p in open_docx(data).paragraphs if p.style and p.style.style_id.startswith("Title")
    ]
    assert [p.style.style_id for p in titles if p.style] == [
        "Title",
        "Title-",
        "Title-",
        "Title-",
    ]  # one copy


def test_compose_needs_a_document() -> None:
    with pytest.raises(ValueError, match="kein Dokument"):
        compose([])
    single = vorlagen.render(PAPERS[0])
    assert len(open_docx(compose([Section(single)])).sections) == 1


@pytest.fixture(scope="module", params=["default", "stadt"])
def mappe_pdf(request: pytest.FixtureRequest) -> bytes:
    # the town's footer is written by another template: its fields count the same
    require_libreoffice()
    return vorlagen.render_mappe_pdf(SITZUNG, request.param, request.param)


def outline(pdf: pikepdf.Pdf) -> list[tuple[str, list[str]]]:
    with pdf.open_outline() as tree:
        return [
            (str(i.title).replace("\xa0", " "), [str(c.title) for c in i.children])
            for i in tree.root
        ]


@pytest.mark.libreoffice
def test_the_pdf_is_one_tagged_pdfa_with_an_entry_per_item(mappe_pdf: bytes) -> None:
    pdf = pikepdf.open(io.BytesIO(mappe_pdf))
    entries = outline(pdf)
    assert [title for title, _ in entries] == [
        "Einladung zur 6. Sitzung des Kreistages",
        *headings(open_docx(vorlagen.render_mappe(SITZUNG))),
    ]
    for (_, below), paper in zip(entries[1:], PAPERS, strict=True):
        assert below == [paper.betreff]  # the paper's Betreff, its own headings below it
    with pdf.open_outline() as tree:
        first_paper = list(tree.root)[1].children[0]
        assert "Beschlussvorschlag" in [str(c.title) for c in first_paper.children]
    meta = pdf.open_metadata()
    assert (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) == ("2", "B")
    assert bool(pdf.Root.MarkInfo.Marked)
    assert structure(pdf.Root.StructTreeRoot, Counter())["/H1"] >= 4


def assert_each_counts_its_pages(mappe_pdf: bytes, *, blank_first: bool = False) -> None:
    """Every page of the Einladung and of each paper says "Seite n von m" of its own.

    ``blank_first``: the pages of a paper's first section have no footer (as in the paper).
    """
    from vorlagen.pdf import outline_pages

    pages, total = outline_pages(mappe_pdf)
    starts = sorted(pages[t] for t in pages if not t.startswith("Einladung"))
    assert total == len(pikepdf.open(io.BytesIO(mappe_pdf)).pages)
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=mappe_pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    page_texts = text.split("\f")
    for start, end in zip([0, *starts], [*starts, total], strict=True):
        count = end - start
        for page in range(start, end):
            if blank_first and start > 0 and page < end - 1 and "Seite " not in page_texts[page]:
                continue
            assert f"Seite {page - start + 1} von {count}" in page_texts[page], page


@pytest.mark.libreoffice
def test_every_paper_starts_at_page_one_of_its_own_count(mappe_pdf: bytes) -> None:
    assert_each_counts_its_pages(mappe_pdf)


@pytest.mark.libreoffice
def test_a_last_paper_of_several_pages_counts_them() -> None:
    """The last section's count is the page of a bookmark at the body's very end."""
    require_libreoffice()
    long_paper = PAPERS[0].model_dump(mode="json")
    sitzung = vorlagen.Sitzung.model_validate(
        minimal_sitzung(tagesordnung=[{"titel": "Erweiterung", "vorlage": long_paper}])
    )
    pdf = vorlagen.render_mappe_pdf(sitzung)
    assert len(pikepdf.open(io.BytesIO(pdf)).pages) >= 3  # the paper runs over a page
    assert_each_counts_its_pages(pdf)


def footer_fields(data: bytes, *, blank: bool = False) -> list[bytes | None]:
    """The page count field of each section's footer, in order (a section may inherit it).

    ``blank``: a footer without one may be (None), else it fails.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        targets = {r.get("Id"): f"word/{r.get('Target')}" for r in rels}
        fields = []
        reference = None
        for sect_pr in body(data).iter(w("sectPr")):
            own = sect_pr.find(w("footerReference"))
            reference = own if own is not None else reference
            assert reference is not None
            part = z.read(targets[reference.get(f"{{{REL_NS}}}id")])
            field = re.search(rb" (SECTIONPAGES|PAGEREF \S+) ", part)
            assert field is not None or blank
            fields.append(field[1] if field is not None else None)
    return fields


def test_for_libreoffice_each_section_counts_to_a_bookmark_at_its_end(mappe: bytes) -> None:
    changed = pages_by_reference(mappe)
    fields = footer_fields(changed)
    assert fields == [b"PAGEREF _Seiten%d" % n for n in range(1, len(PAPERS) + 2)]
    document = body(changed)
    for number, sect_pr in enumerate(document.iter(w("sectPr")), start=1):
        # the bookmark closes the section: nothing of the section follows it
        in_paragraph = sect_pr.getparent().tag == w("pPr")
        end = sect_pr.getparent().getparent()[-1] if in_paragraph else sect_pr.getprevious()
        start = end.getprevious()
        assert start.get(w("name")) == f"_Seiten{number}"
        assert end.tag == w("bookmarkEnd")
        assert end.get(w("id")) == start.get(w("id"))
    assert open_docx(changed).paragraphs  # python-docx reads it


def test_a_footer_of_two_sections_or_pages_numbered_otherwise_keep_the_field(
    mappe: bytes,
) -> None:
    files = unzip(mappe)
    root = etree.fromstring(files["word/document.xml"])
    sections: list[Any] = list(root.iter(w("sectPr")))
    # the last paper inherits the footer of the one before; the second counts from 5
    sections[-1].remove(sections[-1].find(w("footerReference")))
    sections[1].find(w("pgNumType")).set(w("start"), "5")
    files["word/document.xml"] = etree.tostring(root)
    changed = pages_by_reference(pack(files))
    fields = footer_fields(changed)
    assert fields[0] == b"PAGEREF _Seiten1"
    assert fields[1] == b"SECTIONPAGES"  # numbered from 5: its page is no count
    assert fields[2] == b"SECTIONPAGES"  # serves two sections


FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"


def two_sections(footers: str = "linked") -> vorlagen.Template:
    """The default template with a section break after the Sachdarstellung, as Word writes it.

    ``footers``: "linked", the first section has the footer and the second shows it as
    "linked to previous"; "second", only the second has one; "own", each its own part.
    """
    files = unzip((Path(vorlagen.__file__).parent / "templates" / "default.docx").read_bytes())
    document = files["word/document.xml"]
    found = re.search(
        rb'<w:sectPr><w:footerReference w:type="default" r:id="(\w+)"/>.*?</w:sectPr>', document
    )
    assert found is not None
    own = found[0]
    without = own.replace(b'<w:footerReference w:type="default" r:id="%s"/>' % found[1], b"")
    first, second = {"linked": (own, without), "second": (without, own)}.get(footers, (own, own))
    if footers == "own":  # a copy of the footer for the second section
        rels = "word/_rels/document.xml.rels"
        target = re.search(rb'Id="%s"[^>]*Target="([^"]+)"' % found[1], files[rels]) or re.search(
            rb'Target="([^"]+)"[^>]*Id="%s"' % found[1], files[rels]
        )
        assert target is not None
        files["word/footer9.xml"] = files["word/" + target[1].decode()]
        files[rels] = files[rels].replace(
            b"</Relationships>",
            b'<Relationship Id="rIdF9" Target="footer9.xml" Type="%s/footer"/></Relationships>'
            % REL_NS.encode(),
        )
        files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
            b"</Types>",
            b'<Override PartName="/word/footer9.xml" ContentType="%s"/></Types>'
            % FOOTER_TYPE.encode(),
        )
        second = own.replace(found[1], b"rIdF9")
    tag = document.index(b"{{p vorlage.sachdarstellung }}")
    after = document.index(b"</w:p>", tag) + len(b"</w:p>")
    document = document.replace(own, second)
    files["word/document.xml"] = (
        document[:after] + b"<w:p><w:pPr>" + first + b"</w:pPr></w:p>" + document[after:]
    )
    return vorlagen.Template.from_bytes(pack(files))


def test_a_paper_of_two_sections_counts_its_pages_through_both() -> None:
    mappe = vorlagen.render_mappe(SITZUNG, two_sections())
    sections = list(body(mappe).iter(w("sectPr")))
    assert len(sections) == 1 + 2 * len(PAPERS)
    first, second = sections[1], sections[2]  # the first paper's
    assert first.find(w("pgNumType")).get(w("start")) == "1"
    assert (
        second.find(w("pgNumType")) is None or second.find(w("pgNumType")).get(w("start")) is None
    )
    footer = f"{{{REL_NS}}}id"
    assert second.find(w("footerReference")).get(footer) == first.find(w("footerReference")).get(
        footer
    )
    fields = footer_fields(pages_by_reference(mappe))
    assert fields == [b"PAGEREF _Seiten1"] + [
        b"PAGEREF _Seiten%d" % (n + 1) for n in range(2, 1 + 2 * len(PAPERS), 2) for _ in (0, 1)
    ]  # both sections of a paper count to the end of its second


def test_whichever_section_of_a_paper_has_a_footer_it_counts_the_paper() -> None:
    for footers in ("second", "own"):
        changed = pages_by_reference(vorlagen.render_mappe(SITZUNG, two_sections(footers)))
        ends = [b"PAGEREF _Seiten%d" % (n + 1) for n in range(2, 1 + 2 * len(PAPERS), 2)]
        fields = footer_fields(changed, blank=True)
        if footers == "second":  # the first section's footer is empty, as it was in the paper
            assert fields == [b"PAGEREF _Seiten1"] + [f for end in ends for f in (None, end)]
        else:
            assert fields == [b"PAGEREF _Seiten1"] + [f for end in ends for f in (end, end)]


@pytest.mark.libreoffice
@pytest.mark.parametrize("footers", ["linked", "second", "own"])
def test_a_paper_of_two_sections_says_seite_n_von_m_through_both(footers: str) -> None:
    require_libreoffice()
    sitzung = vorlagen.Sitzung.model_validate(
        minimal_sitzung(
            tagesordnung=[{"titel": "Erweiterung", "vorlage": PAPERS[0].model_dump(mode="json")}]
        )
    )
    pdf = vorlagen.render_mappe_pdf(sitzung, two_sections(footers))
    assert len(pikepdf.open(io.BytesIO(pdf)).pages) >= 4  # the Einladung and three of the paper
    assert_each_counts_its_pages(pdf, blank_first=footers == "second")


def test_the_mappe_is_accessible(mappe: bytes) -> None:
    assert vorlagen.check_accessibility(mappe) == []


def paper_with_list(nummer: str) -> dict[str, Any]:
    liste = {"typ": "liste", "nummeriert": True, "eintraege": ["eins", "zwei"]}
    return minimal_data(nummer=nummer, sachdarstellung=[liste])


def test_every_paper_of_many_starts_its_lists_at_one() -> None:
    tops = [{"titel": f"Punkt {n}", "vorlage": paper_with_list(f"000{n}/2026")} for n in range(4)]
    data = vorlagen.render_mappe(
        vorlagen.Sitzung.model_validate(minimal_sitzung(tagesordnung=tops))
    )
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        numbering = etree.fromstring(z.read("word/numbering.xml"))
    defined = [n.get(w("numId")) for n in numbering.iter(w("num"))]
    assert len(defined) == len(set(defined))  # every list instance once
    per_section: list[set[str]] = [set()]
    for element in body(data):
        per_section[-1] |= {n.get(w("val")) for n in element.iter(w("numId"))}
        if element.find(f"{w('pPr')}/{w('sectPr')}") is not None:
            per_section.append(set())
    lists = [ids - {"0"} for ids in per_section[1:]]
    assert all(len(ids) == 1 for ids in lists)
    assert len(set.union(*lists)) == 4  # one list of its own in each paper


def test_a_paper_without_a_header_does_not_show_the_einladungs(tmp_path: Path) -> None:
    data = vorlagen.render_mappe(SITZUNG, template="default", einladung_template="stadt")
    doc = open_docx(data)
    assert doc.sections[0].header.paragraphs[0].text == "Kreis Lindenau"
    for section in doc.sections[1:]:
        assert not section.header.is_linked_to_previous
        assert "".join(p.text for p in section.header.paragraphs) == ""
    target = tmp_path / "gemischt.docx"
    target.write_bytes(data)
    assert OpenXmlValidator().validate(str(target)).is_valid


def test_drawings_in_copied_headers_have_ids_of_their_own() -> None:
    data = vorlagen.render_mappe(SITZUNG, template="stadt", einladung_template="stadt")
    ids: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(
            n for n in z.namelist() if n.startswith(("word/header", "word/document"))
        ):
            ids += re.findall(r'docPr id="(\d+)"', z.read(name).decode("utf-8"))
    assert len(ids) == 4  # the arms in each section
    assert len(ids) == len(set(ids))


def test_foot_notes_are_refused_in_a_mappe() -> None:
    paper = vorlagen.render(PAPERS[0])
    with zipfile.ZipFile(io.BytesIO(paper)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"</w:body>", b'<w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:body>'
    )
    with pytest.raises(vorlagen.RenderError, match="Fuß- und Endnoten"):
        compose([Section(vorlagen.render_einladung(SITZUNG)), Section(parts, "Ö 1 – X")])


def test_one_house_style_for_the_whole_mappe() -> None:
    template = vorlagen.Template.shipped("default", hausstil={"top_nummern": "1."})
    doc = open_docx(vorlagen.render_mappe(SITZUNG, template=template))
    rows = [r.cells[0].text for t in doc.tables for r in t.rows if r.cells[0].text[:1].isdigit()]
    assert rows[:2] == ["1.", "2."]  # the Einladung numbers as the Mappe's headings do
    assert headings(doc)[0].startswith("4. – ")


def test_papers_keep_their_templates_defaults_in_a_mappe_of_another_design(
    tmp_path: Path,
) -> None:
    # the town's papers (Times New Roman 12 pt by default) after the county's Einladung (Arial)
    data = vorlagen.render_mappe(SITZUNG, template="stadt", einladung_template="default")
    doc = open_docx(data)
    paragraph = next(p for p in doc.paragraphs if p.text == "Der Kreistag beschließt:")
    style = paragraph.style
    assert style is not None
    assert style.style_id.startswith("Normal-")
    assert style.font.name == "Times New Roman"
    assert doc.styles["Normal"].font.name != "Times New Roman"  # the Einladung's stays
    target = tmp_path / "gemischt.docx"
    target.write_bytes(data)
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]
