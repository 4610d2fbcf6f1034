from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from docx.document import Document
from openxml_audit import OpenXmlValidator

import vorlagen
from tests.conftest import EXAMPLE_FILES, example, minimal_data, open_docx
from vorlagen import Hausstil, RenderError, Sitzungsvorlage, Template, TemplateError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DEFAULT_TEMPLATE = Path(vorlagen.__file__).parent / "templates" / "default.docx"

MakePaper = Callable[..., Sitzungsvorlage]


def styled(doc: Document) -> list[tuple[str, str]]:
    return [(p.style.name if p.style else "", p.text) for p in doc.paragraphs]


def headings(doc: Document, level: int) -> list[str]:
    return [text for style, text in styled(doc) if style == f"Heading {level}"]


def texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


def table_rows(doc: Document, index: int) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in doc.tables[index].rows]


def attribute(element: Any, path: str, name: str) -> str | None:
    """The ``w:name`` attribute of the element at ``path`` (``w:`` steps) below ``element``."""
    found = element.find("/".join(W + step for step in path.split("/")))
    assert found is not None, path
    value: str | None = found.get(W + name)
    return value


def part_xml(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def section(doc: Document, title: str) -> list[tuple[str, str]]:
    """The paragraphs between the heading 2 ``title`` and the next heading 2."""
    paragraphs = styled(doc)
    start = paragraphs.index(("Heading 2", title)) + 1
    end = next(
        (i for i in range(start, len(paragraphs)) if paragraphs[i][0] == "Heading 2"),
        len(paragraphs),
    )
    return paragraphs[start:end]


# -- the example papers ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def beschluss() -> tuple[Sitzungsvorlage, bytes, Document]:
    paper = example("beschlussvorlage.json")
    data = vorlagen.render(paper)
    return paper, data, open_docx(data)


@pytest.fixture(scope="module")
def mitteilung() -> tuple[Sitzungsvorlage, bytes, Document]:
    paper = example("mitteilungsvorlage.json")
    data = vorlagen.render(paper)
    return paper, data, open_docx(data)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_examples_render_valid_ooxml_without_leftover_tags(path: Path, tmp_path: Path) -> None:
    paper = example(path.name)
    target = vorlagen.save(paper, tmp_path / "paper.docx")
    data = target.read_bytes()
    for part in ("word/document.xml", "word/footer1.xml", "docProps/core.xml"):
        xml = part_xml(data, part)
        assert not re.search(r"\{[{%]|[%}]\}", xml), part
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]
    doc = open_docx(data)
    assert headings(doc, 1) == [paper.betreff]
    assert doc.core_properties.title == paper.betreff
    assert doc.core_properties.subject == f"{paper.art} {paper.nummer}"
    assert doc.core_properties.language == "de-DE"
    assert table_rows(doc, 0)[1:] == [
        [
            b.gremium,
            b.sitzungsdatum.strftime("%d.%m.%Y"),
            b.zustaendigkeit.value,
            "öffentlich" if b.oeffentlich else "nichtöffentlich",
        ]
        for b in paper.beratungsfolge
    ]


def test_beschlussvorlage_header_block(beschluss: tuple[Sitzungsvorlage, bytes, Document]) -> None:
    _, _, doc = beschluss
    assert styled(doc)[:8] == [
        ("Absender", "Kreis Lindenau"),
        ("Title", "Beschlussvorlage"),
        ("Kopfangabe", "Vorlage-Nr.:\t0187/2026"),
        ("Kopfangabe", "Datum:\t12.10.2026"),
        ("Kopfangabe", "Federführung:\tFachbereich 40 – Schule und Bildung"),
        ("Kopfangabe", "Aktenzeichen:\t40.2-651-12/2026"),
        (
            "Kopfangabe",
            "Sachbearbeitung:\tJohanna Brückner, Tel. 05931 44-4021, "
            "j.brueckner@kreis-lindenau.example",
        ),
        ("Kopfangabe", "Öffentlichkeit:\töffentlich"),
    ]
    assert table_rows(doc, 0)[0] == ["Beratungsfolge", "Sitzungsdatum", "Zuständigkeit", "Sitzung"]
    assert table_rows(doc, 0)[3] == [
        "Kreisausschuss",
        "25.11.2026",
        "Vorberatung",
        "nichtöffentlich",
    ]


def test_beschlussvorlage_sections(beschluss: tuple[Sitzungsvorlage, bytes, Document]) -> None:
    _, data, doc = beschluss
    assert headings(doc, 2) == [
        "Beschlussvorschlag",
        "Rechtsgrundlage",
        "Sachdarstellung",
        "Finanzielle Auswirkungen",
        "Klimarelevanz",
        "Anlagen",
    ]
    assert section(doc, "Beschlussvorschlag") == [
        ("Normal", "Der Kreistag beschließt:"),
        (
            "List Number",
            "Das Berufskolleg Am Mühlenbach wird um einen Fachraumtrakt für die Bildungsgänge "
            "Pflege und Gesundheit erweitert.",
        ),
        (
            "List Number",
            "Die Verwaltung wird beauftragt, die Entwurfsplanung auf Grundlage der "
            "Machbarkeitsstudie (Anlage\xa01) mit Gesamtkosten von 4.850.000,00\xa0€ zu erstellen.",
        ),
        (
            "List Number",
            "Die erforderlichen Mittel werden in den Haushaltsplanentwurf 2027 und die "
            "mittelfristige Finanzplanung aufgenommen.",
        ),
    ]
    assert section(doc, "Rechtsgrundlage") == [
        ("List Bullet", "§\xa026\xa0Abs.\xa01\xa0Satz\xa02\xa0Buchst.\xa0e\xa0KrO\xa0NRW"),
        ("List Bullet", "§§\xa078,\xa080\xa0SchulG\xa0NRW"),
        (
            "List Bullet",
            "Beschluss des Kreistages vom 14.12.2023 zur Schulentwicklungsplanung der "
            "Berufskollegs (Vorlage 0231/2023)",
        ),
    ]
    sach = section(doc, "Sachdarstellung")
    assert [t for s, t in sach if s == "Heading 3"] == [
        "Ausgangslage",
        "Machbarkeitsstudie",
        "Zeitplan",
    ]
    prose = sach[1][1]
    assert "Schulentwicklungsplanung vom 14.\xa0Dezember\xa02023 rechnet" in prose
    assert "mit weiteren 3,5 Klassen" in prose
    assert next(t for s, t in sach if s == "List Bullet") == "Entwurfsplanung bis Juni\xa02027"
    assert section(doc, "Klimarelevanz") == [
        ("Normal", "Bewertung: ja, positiv"),
        (
            "Normal",
            "Der Anbau wird im Passivhausstandard errichtet und an die Photovoltaikanlage des "
            "Altbaus angeschlossen.",
        ),
    ]
    assert section(doc, "Anlagen")[:3] == [
        ("Anlage", "Anlage 1: Machbarkeitsstudie des Gebäudemanagements (Kurzfassung)"),
        ("Anlage", "Anlage 2: Lageplan Variante A"),
        ("Anlage", "Anlage 3: Schülerzahlprognose der Bildungsgänge Pflege und Gesundheit"),
    ]
    assert section(doc, "Anlagen")[3:] == [
        ("Unterschrift", "In Vertretung"),
        ("Unterschrift Name", "Dr. Marion Albers"),
        ("Kopfangabe", "Kreisdirektorin"),
    ]
    assert "Seite" in part_xml(data, "word/footer1.xml")


def test_bold_run_inside_prose(beschluss: tuple[Sitzungsvorlage, bytes, Document]) -> None:
    _, _, doc = beschluss
    paragraph = next(p for p in doc.paragraphs if p.text.startswith("Variante B schafft"))
    bold = [r.text for r in paragraph.runs if r.bold]
    assert bold == ["Die Verwaltung empfiehlt Variante A."]


def test_rich_content_table(beschluss: tuple[Sitzungsvorlage, bytes, Document]) -> None:
    _, _, doc = beschluss
    assert table_rows(doc, 1) == [
        ["Variante", "Nutzfläche", "Gesamtkosten"],
        ["A – Anbau Nord", "1.240\xa0m²", "4.850.000,00\xa0€"],
        ["B – Aufstockung Altbau", "980\xa0m²", "4.210.000,00\xa0€"],
        ["C – Neubau auf dem Parkplatz", "1.420\xa0m²", "6.375.000,00\xa0€"],
    ]
    table = doc.tables[1]
    assert attribute(table._tbl, "tblPr/tblStyle", "val") == "Tabellenraster"
    header = table.rows[0]._tr
    assert header.find(f"{W}trPr/{W}tblHeader") is not None
    amount = table.rows[1].cells[2].paragraphs[0]
    assert amount.alignment is not None
    assert amount.alignment.name == "RIGHT"
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    # the paragraph after a table gets space above it, so it does not touch the table
    after = table._tbl.getnext()
    assert after is not None
    assert attribute(after, "pPr/spacing", "before") == "120"


def test_finance_table(beschluss: tuple[Sitzungsvorlage, bytes, Document]) -> None:
    _, _, doc = beschluss
    assert table_rows(doc, 2) == [
        ["Haushaltsjahr", "Produkt", "Bezeichnung", "Veranschlagung", "Betrag"],
        ["2027", "03.02.01", "Planungskosten Fachraumtrakt", "planmäßig", "420.000,00\xa0€"],
        ["2028", "03.02.01", "Baukosten Fachraumtrakt, 1. Rate", "planmäßig", "2.600.000,00\xa0€"],
        ["2029", "03.02.01", "Baukosten Fachraumtrakt, 2. Rate", "planmäßig", "1.830.000,00\xa0€"],
        ["Summe", "", "", "", "4.850.000,00\xa0€"],
    ]
    assert doc.tables[2].rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    explanation = section(doc, "Finanzielle Auswirkungen")
    assert explanation[0][1].startswith("Die Maßnahme ist in der mittelfristigen")
    assert "„Gute Schule“" in explanation[0][1]


def test_each_numbered_list_restarts(make_paper: MakePaper) -> None:
    liste = {"typ": "liste", "nummeriert": True, "eintraege": ["eins", "zwei"]}
    paper = make_paper(beschlussvorschlag=[liste], sachdarstellung=[liste, liste])
    data = vorlagen.render(paper)
    doc = open_docx(data)
    num_ids = [
        attribute(p._p, "pPr/numPr/numId", "val")
        for p, (style, _) in zip(doc.paragraphs, styled(doc), strict=True)
        if style == "List Number"
    ]
    assert len(num_ids) == 6
    assert len(set(num_ids)) == 3
    assert num_ids[0] == num_ids[1]
    numbering = part_xml(data, "word/numbering.xml")
    for num_id in set(num_ids):
        num = re.search(rf'<w:num w:numId="{num_id}">(.*?)</w:num>', numbering)
        assert num is not None
        assert '<w:startOverride w:val="1"/>' in num.group(1)


def test_mitteilungsvorlage(mitteilung: tuple[Sitzungsvorlage, bytes, Document]) -> None:
    _, _, doc = mitteilung
    assert headings(doc, 2) == [
        "Beschlussvorschlag",
        "Rechtsgrundlage",
        "Sachdarstellung",
        "Finanzielle Auswirkungen",
        "Anlagen",
    ]
    assert section(doc, "Rechtsgrundlage") == [
        (
            "List Bullet",
            "RdErl. d.\xa0MSB und d.\xa0MAGS v.\xa012.09.2019, geändert am 03.02.2022 und "
            "01.07.2025",
        ),
        ("List Bullet", "§\xa013a\xa0SGB\xa0VIII"),
    ]
    sach = section(doc, "Sachdarstellung")
    assert sach[0][1] == (
        "Der Kreis fördert die Schulsozialarbeit an seinen vier Berufskollegs seit dem "
        "1.\xa0August\xa02020. Die Landesmittel nach dem Runderlass zur Schulsozialarbeit "
        "betragen im laufenden Jahr 318.450,00\xa0€, der Eigenanteil des Kreises 106.150,00\xa0€. "
        "Einzelheiten enthält der Jahresbericht (Anlage\xa01)."
    )
    assert ("Heading 4", "Schwerpunkte im Schuljahr 2026/27") in sach
    line_break = next(t for s, t in sach if "Stichtag" in t)
    assert "Stichtag 01.10.2026 sind" in line_break
    assert "Mittwoch an.\nDie Beratungen" in line_break
    assert "um 12,5 Prozent" in line_break
    assert section(doc, "Finanzielle Auswirkungen") == [("Normal", "Keine.")]
    assert len(doc.tables) == 1


def test_optional_sections_are_left_out(make_paper: MakePaper) -> None:
    doc = open_docx(vorlagen.render(make_paper()))
    assert headings(doc, 2) == [
        "Beschlussvorschlag",
        "Sachdarstellung",
        "Finanzielle Auswirkungen",
    ]
    assert not any(t.startswith(("Aktenzeichen", "Sachbearbeitung")) for t in texts(doc))
    assert texts(doc)[-1] == "Keine."


def test_anfrage_without_beschlussvorschlag(make_paper: MakePaper) -> None:
    paper = make_paper(
        art="Anfrage",
        beschlussvorschlag=None,
        beratungsfolge=[
            {
                "gremium": "Kreistag",
                "sitzungsdatum": "2026-06-01",
                "zustaendigkeit": "Kenntnisnahme",
            }
        ],
    )
    doc = open_docx(vorlagen.render(paper))
    assert "Beschlussvorschlag" not in headings(doc, 2)
    assert ("Title", "Anfrage") in styled(doc)


def test_nichtoeffentlich(make_paper: MakePaper) -> None:
    paper = make_paper(oeffentlich=False, nichtoeffentlich_grund="Personalangelegenheit")
    doc = open_docx(vorlagen.render(paper))
    assert "Öffentlichkeit:\tnichtöffentlich (Personalangelegenheit)" in texts(doc)


TRICKY = [
    "Straße & Söhne <GmbH>",
    "{{ vorlage.betreff }} und {% if x %}{% endif %}",
    "\"Anführungszeichen\" und 'einfache' und „deutsche“",
    "Emoji 🏛️, e\u0301, עברית, عربى",
    "Tab\tdazwischen",
    "&amp; ist kein Entity, ]]> kein CDATA-Ende",
    "docxtpl-Maskierung {_{ x }_} und {_% y %_}",
    "x" * 5000,
]


@pytest.mark.parametrize("text", TRICKY, ids=range(len(TRICKY)))
def test_text_appears_exactly(make_paper: MakePaper, text: str) -> None:
    betreff = text[:300]  # the one field with a length limit
    paper = make_paper(
        betreff=betreff,
        federfuehrung=text,
        beratungsfolge=[
            {"gremium": text, "sitzungsdatum": "2026-06-01", "zustaendigkeit": "Entscheidung"}
        ],
        sachdarstellung=[
            {"typ": "absatz", "text": text},
            {"typ": "absatz", "text": [{"typ": "fett", "text": text}]},
            {"typ": "tabelle", "kopf": [text], "zeilen": [[text]]},
        ],
        anlagen=[{"titel": text}],
    )
    # typography would turn straight quotes into German ones: off, the text stays exact
    data = vorlagen.render(paper, hausstil=Hausstil(typografie=False))
    doc = open_docx(data)
    assert headings(doc, 1) == [betreff]
    assert f"Federführung:\t{text}" in texts(doc)
    assert table_rows(doc, 0)[1][0] == text
    assert section(doc, "Sachdarstellung")[:2] == [("Normal", text), ("Normal", text)]
    assert table_rows(doc, 1) == [[text], [text]]
    assert f"Anlage 1: {text}" in texts(doc)
    title = doc.core_properties.title
    assert title == betreff or (len(title) == 255 and title == betreff[:254] + "…")


def test_formatted_values_in_the_document(make_paper: MakePaper) -> None:
    paper = make_paper(
        datum="2016-05-01",
        beratungsfolge=[
            {"gremium": "Kreistag", "sitzungsdatum": "2016-06-01", "zustaendigkeit": "Entscheidung"}
        ],
        rechtsgrundlage=[{"typ": "norm", "gesetz": "KrO NRW", "paragraf": "26", "absatz": 1}],
        sachdarstellung=[
            {
                "typ": "absatz",
                "text": [
                    "Am ",
                    {"typ": "datum", "wert": "2016-05-01", "stil": "lang"},
                    " wurden ",
                    {"typ": "betrag", "wert": "161088"},
                    " für ",
                    {"typ": "zahl", "wert": "3.5"},
                    " Stellen nach ",
                    {"typ": "norm", "gesetz": "KrO NRW", "paragraf": "26", "absatz": "1"},
                    " bewilligt.",
                ],
            }
        ],
    )
    doc = open_docx(vorlagen.render(paper))
    assert "Datum:\t01.05.2016" in texts(doc)
    assert section(doc, "Rechtsgrundlage") == [
        ("List Bullet", "§\xa026\xa0Abs.\xa01\xa0KrO\xa0NRW")
    ]
    assert section(doc, "Sachdarstellung") == [
        (
            "Normal",
            "Am 1.\xa0Mai\xa02016 wurden 161.088,00\xa0€ für 3,5 Stellen nach "
            "§\xa026\xa0Abs.\xa01\xa0KrO\xa0NRW bewilligt.",
        )
    ]


def test_hausstil(make_paper: MakePaper) -> None:
    paper = make_paper(
        sachdarstellung=[
            {
                "typ": "absatz",
                "text": [
                    {"typ": "betrag", "wert": "161088"},
                    " ",
                    {"typ": "datum", "wert": "2016-05-01", "stil": "lang"},
                ],
            }
        ]
    )
    hausstil = Hausstil(datum_lang="dd. MMMM yyyy", waehrung="EUR")
    for data in (
        vorlagen.render(paper, hausstil=hausstil),
        Template.from_path(DEFAULT_TEMPLATE, hausstil).render(paper),
    ):
        assert section(open_docx(data), "Sachdarstellung") == [
            ("Normal", "161.088,00\xa0EUR 01.\xa0Mai\xa02016")
        ]


def test_hausstil_from_a_file_beside_the_template(make_paper: MakePaper, tmp_path: Path) -> None:
    template = tmp_path / "kreis.docx"
    template.write_bytes(DEFAULT_TEMPLATE.read_bytes())
    (tmp_path / "kreis.toml").write_text(
        '# Hausstil des Kreises\ndatum_lang = "dd. MMMM yyyy"\nwaehrung = "EUR"\n'
        'kopfdatum = "lang"\n',
        encoding="utf-8",
    )
    paper = make_paper(
        datum="2016-05-01",
        sachdarstellung=[{"typ": "absatz", "text": [{"typ": "betrag", "wert": "5"}]}],
    )
    loaded = Template.from_path(template)
    assert loaded.hausstil == Hausstil(datum_lang="dd. MMMM yyyy", waehrung="EUR", kopfdatum="lang")
    doc = open_docx(loaded.render(paper))
    assert "Datum:\t01.\xa0Mai\xa02016" in texts(doc)
    assert section(doc, "Sachdarstellung") == [("Normal", "5,00\xa0EUR")]
    # a house style passed in code wins over the file
    doc = open_docx(Template.from_path(template, Hausstil()).render(paper))
    assert "Datum:\t01.05.2016" in texts(doc)


def test_broken_hausstil_file(tmp_path: Path) -> None:
    template = tmp_path / "kreis.docx"
    template.write_bytes(DEFAULT_TEMPLATE.read_bytes())
    (tmp_path / "kreis.toml").write_text('waehrung = "Euro"\nfarbe = "blau"\n', encoding="utf-8")
    problems = vorlagen.check_template(template)
    assert [(p.part, p.kind) for p in problems] == [("kreis.toml", "hausstil")] * 2
    assert problems[0].message.startswith(
        "waehrung: ungültiger Wert „Euro“; meinten Sie „EUR“? Erlaubt: „€“ oder „EUR“"
    )
    assert str(problems[0]).startswith("kreis.toml: waehrung: ")
    assert problems[1].message == "farbe: unbekanntes Feld (Tippfehler?)"
    with pytest.raises(TemplateError, match=r"kreis\.toml"):
        Template.from_path(template)
    (tmp_path / "kreis.toml").write_text("waehrung = ", encoding="utf-8")
    (problem,) = vorlagen.check_template(template)
    assert problem.message.startswith("nicht lesbar")


def test_output_is_deterministic(beschluss: tuple[Sitzungsvorlage, bytes, Document]) -> None:
    paper, data, _ = beschluss
    assert vorlagen.render(paper) == data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {info.date_time for info in z.infolist()} == {(2026, 10, 12, 0, 0, 0)}
        assert z.namelist()[0] == "[Content_Types].xml"
    doc = open_docx(data)
    assert doc.core_properties.created is not None
    assert doc.core_properties.created.date().isoformat() == "2026-10-12"


def test_threads_render_the_same_bytes(beschluss: tuple[Sitzungsvorlage, bytes, Document]) -> None:
    paper, data, _ = beschluss
    template = Template.from_path(DEFAULT_TEMPLATE)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: template.render(paper), range(16)))
    assert all(result == data for result in results)


def test_document_language(beschluss: tuple[Sitzungsvorlage, bytes, Document]) -> None:
    _, data, _ = beschluss
    styles = part_xml(data, "word/styles.xml")
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.DOTALL)
    assert defaults is not None
    assert '<w:lang w:val="de-DE"' in defaults.group(0)


def test_shipped_templates_match_their_build_script(tmp_path: Path) -> None:
    script = Path(__file__).parent.parent / "scripts" / "build_templates.py"

    def check(*folder: Path) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(script), "--check", *map(str, folder)]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    shipped = check()
    assert shipped.returncode == 0, shipped.stdout + shipped.stderr
    shipped_files = sorted(DEFAULT_TEMPLATE.parent.rglob("*.docx"))
    for path in shipped_files:
        name = path.relative_to(DEFAULT_TEMPLATE.parent)
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(path.read_bytes())
    with (tmp_path / "stadt.docx").open("ab") as changed:
        changed.write(b"\0")
    differs = check(tmp_path)
    assert differs.returncode == 1
    assert differs.stdout.splitlines() == [
        f"{tmp_path / 'stadt.docx'} weicht ab: python scripts/build_templates.py ausführen"
    ]


# -- saving ---------------------------------------------------------------------------------


def test_save_is_atomic(make_paper: MakePaper, tmp_path: Path) -> None:
    target = tmp_path / "vorlage.docx"
    assert vorlagen.save(make_paper(), target) == target
    first = target.read_bytes()
    assert open_docx(first).paragraphs[0].text == "Kreis Lindenau"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(
        _with_document(
            DEFAULT_TEMPLATE.read_bytes(),
            "{{ vorlage.koerperschaft }}",
            # passes the checker (it does not compute attribute names), fails when rendered
            "{{ vorlage|attr('sach' ~ 'darstellung') }}",
        )
    )
    with pytest.raises(RenderError, match=r"\{\{p \.\.\.\}\}"):
        vorlagen.save(make_paper(betreff="Neu"), target, template=broken)
    assert target.read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.docx", "vorlage.docx"]


def test_save_keeps_usual_permissions(make_paper: MakePaper, tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    target = vorlagen.save(make_paper(), tmp_path / "neu.docx")
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # as open() would create it
    target.chmod(0o640)
    vorlagen.save(make_paper(), target)
    assert target.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its permissions


def test_save_into_missing_directory_leaves_nothing(make_paper: MakePaper, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        vorlagen.save(make_paper(), tmp_path / "fehlt" / "vorlage.docx")
    assert list(tmp_path.iterdir()) == []


# -- templates that cannot be used ----------------------------------------------------------


def _with_document(template: bytes, old: str, new: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(template))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "word/document.xml":
                text = content.decode("utf-8")
                assert old in text
                content = text.replace(old, new, 1).encode("utf-8")
            target.writestr(name, content)
    return out.getvalue()


def test_from_path_takes_bytes_too(make_paper: MakePaper) -> None:
    template = Template.from_path(DEFAULT_TEMPLATE.read_bytes(), Hausstil(waehrung="EUR"))
    assert template.hausstil.waehrung == "EUR"
    assert template.render(make_paper()) == vorlagen.render(
        make_paper(), hausstil=template.hausstil
    )


def test_not_a_docx() -> None:
    with pytest.raises(TemplateError) as info:
        Template.from_bytes(b"PK but not really", name="kaputt.docx")
    assert info.value.source == "kaputt.docx"
    assert "kein gültiges ZIP-Archiv" in str(info.value)


def test_template_problems_are_all_reported_with_their_paragraph() -> None:
    data = _with_document(DEFAULT_TEMPLATE.read_bytes(), "{{ vorlage.nummer }}", "{{ nummer }}")
    data = _with_document(data, "{{ vorlage.datum|kopfdatum }}", "{{ sitzung }")
    with pytest.raises(TemplateError) as info:
        Template.from_bytes(data, name="kreis.docx")
    problems = info.value.problems
    assert [(p.part, p.paragraph, p.tag, p.kind) for p in problems] == [
        ("word/document.xml", 6, "{{ nummer }}", "name_unbekannt"),
        ("word/document.xml", 7, "{{ sitzung }", "tag_offen"),
    ]
    assert "verfügbar: vorlage" in problems[0].message


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        # attribute names the checker cannot see, computed when the template is rendered
        ("{{ vorlage|attr('bet' ~ 'ref') }}", "unbekannten Namen"),
        ("{{ (vorlage|attr('__cla' ~ 'ss__')) }}", "unzulässigen Zugriff"),
        ("{{ vorlage|attr('beratungs' ~ 'folge') }}", "kann nicht als Text ausgegeben werden"),
        ("{{ vorlage.datum|betrag }}", "Filter 'betrag' passt nicht zu date"),
        # an absent value prints as nothing, filtered or not: see tests/test_empty_data.py
    ],
)
def test_render_errors(make_paper: MakePaper, tag: str, message: str) -> None:
    data = _with_document(DEFAULT_TEMPLATE.read_bytes(), "{{ vorlage.koerperschaft }}", tag)
    template = Template.from_bytes(data)
    with pytest.raises(RenderError, match=re.escape(message)):
        template.render(make_paper())


def test_render_refuses_a_dict() -> None:
    with pytest.raises(TypeError, match="Sitzungsvorlage erwartet"):
        vorlagen.render(minimal_data())  # type: ignore[arg-type]
