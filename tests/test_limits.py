"""Inputs far beyond real papers render (in time linear in their size: benchmarks/)."""

from __future__ import annotations

import io
import zipfile

import vorlagen
from tests.conftest import minimal_data, open_docx
from vorlagen import Hausstil, Sitzungsvorlage


def body(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_one_megabyte_paragraph() -> None:
    text = "Sitzungsvorlage " * 65_536
    paper = Sitzungsvorlage.model_validate(minimal_data(sachdarstellung=text))
    doc = open_docx(vorlagen.render(paper, hausstil=Hausstil(typografie=False)))
    assert text in [p.text for p in doc.paragraphs]  # trailing space included


def test_hundred_thousand_paragraphs() -> None:
    blocks = [{"typ": "absatz", "text": f"Absatz {i}"} for i in range(100_000)]
    paper = Sitzungsvorlage.model_validate(minimal_data(sachdarstellung=blocks))
    xml = body(vorlagen.render(paper))
    assert xml.count("Absatz ") == 100_000
    assert "Absatz 99999</w:t>" in xml


def test_thousand_beratungen() -> None:
    folge = [
        {
            "gremium": f"Ausschuss {i}",
            "sitzungsdatum": "2026-06-01",
            "zustaendigkeit": "Vorberatung",
        }
        for i in range(999)
    ] + [{"gremium": "Kreistag", "sitzungsdatum": "2026-06-02", "zustaendigkeit": "Entscheidung"}]
    paper = Sitzungsvorlage.model_validate(minimal_data(beratungsfolge=folge))
    doc = open_docx(vorlagen.render(paper))
    rows = doc.tables[0].rows
    assert len(rows) == 1001
    assert rows[1000].cells[0].text == "Kreistag"
