"""The second shipped template: a town's letterhead with its arms, the Beratungsfolge as a list."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openxml_audit import OpenXmlValidator

import vorlagen
from tests.conftest import EXAMPLE_FILES, example, open_docx
from vorlagen import Template

STADT = Path(vorlagen.__file__).parent / "templates" / "stadt.docx"


@pytest.fixture(scope="module")
def stadt() -> Template:
    return Template.from_path(STADT)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_renders_every_example(stadt: Template, path: Path, tmp_path: Path) -> None:
    paper = example(path.name)
    target = stadt.save(paper, tmp_path / "stadt.docx")
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]
    doc = open_docx(target.read_bytes())
    styled = [(p.style.name if p.style else "", p.text) for p in doc.paragraphs]
    assert ("Heading 1", paper.betreff) in styled
    beratungen = [text for style, text in styled if style == "Beratung"]
    assert beratungen == [
        f"{b.sitzungsdatum:%d.%m.%Y}\t{b.gremium} ({b.zustaendigkeit.value}"
        + ("" if b.oeffentlich else ", nichtöffentlich")
        + ")"
        for b in paper.beratungsfolge
    ]
    header = doc.sections[0].header
    assert [p.text for p in header.paragraphs] == [paper.koerperschaft, "Der Bürgermeister"]


def test_town_paper(stadt: Template) -> None:
    paper = example("stadt-beschlussvorlage.json")
    doc = open_docx(stadt.render(paper))
    texts = [p.text for p in doc.paragraphs]
    assert "Vorlage Nr. SV 2026/114\t21.09.2026" in texts
    assert "Amt: Amt 61 – Stadtplanung und Verkehr · Az. 61.4-23/26" in texts
    finance = [[cell.text for cell in row.cells] for row in doc.tables[1].rows]
    assert [
        "2027",
        "Fördermittel Nahmobilität (Produkt 12.01.02), außerplanmäßig",
        "\u2212292.500,00\xa0€",
    ] in finance
    assert finance[-1] == ["Summe", "", "97.500,00\xa0€"]
    assert "Förderrichtlinie d.\xa0MUNV v.\xa015.02.2024" in texts
    assert texts[-2:] == [
        "1.\tLageplan Bahnhof West",
        "2.\tErgebnis der Zählung vom 12. bis 16. Mai 2026",
    ]
    assert len(doc.tables) == 2  # the finance positions and the table from the Sachdarstellung


def test_header_has_the_arms_with_alternative_text(stadt: Template) -> None:
    data = stadt.render(example("stadt-beschlussvorlage.json"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        header = z.read("word/header1.xml").decode("utf-8")
        logo = z.read("word/media/wappen.png")
    assert 'descr="Wappen der Stadt"' in header
    assert logo.startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.libreoffice
def test_through_libreoffice(stadt: Template, to_pdf_text: Callable[[bytes], str]) -> None:
    text = " ".join(to_pdf_text(stadt.render(example("stadt-beschlussvorlage.json"))).split())
    assert "Stadt Wiesental Der Bürgermeister" in text
    assert "07.10.2026" in text
    assert "Ausschuss für Stadtentwicklung und Verkehr (Vorberatung)" in text
    assert "Seite 1 von 2" in text
