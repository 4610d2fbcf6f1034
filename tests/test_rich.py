"""Rich content from Markdown, placed into Word paragraph by paragraph."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx.document import Document
from openxml_audit import OpenXmlValidator
from PIL import Image

import vorlagen
from tests import templates
from tests.conftest import example_data, open_docx
from tests.images import png
from vorlagen import Hausstil, Sitzungsvorlage, Template

FILES = Path(__file__).resolve().parent / "files"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@pytest.fixture(scope="module")
def basis(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bilder")
    (folder / "lageplan.png").write_bytes(png())
    return folder


def paper(basis: Path, **changes: Any) -> Sitzungsvorlage:
    data = example_data("beschlussvorlage.json")
    data["sachdarstellung"] = {
        "markdown": (FILES / "sachdarstellung.md").read_text(encoding="utf-8")
    }
    data.update(changes)
    return Sitzungsvorlage.model_validate(data, context={"basis": basis})


def sach(doc: Document) -> list[Any]:
    """The paragraphs of the Sachdarstellung (python-docx objects)."""
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Sachdarstellung") + 1
    end = next(i for i, p in enumerate(paragraphs) if p.text == "Finanzielle Auswirkungen")
    return paragraphs[start:end]


def numbering(p: Any) -> tuple[int, str] | None:
    num_pr = p._p.find(f"{W}pPr/{W}numPr")
    if num_pr is None:
        return None
    return int(num_pr.find(f"{W}ilvl").get(f"{W}val")), num_pr.find(f"{W}numId").get(f"{W}val")


@pytest.fixture(scope="module")
def rendered(basis: Path) -> tuple[bytes, Document]:
    data = vorlagen.render(paper(basis))
    return data, open_docx(data)


def test_paragraph_by_paragraph(rendered: tuple[bytes, Document]) -> None:
    _, doc = rendered
    rows = [(p.style.name if p.style else "", p.text, numbering(p)) for p in sach(doc)]
    first, nested_bullets, restarted = rows[4][2], rows[8][2], rows[13][2]
    assert first is not None
    assert nested_bullets is not None
    assert restarted is not None
    number, bullet, restart = first[1], nested_bullets[1], restarted[1]
    assert len({number, bullet, restart}) == 3  # the second numbered list has its own
    assert rows == [
        ("Heading 3", "Ausgangslage", None),
        (
            "Normal",
            "Der Kreistag hat die „Schulentwicklungsplanung“ beschlossen (vgl. §\xa080 "
            "Abs.\xa01 SchulG NRW, z.\xa0B. für 2024–2028).\nZweite Zeile nach hartem Umbruch.",
            None,
        ),
        (
            "Normal",
            "Wichtig sind drei Punkte und ein Vorbehalt; siehe Anlage_3.xlsx und den "
            "Haushaltsplan.",
            None,
        ),
        ("Heading 4", "Maßnahmen", None),
        ("List Number", "Der Kreistag beschließt die Erweiterung.", (0, number)),
        ("List Number", "Die Verwaltung wird beauftragt,", (0, number)),
        ("List Number", "die Planung zu vergeben und", (1, number)),
        ("List Number", "Fördermittel zu beantragen:", (1, number)),
        ("List Bullet", "Programm „Gute Schule“", (2, bullet)),
        ("List Bullet", "Landesmittel", (2, bullet)),
        ("List Number", "Der Kämmerer berichtet.", (0, number)),
        ("List Bullet", "erster Punkt", None),
        ("List Bullet", "zweiter Punkt", None),
        ("List Number", "Neue Liste beginnt bei eins", (0, restart)),
        ("List Number", "Zweiter Eintrag", (0, restart)),
        ("Quote", "Eine gute Schule braucht Räume, in denen gelernt werden kann.", None),
        ("Normal", "", None),  # the image
        ("Caption", "Abbildung 1: Lageplan Variante A", None),
    ]


def test_runs_links_and_code(rendered: tuple[bytes, Document]) -> None:
    _, doc = rendered
    paragraph = sach(doc)[2]
    assert [r.text for r in paragraph.runs if r.bold] == ["drei Punkte"]
    assert [r.text for r in paragraph.runs if r.italic] == ["ein Vorbehalt"]
    assert "Anlage_3.xlsx" in paragraph.text  # code stays exactly as written
    (link,) = paragraph._p.findall(f"{W}hyperlink")
    assert "".join(t.text for t in link.iter(f"{W}t")) == "Haushaltsplan"
    target = doc.part.rels[link.get(f"{R}id")]
    assert target.is_external
    assert target.target_ref == "https://www.kreis-lindenau.example/haushalt"
    assert link.find(f"{W}r/{W}rPr/{W}rStyle").get(f"{W}val") == "Hyperlink"


def test_table_alignment_from_markdown(rendered: tuple[bytes, Document]) -> None:
    _, doc = rendered
    table = doc.tables[1]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Jahr", "Betrag", "Bemerkung"],
        ["2027", "420.000\xa0€", "Planung"],
        ["2028", "2.600.000\xa0€", "Bau"],
    ]
    alignment = [
        [
            c.paragraphs[0].alignment.name if c.paragraphs[0].alignment is not None else None
            for c in r.cells
        ]
        for r in table.rows
    ]
    assert alignment == [["LEFT", "RIGHT", "CENTER"]] * 3
    assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None


def test_columns_of_numbers_are_right_aligned_without_an_alignment(basis: Path) -> None:
    table = (
        "| Jahr | Betrag | Anteil |\n|---|---|---|\n"
        "| 2027 | 420.000 € | 12,5 % |\n| 2028 | -5 € | 3 % |"
    )
    doc = open_docx(vorlagen.render(paper(basis, sachdarstellung={"markdown": table})))
    cells = doc.tables[1].rows[1].cells
    alignment = [c.paragraphs[0].alignment for c in cells]
    assert [a.name if a is not None else None for a in alignment] == ["RIGHT", "RIGHT", "RIGHT"]
    # a column of words keeps the paragraph's own alignment
    words = "| Gremium |\n|---|\n| Kreistag |"
    doc = open_docx(vorlagen.render(paper(basis, sachdarstellung={"markdown": words})))
    assert doc.tables[1].rows[1].cells[0].paragraphs[0].alignment is None


def test_image_with_alt_text_scaled_to_the_text_width(
    rendered: tuple[bytes, Document], basis: Path
) -> None:
    data, doc = rendered
    paragraphs = sach(doc)
    image_paragraph = next(p for p in paragraphs if p._p.find(f".//{WP}docPr") is not None)
    doc_pr = image_paragraph._p.find(f".//{WP}docPr")
    assert doc_pr.get("descr") == "Lageplan des Anbaus an der Nordseite"
    extent = image_paragraph._p.find(f".//{WP}extent")
    width, height = int(extent.get("cx")), int(extent.get("cy"))
    with Image.open(basis / "lageplan.png") as source:
        assert abs(width / height - source.width / source.height) < 0.01
    assert width <= 9355 * 635
    caption = paragraphs[paragraphs.index(image_paragraph) + 1]
    assert caption.style is not None
    assert (caption.style.name, caption.text) == ("Caption", "Abbildung 1: Lageplan Variante A")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        assert len(media) == 1
        assert z.read(media[0]) == (basis / "lageplan.png").read_bytes()


def test_valid_ooxml(rendered: tuple[bytes, Document], tmp_path: Path) -> None:
    data, _ = rendered
    target = tmp_path / "markdown.docx"
    target.write_bytes(data)
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]


def test_typography_can_be_switched_off(basis: Path) -> None:
    doc = open_docx(vorlagen.render(paper(basis), hausstil=Hausstil(typografie=False)))
    assert sach(doc)[1].text.startswith(
        'Der Kreistag hat die "Schulentwicklungsplanung" beschlossen'
    )


@pytest.mark.parametrize("builder", [templates.german, templates.bare], ids=["german", "bare"])
def test_other_templates_style_quotes_captions_links(
    basis: Path, builder: Callable[[], bytes]
) -> None:
    doc = open_docx(Template.from_bytes(builder()).render(paper(basis)))
    styles = {p.text: p.style.name if p.style else "" for p in doc.paragraphs}
    assert styles["Eine gute Schule braucht Räume, in denen gelernt werden kann."] == "Quote"
    assert styles["Abbildung 1: Lageplan Variante A"] == "Caption"
    assert doc.styles["Hyperlink"].type == 2  # a character style


@pytest.mark.libreoffice
def test_through_libreoffice(basis: Path, to_pdf_text: Callable[[bytes], str]) -> None:
    text = " ".join(to_pdf_text(vorlagen.render(paper(basis))).split())
    assert "„Schulentwicklungsplanung“" in text
    assert "2024–2028" in text
    assert "1. Der Kreistag beschließt die Erweiterung. 2. Die Verwaltung wird beauftragt," in text
    assert "a) die Planung zu vergeben und" in text
    assert "b) Fördermittel zu beantragen: ◦ Programm „Gute Schule“ ◦ Landesmittel" in text
    assert "1. Neue Liste beginnt bei eins 2. Zweiter Eintrag" in text
    assert "Haushaltsplan" in text
    assert "Abbildung 1: Lageplan Variante A" in text
