"""The example papers through LibreOffice: the text a reader sees in the PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import vorlagen
from tests.conftest import EXAMPLE_FILES, example

pytestmark = pytest.mark.libreoffice


def squash(text: str) -> str:
    """Text with line breaks and runs of spaces folded.

    A PDF keeps no trace of a no-break space (pdftotext reads it as a space); the DOCX tests
    check that they are there.
    """
    return " ".join(text.split())


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_examples_convert_with_their_text(path: Path, to_pdf_text: Callable[[bytes], str]) -> None:
    paper = example(path.name)
    text = squash(to_pdf_text(vorlagen.render(paper)))
    assert squash(paper.betreff) in text
    assert paper.koerperschaft in text
    assert "Sachdarstellung" in text
    for beratung in paper.beratungsfolge:
        assert beratung.gremium in text
    assert "Seite 1 von" in text
    assert "{{" not in text
    assert "{%" not in text


def test_umlauts_amounts_and_citations_survive(to_pdf_text: Callable[[bytes], str]) -> None:
    text = squash(to_pdf_text(vorlagen.render(example("beschlussvorlage.json"))))
    assert "Fachraumtrakt für Pflege und Gesundheit" in text
    assert "Schülerzahlprognose" in text
    assert "4.850.000,00 €" in text
    assert "§ 26 Abs. 1 Satz 2 Buchst. e KrO NRW" in text
    assert "14. Dezember 2023" in text
    assert "1. Das Berufskolleg" in text
    assert "„Gute Schule“" in text


def test_second_numbered_list_starts_at_one(
    to_pdf_text: Callable[[bytes], str], make_paper: Callable[..., vorlagen.Sitzungsvorlage]
) -> None:
    paper = make_paper(
        beschlussvorschlag=[{"typ": "liste", "nummeriert": True, "eintraege": ["Alpha", "Beta"]}],
        sachdarstellung=[{"typ": "liste", "nummeriert": True, "eintraege": ["Gamma", "Delta"]}],
    )
    text = squash(to_pdf_text(vorlagen.render(paper)))
    assert "1. Alpha 2. Beta" in text
    assert "1. Gamma 2. Delta" in text
