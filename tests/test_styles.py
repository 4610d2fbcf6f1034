"""Rich content in a template's own styles, found by built-in name; missing styles added."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from lxml import etree
from openxml_audit import OpenXmlValidator

import vorlagen
from tests import templates
from tests.conftest import EXAMPLE_FILES, example, minimal_data, open_docx
from vorlagen import Sitzungsvorlage, Template
from vorlagen.docx.build import zip_parts
from vorlagen.docx.ns import W_NS, w
from vorlagen.docx.styles import builtin_name, heading_level, prepare_styles

MakePaper = Callable[..., Sitzungsvorlage]

RICH = [
    {"typ": "ueberschrift", "text": "Ebene eins"},
    {"typ": "ueberschrift", "text": "Ebene zwei", "ebene": 2},
    {"typ": "ueberschrift", "text": "Ebene drei", "ebene": 3},
    {"typ": "absatz", "text": "Ein Absatz."},
    {"typ": "liste", "eintraege": ["Punkt"]},
    {"typ": "liste", "nummeriert": True, "eintraege": ["Erstens", "Zweitens"]},
    {"typ": "tabelle", "kopf": ["Jahr"], "zeilen": [["2027"]]},
]


def style_ids(doc: Document) -> dict[str, str]:
    """Paragraph text -> style id."""
    return {p.text: p.style.style_id for p in doc.paragraphs if p.text and p.style}


def table_style(doc: Document, index: int) -> str | None:
    style = doc.tables[index].style
    return style.style_id if style is not None else None


def styles_part(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/styles.xml").decode("utf-8")


def test_german_template_uses_its_own_styles(make_paper: MakePaper) -> None:
    template = Template.from_bytes(templates.german(), name="kreis-deutsch.docx")
    data = template.render(make_paper(betreff="Betreff der Vorlage", sachdarstellung=RICH))
    doc = open_docx(data)
    ids = style_ids(doc)
    assert ids["Betreff der Vorlage"] == "berschrift1"
    assert ids["Sachdarstellung"] == "berschrift2"
    assert ids["Ebene eins"] == "berschrift3"
    assert ids["Ebene zwei"] == "berschrift4"
    assert ids["Punkt"] == "Aufzhlungszeichen"
    assert ids["Erstens"] == "Listennummer"
    assert table_style(doc, 1) == "Tabellenraster"
    # "Überschrift 5" is missing from this template: a default heading 5 is added
    assert ids["Ebene drei"] == "Heading5"
    heading5 = doc.styles["Heading 5"]
    assert heading5.style_id == "Heading5"
    assert heading5.base_style is not None
    assert heading5.base_style.style_id == "Standard"
    assert styles_part(data).count('w:styleId="Heading5"') == 1


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_german_template_renders_every_example(path: Path) -> None:
    paper = example(path.name)
    data = Template.from_bytes(templates.german()).render(paper)
    doc = open_docx(data)
    assert [p.text for p in doc.paragraphs if p.style and p.style.style_id == "berschrift1"] == [
        paper.betreff
    ]
    assert doc.paragraphs[1].style is not None
    assert doc.paragraphs[1].style.name == "Titel"


@pytest.mark.libreoffice
def test_german_template_through_libreoffice(to_pdf_text: Callable[[bytes], str]) -> None:
    paper = example("mitteilungsvorlage.json")
    text = " ".join(to_pdf_text(Template.from_bytes(templates.german()).render(paper)).split())
    assert "Schwerpunkte im Schuljahr 2026/27" in text
    assert "Prävention von Schulabsentismus" in text
    assert "RdErl. d. MSB und d. MAGS" in text


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_tags_split_across_runs_render_like_whole_ones(path: Path) -> None:
    paper = example(path.name)
    split = open_docx(Template.from_bytes(templates.split_runs()).render(paper))
    whole = open_docx(vorlagen.render(paper))
    assert [p.text for p in split.paragraphs] == [p.text for p in whole.paragraphs]
    assert [[c.text for c in r.cells] for t in split.tables for r in t.rows] == [
        [c.text for c in r.cells] for t in whole.tables for r in t.rows
    ]


def test_bare_template_gets_every_style_it_needs(make_paper: MakePaper, tmp_path: Path) -> None:
    template = Template.from_bytes(templates.bare())
    liste = {"typ": "liste", "nummeriert": True, "eintraege": ["a", "b"]}
    data = template.render(make_paper(sachdarstellung=[*RICH, liste]))
    doc = open_docx(data)
    ids = style_ids(doc)
    assert ids["Ebene eins"] == "Heading1"
    assert ids["Ebene drei"] == "Heading3"
    assert ids["Punkt"] == "ListBullet"
    assert ids["Erstens"] == "ListNumber"
    assert table_style(doc, 0) == "TableGrid"
    numbered = [p for p in doc.paragraphs if p.style and p.style.style_id == "ListNumber"]
    num_ids = {p._p.pPr.numPr.numId.val for p in numbered}  # type: ignore[union-attr]
    assert len(num_ids) == 2  # each list restarts
    target = tmp_path / "bare.docx"
    target.write_bytes(data)
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]


def with_styles_with_effects(data: bytes) -> bytes:
    """A template as Word 2010 saves it: a second copy of its styles, related from the body."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {name: z.read(name).decode("utf-8") for name in z.namelist()}
    parts["word/stylesWithEffects.xml"] = parts["word/styles.xml"]
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        "</Types>",
        '<Override PartName="/word/stylesWithEffects.xml" '
        'ContentType="application/vnd.ms-word.stylesWithEffects+xml"/></Types>',
    )
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2007/relationships/'
        'stylesWithEffects" Target="stylesWithEffects.xml"/></Relationships>',
    )
    return zip_parts(parts)


def test_word_2010_copy_of_changed_styles_is_dropped(make_paper: MakePaper, tmp_path: Path) -> None:
    # the bare template gets styles (and German): a stale copy would contradict them
    data = Template.from_bytes(with_styles_with_effects(templates.bare())).render(make_paper())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "word/stylesWithEffects.xml" not in z.namelist()
        assert b"stylesWithEffects" not in z.read("[Content_Types].xml")
        assert b"stylesWithEffects" not in z.read("word/_rels/document.xml.rels")
    assert open_docx(data).paragraphs[0].text == make_paper().betreff
    target = tmp_path / "word2010.docx"
    target.write_bytes(data)
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]


def test_word_2010_copy_of_unchanged_styles_stays() -> None:
    data = with_styles_with_effects(templates.DEFAULT.read_bytes())
    assert Template.from_bytes(data).data == data


def test_template_with_styles_keeps_its_bytes() -> None:
    shipped = (Path(vorlagen.__file__).parent / "templates" / "default.docx").read_bytes()
    assert Template.from_bytes(shipped).data == shipped


@pytest.mark.parametrize(
    ("saved", "builtin"),
    [
        ("heading 1", "heading 1"),
        ("Heading 1", "heading 1"),
        ("Überschrift 2", "heading 2"),
        (" Standard ", "normal"),
        ("Tabellenraster", "table grid"),
        ("Kopfangabe", "kopfangabe"),
    ],
)
def test_builtin_name(saved: str, builtin: str) -> None:
    style = etree.fromstring(f'<w:style xmlns:w="{W_NS}"><w:name w:val="{saved}"/></w:style>')
    assert builtin_name(style) == builtin


@pytest.mark.parametrize(
    ("name", "level"),
    [("heading 1", 1), ("heading 9", 9), ("heading 10", None), ("title", None), ("", None)],
)
def test_heading_level(name: str, level: int | None) -> None:
    assert heading_level(name) == level


@pytest.mark.parametrize(
    ("name", "style_id", "based_on"),
    [
        ("heading 1", "Heading1", "Normal"),
        ("heading 9", "Heading9", "Normal"),
        ("list bullet", "ListBullet", "Normal"),
        ("list number", "ListNumber", "Normal"),
        ("table grid", "TableGrid", None),  # the bare template has no "Normal Table"
        ("quote", "Quote", "Normal"),
        ("caption", "Caption", "Normal"),
        ("hyperlink", "Hyperlink", None),  # nor a "Default Paragraph Font"
    ],
)
def test_each_missing_style_is_added(name: str, style_id: str, based_on: str | None) -> None:
    with zipfile.ZipFile(io.BytesIO(templates.bare())) as z:
        files = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(prepare_styles(files, [name])["word/styles.xml"])
    added = {builtin_name(s): s for s in root.iter(w("style"))}[name]
    assert added.get(w("styleId")) == style_id
    base = added.find(w("basedOn"))
    assert (base.get(w("val")) if base is not None else None) == based_on


# -- list levels -------------------------------------------------------------------------------

NESTED = """1. Erster Punkt der Liste mit Zahlen
   - Unterpunkt als Aufzählung darunter
     - und eine Ebene tiefer
2. Zweiter Punkt der Liste mit Zahlen
   1. Unterpunkt mit Buchstaben
      1. und eine Ebene tiefer

- Punkt einer Aufzählung
  - Unterpunkt einer Aufzählung
    - und eine Ebene tiefer
"""


def single_level() -> bytes:
    """The shipped template with one level per list, as Word defines "List Bullet".

    Its levels carry the template code Word gives them (``w:tplc``), to be told apart.
    """
    parts = templates.shipped_parts()
    numbering = re.sub(r'<w:lvl w:ilvl="[12]">.*?</w:lvl>', "", parts["word/numbering.xml"])
    parts["word/numbering.xml"] = numbering.replace("hybridMultilevel", "singleLevel").replace(
        '<w:lvl w:ilvl="0">', '<w:lvl w:ilvl="0" w:tplc="04070001">'
    )
    return zip_parts(parts)


def python_docx_default() -> bytes:
    """A template made from python-docx's default document, whose list styles have one level."""
    document = docx.Document()
    document.add_paragraph("{{ vorlage.betreff }}", style="Title")
    document.add_heading("Sachdarstellung", 1)
    document.add_paragraph("{{p vorlage.sachdarstellung }}")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def nested_lists(template: bytes) -> bytes:
    paper = Sitzungsvorlage.model_validate(minimal_data(sachdarstellung={"markdown": NESTED}))
    return Template.from_bytes(template).render(paper)


def definitions(data: bytes) -> tuple[Any, Any]:
    """The numbering part and the styles part of a package, parsed."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/numbering.xml")), etree.fromstring(
            z.read("word/styles.xml")
        )


def definition_of(numbering: Any, num_id: str) -> Any:
    """The list definition (``w:abstractNum``) behind the instance ``num_id``."""
    (num,) = [n for n in numbering.iter(w("num")) if n.get(w("numId")) == num_id]
    abstract_id = num.find(w("abstractNumId")).get(w("val"))
    (definition,) = [
        a for a in numbering.iter(w("abstractNum")) if a.get(w("abstractNumId")) == abstract_id
    ]
    return definition


def levels_of(numbering: Any, num_id: str) -> list[tuple[str, str, str | None]]:
    """Each level's number format, text and template code in the definition of ``num_id``."""
    return [
        (
            lvl.find(w("numFmt")).get(w("val")),
            lvl.find(w("lvlText")).get(w("val")),
            lvl.get(w("tplc")),
        )
        for lvl in definition_of(numbering, num_id).iter(w("lvl"))
    ]


def test_single_level_lists_get_every_level(tmp_path: Path) -> None:
    data = nested_lists(single_level())
    numbering, styles = definitions(data)
    style_num = {
        s.get(w("styleId")): s.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}").get(w("val"))
        for s in styles.iter(w("style"))
        if s.get(w("styleId")) in ("ListBullet", "ListNumber")
    }
    # the first level is the template's own, the others are added
    assert levels_of(numbering, style_num["ListBullet"]) == [
        ("bullet", "•", "04070001"),
        ("bullet", "–", None),
        ("bullet", "◦", None),
    ]
    assert levels_of(numbering, style_num["ListNumber"]) == [
        ("decimal", "%1.", "04070001"),
        ("lowerLetter", "%2)", None),
        ("lowerRoman", "%3.", None),
    ]
    # the template's own definitions stay as they were
    assert [len(a.findall(w("lvl"))) for a in numbering.iter(w("abstractNum"))] == [1, 1, 3, 3]
    # every list paragraph's level exists in its list's definition
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body: Any = etree.fromstring(z.read("word/document.xml"))
    for num_pr in body.iter(w("numPr")):
        level = int(num_pr.find(w("ilvl")).get(w("val")))
        assert level < len(levels_of(numbering, num_pr.find(w("numId")).get(w("val"))))
    target = tmp_path / "listen.docx"
    target.write_bytes(data)
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]


def test_templates_with_every_level_keep_their_lists() -> None:
    numbering, _ = definitions(nested_lists(templates.DEFAULT.read_bytes()))
    assert len(numbering.findall(w("abstractNum"))) == 2


@pytest.mark.libreoffice
@pytest.mark.parametrize(
    "builder", [single_level, python_docx_default], ids=["single-level", "python-docx"]
)
def test_nested_lists_through_libreoffice(
    builder: Callable[[], bytes], to_pdf_text: Callable[[bytes], str], tmp_path: Path
) -> None:
    del to_pdf_text  # requested for its check that LibreOffice and pdftotext are there
    pdf = tmp_path / "listen.pdf"
    pdf.write_bytes(vorlagen.to_pdf(nested_lists(builder())))
    # with -layout, each list entry is one line, its marker first
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    start = lines.index("1. Erster Punkt der Liste mit Zahlen")
    # bullets stay bullets at every level, numbers go 1. -> a) -> i.
    assert lines[start : start + 9] == [
        "1. Erster Punkt der Liste mit Zahlen",
        "– Unterpunkt als Aufzählung darunter",
        "◦ und eine Ebene tiefer",
        "2. Zweiter Punkt der Liste mit Zahlen",
        "a) Unterpunkt mit Buchstaben",
        "i. und eine Ebene tiefer",
        lines[start + 6],  # python-docx's first bullet is a Symbol glyph, not text
        "– Unterpunkt einer Aufzählung",
        "◦ und eine Ebene tiefer",
    ]
    assert lines[start + 6].endswith("Punkt einer Aufzählung")
    assert not lines[start + 6][0].isdigit()


def test_a_template_without_styles_gets_the_ones_its_text_refers_to(
    make_paper: MakePaper, tmp_path: Path
) -> None:
    parts = templates.shipped_parts()
    del parts["word/styles.xml"]
    parts["word/_rels/document.xml.rels"] = re.sub(
        r'<Relationship [^>]*Target="styles.xml"/>', "", parts["word/_rels/document.xml.rels"]
    )
    parts["[Content_Types].xml"] = re.sub(
        r'<Override PartName="/word/styles.xml"[^>]*/>', "", parts["[Content_Types].xml"]
    )
    assert 'w:pStyle w:val="Footer"' in parts["word/footer1.xml"]
    data = Template.from_bytes(zip_parts(parts)).render(make_paper())
    doc = open_docx(data)
    assert doc.sections[0].footer.paragraphs[0].style.style_id == "Footer"
    target = tmp_path / "ohne-formatvorlagen.docx"
    target.write_bytes(data)
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]
