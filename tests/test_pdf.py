"""PDF through LibreOffice: text, PDF/A-2b, tags for accessibility, batches, failures."""

from __future__ import annotations

import io
import stat
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest

import vorlagen
from tests.conftest import EXAMPLE_FILES, example, require_libreoffice
from vorlagen import ConversionError
from vorlagen.pdf import SOFFICE_ENV, to_pdf, to_pdf_many


def squash(text: str) -> str:
    """Text with line breaks and runs of spaces folded.

    A PDF keeps no trace of a no-break space (pdftotext reads a space); the DOCX tests check
    that they are there, and LibreOffice does not break lines at them.
    """
    return " ".join(text.split())


@pytest.mark.libreoffice
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


@pytest.mark.libreoffice
def test_umlauts_amounts_and_citations_survive(to_pdf_text: Callable[[bytes], str]) -> None:
    text = squash(to_pdf_text(vorlagen.render(example("beschlussvorlage.json"))))
    assert "Fachraumtrakt für Pflege und Gesundheit" in text
    assert "Schülerzahlprognose" in text
    assert "4.850.000,00 €" in text
    assert "§ 26 Abs. 1 Satz 2 Buchst. e KrO NRW" in text
    assert "14. Dezember 2023" in text
    assert "1. Das Berufskolleg" in text
    assert "„Gute Schule“" in text


@pytest.mark.libreoffice
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


def structure(node: Any, found: Counter[str]) -> Counter[str]:
    kind = node.get("/S")
    if kind is not None:
        found[str(kind)] += 1
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary):
            structure(kid, found)
    return found


def fonts(pdf: pikepdf.Pdf) -> list[tuple[str, bool]]:
    out = []
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font.DescendantFonts[0].get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            out.append((str(font.get("/BaseFont")), embedded))
    return out


@pytest.fixture(scope="module", name="require_libreoffice")
def _require_libreoffice() -> None:
    require_libreoffice()


@pytest.mark.libreoffice
@pytest.mark.usefixtures("require_libreoffice")
def test_pdf_is_pdfa_and_tagged() -> None:
    paper = example("beschlussvorlage.json")
    pdf = pikepdf.open(
        io.BytesIO(
            vorlagen.Template.from_path(
                Path(vorlagen.__file__).parent / "templates" / "default.docx"
            ).render_pdf(paper)
        )
    )
    meta = pdf.open_metadata()
    assert meta.get("pdfaid:part") == "3"  # PDF/A-3b: it carries the paper's data (test_daten)
    assert meta.get("pdfaid:conformance") == "B"
    assert meta.get("dc:title") == paper.betreff
    assert bool(pdf.Root.MarkInfo.Marked)
    assert str(pdf.Root.Lang) == "de-DE"
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
    tags = structure(pdf.Root.StructTreeRoot, Counter())
    assert tags["/H1"] == 1
    assert tags["/H2"] == 6
    assert tags["/Table"] >= 3
    assert tags["/TH"] >= 4
    embedded = fonts(pdf)
    assert embedded
    assert all(is_embedded for _, is_embedded in embedded), embedded


@pytest.mark.libreoffice
@pytest.mark.usefixtures("require_libreoffice")
def test_batch_in_one_process_keeps_the_order() -> None:
    papers = [example(path.name) for path in EXAMPLE_FILES]
    pdfs = to_pdf_many([vorlagen.render(p) for p in papers])
    titles = [pikepdf.open(io.BytesIO(pdf)).open_metadata().get("dc:title") for pdf in pdfs]
    assert titles == [p.betreff for p in papers]
    assert to_pdf_many([]) == []


# -- failures, with a stand-in for LibreOffice ----------------------------------------------


def fake_soffice(tmp_path: Path, script: str) -> str:
    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    return str(program)


def test_missing_libreoffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv(SOFFICE_ENV, raising=False)
    with pytest.raises(ConversionError, match="apt-get install libreoffice-writer-nogui"):
        to_pdf(b"x")
    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "fehlt"))
    with pytest.raises(ConversionError, match=f"{SOFFICE_ENV}=.*kein ausführbares Programm"):
        to_pdf(b"x")


def test_failing_libreoffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(SOFFICE_ENV, fake_soffice(tmp_path, "echo 'Error: source file' >&2\nexit 1"))
    with pytest.raises(ConversionError, match="Status 1: Error: source file"):
        to_pdf(b"x")


def test_libreoffice_without_output(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(SOFFICE_ENV, fake_soffice(tmp_path, "exit 0"))
    with pytest.raises(ConversionError, match="Dokument 1 nicht umgewandelt"):
        to_pdf(b"x")


def test_hanging_libreoffice_is_ended_with_its_children(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    marker = tmp_path / "child.pid"
    monkeypatch.setenv(
        SOFFICE_ENV, fake_soffice(tmp_path, f"sleep 60 &\necho $! > {marker}\nwait\n")
    )
    with pytest.raises(ConversionError, match="nach 1 s nicht fertig"):
        to_pdf(b"x", timeout=1)
    child = int(marker.read_text().strip())
    for _ in range(100):
        if not running(child):
            break
        time.sleep(0.02)
    else:
        pytest.fail("the child of the hanging LibreOffice is still running")


def running(pid: int) -> bool:
    """Whether a process runs (a zombie, dead but not yet reaped by init, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"
