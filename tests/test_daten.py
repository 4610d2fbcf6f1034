"""Every paper's DOCX and PDF carries its data, and ``read`` gives the paper back exactly."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from openxml_audit import OpenXmlValidator

import vorlagen
from tests.conftest import example, example_sitzung, open_docx, require_libreoffice
from tests.strategies import papers
from vorlagen.daten import FORMAT, NAMESPACE, carried
from vorlagen.docx.package import pack

PAPER = example("beschlussvorlage.json")
TEMPLATES = ["default", "stadt"]


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_the_docx_carries_the_paper_in_a_custom_xml_part(tmp_path: Path) -> None:
    data = vorlagen.render(PAPER)
    files = parts(data)
    items = [n for n in files if re.fullmatch(r"customXml/item\d+\.xml", n)]
    assert items == ["customXml/item1.xml"]
    root = etree.fromstring(files["customXml/item1.xml"])
    assert root.tag == f"{{{NAMESPACE}}}daten"
    payload = json.loads(str(root.text))
    assert payload["format"] == FORMAT == "vorlagen/1"
    assert payload["vorlage"]["nummer"] == PAPER.nummer
    assert re.fullmatch(r"[0-9a-f]{64}", payload["text_sha256"])
    # related from the body as Word relates a document's data, with its properties
    rels = files["word/_rels/document.xml.rels"].decode()
    assert 'relationships/customXml" Target="../customXml/item1.xml"' in rels
    assert b"customXmlProps" in files["customXml/_rels/item1.xml.rels"]
    assert b"/customXml/itemProps1.xml" in files["[Content_Types].xml"]
    assert open_docx(data).paragraphs  # python-docx reads it
    target = tmp_path / "vorlage.docx"
    target.write_bytes(data)
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]


@pytest.mark.parametrize("template", TEMPLATES)
def test_read_gives_the_rendered_paper_back(template: str) -> None:
    for paper in [PAPER, *example_sitzung().vorlagen]:
        assert vorlagen.read(vorlagen.render(paper, template)) == paper


@settings(
    max_examples=max(10, settings().max_examples // 4),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(papers(), st.sampled_from(TEMPLATES))
def test_every_generated_paper_comes_back_equal(
    paper: vorlagen.Sitzungsvorlage, template: str
) -> None:
    assert vorlagen.read(vorlagen.render(paper, template)) == paper


def test_a_public_version_carries_the_public_version() -> None:
    public = vorlagen.render(PAPER, fassung="oeffentlich")
    read = vorlagen.read(public)
    stil = vorlagen.Template.shipped("default").hausstil
    assert read == PAPER.oeffentliche_fassung(stil.unterzeichner_oeffentlich)
    assert read.sachbearbeitung is None
    assert read != PAPER


def test_a_template_keeps_its_own_custom_xml() -> None:
    template = parts(vorlagen.Template.shipped("default").data)
    own = b'<?xml version="1.0" encoding="UTF-8"?><eigene xmlns="urn:kreis:daten">1</eigene>'
    template["customXml/item1.xml"] = own
    loaded = vorlagen.Template.from_bytes(pack(template), "mit-daten.docx")
    files = parts(loaded.render(PAPER))
    assert files["customXml/item1.xml"] == own
    assert etree.fromstring(files["customXml/item2.xml"]).tag == f"{{{NAMESPACE}}}daten"
    assert vorlagen.read(loaded.render(PAPER)) == PAPER


def changed_text(data: bytes) -> bytes:
    files = parts(data)
    body = files["word/document.xml"]
    assert PAPER.betreff.encode() in body
    files["word/document.xml"] = body.replace(PAPER.betreff.encode(), b"Ein anderer Betreff", 1)
    return pack(files)


def test_a_document_changed_by_hand_is_recognised() -> None:
    changed = changed_text(vorlagen.render(PAPER))
    with pytest.raises(vorlagen.DataError, match="nach dem Erzeugen geändert"):
        vorlagen.read(changed)
    assert vorlagen.read(changed, auch_geaendert=True) == PAPER  # the data as rendered


def test_markup_that_shows_no_text_is_no_change() -> None:
    files = parts(vorlagen.render(PAPER))
    body = files["word/document.xml"].decode()
    # a bookmark, and a run cut in two, as a word processor may write them
    body = body.replace("<w:body>", '<w:body><w:bookmarkStart w:id="99" w:name="x"/>', 1)
    text = PAPER.betreff
    body = body.replace(f"{text}</w:t>", f"{text[:5]}</w:t></w:r><w:r><w:t>{text[5:]}</w:t>", 1)
    files["word/document.xml"] = body.encode()
    assert vorlagen.read(pack(files)) == PAPER


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Kein Dokument", "weder DOCX noch PDF"),
        (pack({"word/document.xml": b"<w:document/>"}), "trägt keine Daten"),
        (b"%PDF-1.7\n%%EOF", "kein lesbares PDF"),
    ],
)
def test_what_carries_no_data_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(vorlagen.DataError, match=message):
        vorlagen.read(data)


def test_another_format_or_broken_data_is_refused() -> None:
    files = parts(vorlagen.render(PAPER))
    payload = carried(vorlagen.render(PAPER))
    assert payload is not None
    for changed, message in (
        ({**payload, "format": "vorlagen/9"}, "diese Version liest „vorlagen/1“"),
        ({**payload, "vorlage": {"nummer": 1}}, "keine gültige Vorlage"),
    ):
        root = etree.Element(f"{{{NAMESPACE}}}daten")
        root.text = json.dumps(changed)
        files["customXml/item1.xml"] = etree.tostring(root)
        with pytest.raises(vorlagen.DataError, match=message):
            vorlagen.read(pack(files))


def test_other_documents_carry_no_paper() -> None:
    einladung = vorlagen.render_einladung(example_sitzung())
    assert carried(einladung) is None
    assert carried(vorlagen.render_mappe(example_sitzung())) is None


# characters a word processor writes as elements of their own: soft hyphen, non-breaking
# hyphen; a tab and a line break (written so by the renderer too)
ZEICHEN = "Kreis\u00adverwaltung, E\u2011Mail-Postfach,\tSpalte\nneue Zeile"


@pytest.mark.libreoffice
@pytest.mark.parametrize("text", [None, ZEICHEN], ids=["beispiel", "zeichen"])
def test_the_data_survives_libreoffice_opening_and_saving_the_docx(
    tmp_path: Path, text: str | None
) -> None:
    require_libreoffice()
    paper = PAPER
    if text is not None:
        data = {**PAPER.model_dump(mode="json", exclude_unset=True), "sachdarstellung": text}
        paper = vorlagen.Sitzungsvorlage.model_validate(data)
    source = tmp_path / "vorlage.docx"
    source.write_bytes(vorlagen.render(paper))
    soffice = shutil.which("soffice") or "soffice"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path / "gespeichert"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    saved = (tmp_path / "gespeichert" / "vorlage.docx").read_bytes()
    assert saved != source.read_bytes()  # LibreOffice wrote the package anew
    assert vorlagen.read(saved) == paper  # the data, and the text it checks, kept


def test_a_hand_edited_docx_gives_a_pdf_that_says_so() -> None:
    from vorlagen.pdfdaten import into_pdf, pdf_payload

    require_libreoffice()
    changed = changed_text(vorlagen.render(PAPER))
    pdf = vorlagen.to_pdf(changed)
    with pytest.raises(vorlagen.DataError, match="nach dem Erzeugen geändert"):
        vorlagen.read(pdf)
    payload, geaendert = pdf_payload(pdf)
    assert geaendert
    assert payload["text_geaendert"] is True
    assert into_pdf is not None


def test_a_template_saved_from_a_rendered_paper_carries_no_old_data() -> None:
    old = vorlagen.render(vorlagen.Sitzungsvorlage.model_validate(
        {**PAPER.model_dump(mode="json", exclude_unset=True), "nummer": "ALT/1"}
    ))  # fmt: skip
    loaded = vorlagen.Template.from_bytes(old, "aus-einer-vorlage.docx")
    files = parts(loaded.render(PAPER))
    items = [n for n in files if re.fullmatch(r"customXml/item\d+\.xml", n)]
    assert len(items) == 1
    assert b"ALT/1" not in files[items[0]]  # the template's text is its own business
    assert vorlagen.read(pack(files)) == PAPER


def test_images_given_by_path_come_back_equal(tmp_path: Path) -> None:
    from tests.images import png

    (tmp_path / "plan.png").write_bytes(png())
    data = {
        **PAPER.model_dump(mode="json", exclude_unset=True),
        "sachdarstellung": [{"typ": "bild", "pfad": "plan.png", "alt": "Plan"}],
    }
    paper = vorlagen.Sitzungsvorlage.model_validate(data, context={"basis": tmp_path})
    assert vorlagen.read(vorlagen.render(paper)) == paper


def test_large_images_are_carried() -> None:
    from tests.images import png

    big = png(1600, 1600)
    big = big + b"\0" * (8 * 2**20 - len(big))  # a PNG with 8 MB of trailing bytes
    data = {
        **PAPER.model_dump(mode="json", exclude_unset=True),
        "sachdarstellung": [{"typ": "bild", "daten": big, "alt": "Großer Plan"}],
    }
    paper = vorlagen.Sitzungsvorlage.model_validate(data)
    assert vorlagen.read(vorlagen.render(paper)) == paper


def test_data_that_is_no_object_is_refused() -> None:
    files = parts(vorlagen.render(PAPER))
    files["customXml/item1.xml"] = f'<daten xmlns="{NAMESPACE}">[1]</daten>'.encode()
    with pytest.raises(vorlagen.DataError, match="trägt keine Daten"):
        vorlagen.read(pack(files))


@pytest.fixture(scope="module")
def pdf() -> bytes:
    require_libreoffice()
    return vorlagen.render_pdf(PAPER)


@pytest.mark.libreoffice
def test_the_pdf_is_a_pdfa3b_that_carries_the_data(pdf: bytes) -> None:
    document = pikepdf.open(io.BytesIO(pdf))
    metadata = document.open_metadata()
    assert (metadata.get("pdfaid:part"), metadata.get("pdfaid:conformance")) == ("3", "B")
    (spec,) = list(document.Root.AF)
    assert spec.AFRelationship == pikepdf.Name.Data
    assert str(spec.F) == str(spec.UF) == "vorlage.json"
    stream = spec.EF.F
    assert stream.Subtype == pikepdf.Name("/application/json")
    assert re.fullmatch(r"D:\d{14}(Z|[+-]\d\d'\d\d')?", str(stream.Params.ModDate))
    assert spec.objgen == document.attachments["vorlage.json"].obj.objgen
    payload: dict[str, Any] = json.loads(stream.read_bytes())
    assert payload["format"] == FORMAT
    assert re.fullmatch(r"[0-9a-f]{64}", payload["seiten_sha256"])
    assert bool(document.Root.MarkInfo.Marked)  # still tagged
    assert vorlagen.read(pdf) == PAPER


@pytest.mark.libreoffice
def test_a_pdf_changed_by_hand_is_recognised(pdf: bytes) -> None:
    document = pikepdf.open(io.BytesIO(pdf))
    page = document.pages[0]
    page.contents_add(b"BT /F1 12 Tf 72 72 Td (Nachtrag) Tj ET", prepend=False)
    out = io.BytesIO()
    document.save(out)
    with pytest.raises(vorlagen.DataError, match="nach dem Erzeugen geändert"):
        vorlagen.read(out.getvalue())
    assert vorlagen.read(out.getvalue(), auch_geaendert=True) == PAPER


@pytest.mark.libreoffice
def test_a_pdf_of_another_document_carries_none() -> None:
    require_libreoffice()
    einladung = vorlagen.to_pdf(vorlagen.render_einladung(example_sitzung()))
    with pytest.raises(vorlagen.DataError, match="keine Daten einer Vorlage"):
        vorlagen.read(einladung)
    metadata = pikepdf.open(io.BytesIO(einladung)).open_metadata()
    assert metadata.get("pdfaid:part") == "2"  # nothing embedded: PDF/A-2b as before


# -- the public version carries only public data ---------------------------------------------

TOKENS = st.uuids().map(lambda u: u.hex[:12])


def everything_in(data: bytes) -> str:
    """All a DOCX or PDF holds, as text: every zip entry, every PDF stream and attachment."""
    if data.startswith(b"%PDF-"):
        with pikepdf.open(io.BytesIO(data)) as document:
            streams = [
                obj.read_bytes() for obj in document.objects if isinstance(obj, pikepdf.Stream)
            ]
            info = [str(v) for v in document.docinfo.values()]
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
        ).stdout
        return "\n".join([*(s.decode("latin-1") for s in streams), *info, text.decode()])
    return "\n".join(content.decode("utf-8", "replace") for content in parts(data).values())


def with_people(paper: vorlagen.Sitzungsvorlage, token: str) -> vorlagen.Sitzungsvorlage:
    data = paper.model_dump(exclude_unset=True)
    data["sachbearbeitung"] = {
        "name": f"Frau Sachbearbeiterin{token}",
        "telefon": f"02561 9{token}",
        "email": f"post{token}@kreis-lindenau.de",
    }
    data["unterzeichnung"] = {"funktion": "Landrat", "name": f"Herr Unterzeichner{token}"}
    return vorlagen.Sitzungsvorlage.model_validate(data)


def left_out(paper: vorlagen.Sitzungsvorlage, signer_shown: bool) -> list[str]:
    assert paper.sachbearbeitung is not None
    assert paper.unterzeichnung is not None
    assert paper.unterzeichnung.name is not None
    staff = paper.sachbearbeitung
    removed = [staff.name, staff.telefon or "", staff.email or ""]
    return removed if signer_shown else [*removed, paper.unterzeichnung.name]


@settings(
    max_examples=max(10, settings().max_examples // 4),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(papers(), TOKENS, st.booleans(), st.sampled_from(TEMPLATES))
def test_a_public_docx_holds_nothing_left_out(
    paper: vorlagen.Sitzungsvorlage, token: str, signer_shown: bool, template: str
) -> None:
    if not paper.oeffentlich:
        paper = vorlagen.Sitzungsvorlage.model_validate(
            {**paper.model_dump(exclude_unset=True), "oeffentlich": True}
        )
    paper = with_people(paper, token)
    stil = vorlagen.Template.shipped(template).hausstil.model_copy(
        update={"unterzeichner_oeffentlich": signer_shown}
    )
    data = vorlagen.render(paper, template, hausstil=stil, fassung="oeffentlich")
    text = everything_in(data)
    for value in left_out(paper, signer_shown):
        assert value not in text
    assert paper.nummer in text  # the search finds what is there
    assert (f"Unterzeichner{token}" in text) == signer_shown
    internal = everything_in(vorlagen.render(paper, template))
    assert all(value in internal for value in left_out(paper, False))


def with_secret(token: str) -> vorlagen.Sitzung:
    """The example meeting, its non-public paper marked with ``token`` throughout."""
    sitzung = example_sitzung()
    data = sitzung.model_dump(exclude_unset=True)
    for top in data["tagesordnung"]:
        vorlage = top.get("vorlage")
        if vorlage is not None and vorlage.get("oeffentlich") is False:
            vorlage["betreff"] = f"Grundstücksangelegenheit Geheim{token}"
            vorlage["nummer"] = f"G{token[:8]}/2026"
            vorlage["sachdarstellung"] = [{"typ": "absatz", "text": [f"Kaufpreis{token}"]}]
    return vorlagen.Sitzung.model_validate(data)


def secrets(token: str) -> list[str]:
    return [f"Geheim{token}", f"G{token[:8]}/2026", f"Kaufpreis{token}"]


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TOKENS)
def test_public_meeting_documents_hold_nothing_of_a_non_public_paper(token: str) -> None:
    sitzung = with_secret(token)
    internal = everything_in(vorlagen.render_mappe(sitzung))
    assert all(secret in internal for secret in secrets(token))
    for data in (
        vorlagen.render_einladung(sitzung, fassung="oeffentlich"),
        vorlagen.render_mappe(sitzung, fassung="oeffentlich"),
    ):
        text = everything_in(data)
        for secret in secrets(token):
            assert secret not in text


@pytest.mark.libreoffice
def test_public_pdfs_hold_nothing_left_out() -> None:
    require_libreoffice()
    token = "a1b2c3d4e5f6"
    paper = with_people(PAPER, token)
    stil = vorlagen.Template.shipped("default").hausstil.model_copy(
        update={"unterzeichner_oeffentlich": False}
    )
    pdf = vorlagen.render_pdf(paper, hausstil=stil, fassung="oeffentlich")
    text = everything_in(pdf)
    assert paper.nummer in text
    for value in left_out(paper, signer_shown=False):
        assert value not in text
    mappe = everything_in(vorlagen.render_mappe_pdf(with_secret(token), fassung="oeffentlich"))
    assert "Ö 4" in mappe.replace("\xa0", " ")
    for secret in secrets(token):
        assert secret not in mappe


@pytest.mark.parametrize("template", TEMPLATES)
def test_an_edited_footer_or_header_is_a_change(template: str) -> None:
    files = parts(vorlagen.render(PAPER, template))
    (footer,) = [
        n for n in files if n.startswith("word/footer") and PAPER.nummer.encode() in files[n]
    ]
    files[footer] = files[footer].replace(PAPER.nummer.encode(), b"0999/2026")
    with pytest.raises(vorlagen.DataError, match="nach dem Erzeugen geändert"):
        vorlagen.read(pack(files))
