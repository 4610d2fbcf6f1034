"""The Einladung of a meeting and its public version, from the shipped templates and others."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.document import Document
from openxml_audit import OpenXmlValidator

import vorlagen
from tests.conftest import example, example_sitzung, open_docx
from tests.templates import shipped_parts
from vorlagen import Hausstil, ProblemKind, Template
from vorlagen.docx import build as b

SITZUNG = example_sitzung()


def rows(doc: Document) -> list[list[str]]:
    """Every row of every table but the head rows: number, title, paper."""
    return [
        [c.text for c in r.cells] for t in doc.tables for r in t.rows if r.cells[0].text != "Nr."
    ]


def texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


@pytest.mark.parametrize("name", ["default", "stadt"])
def test_the_einladung_names_every_item_with_its_label_and_paper(name: str, tmp_path: Path) -> None:
    data = vorlagen.render_einladung(SITZUNG, template=name)
    doc = open_docx(data)
    heading = next(
        p for p in doc.paragraphs if p.style is not None and p.style.style_id == "Heading1"
    )
    assert heading.text == "Einladung zur 6. Sitzung des Kreistages"
    labels = [r[0].replace("\xa0", " ") for r in rows(doc)]
    assert labels == ["Ö 1", "Ö 2", "Ö 3", "Ö 4", "Ö 5", "Ö 5.1", "Ö 5.2", "Ö 6", "Ö 7",
                      "N 1", "N 2", "N 3"]  # fmt: skip
    by_label = {r[0].replace("\xa0", " "): r[1:] for r in rows(doc)}
    assert by_label["Ö 4"] == [SITZUNG.tagesordnung[3].titel, "0187/2026"]
    assert by_label["Ö 5.1"][1] == "0211/2026"
    assert by_label["N 2"][1] == "0219/2026"
    lines = texts(doc)
    assert "Mittwoch, 9. Dezember 2026, 17:00 Uhr" in "\n".join(lines).replace("\xa0", " ")
    assert "Bernd Hollmann" in lines
    assert "Öffentlicher Teil" in lines
    assert "Nichtöffentlicher Teil" in lines
    assert doc.core_properties.title == "Einladung zur 6. Sitzung des Kreistages"
    target = tmp_path / "einladung.docx"
    target.write_bytes(data)
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]


def test_the_public_version_names_non_public_items_by_title_alone() -> None:
    doc = open_docx(vorlagen.render_einladung(SITZUNG, fassung="oeffentlich"))
    by_label = {r[0].replace("\xa0", " "): r[1:] for r in rows(doc)}
    assert by_label["N 2"] == [SITZUNG.tagesordnung[8].titel, ""]  # no paper number
    assert by_label["Ö 4"][1] == "0187/2026"
    text = "\n".join(texts(doc))
    assert "Tagesordnung der 6. Sitzung des Kreistages" in text
    assert "An die Mitglieder" not in text
    assert "Grundstücksangelegenheit" not in text


def test_the_public_version_may_leave_non_public_items_out() -> None:
    stil = Hausstil(bekanntmachung_nichtoeffentliche_titel=False)
    doc = open_docx(vorlagen.render_einladung(SITZUNG, hausstil=stil, fassung="oeffentlich"))
    assert [r[0].replace("\xa0", " ") for r in rows(doc)][-1] == "Ö 7"
    lines = texts(doc)
    assert "Nichtöffentlicher Teil" in lines
    assert "Im Anschluss an den öffentlichen Teil folgt ein nichtöffentlicher Teil." in lines
    assert not any("Verkauf" in line for line in lines)


@pytest.mark.parametrize(
    ("schema", "first", "last", "heading"),
    [
        ("TOP Ö 1", "TOP Ö 1", "TOP N 3", "Öffentlicher Teil"),
        ("1.", "1.", "10.", "A. Öffentlicher Teil"),
    ],
)
def test_the_house_style_chooses_the_labels(
    schema: str, first: str, last: str, heading: str
) -> None:
    stil = {"top_nummern": schema}
    doc = open_docx(vorlagen.render_einladung(SITZUNG, hausstil=stil))
    labels = [r[0].replace("\xa0", " ") for r in rows(doc)]
    assert (labels[0], labels[-1]) == (first, last)
    assert heading in texts(doc)


def einladung_template(*body: str) -> bytes:
    parts = shipped_parts()
    parts["word/document.xml"] = b.document([b.para(text) for text in body])
    parts["word/footer1.xml"] = b.footer(b.para("Seite"))
    return b.zip_parts(parts)


def test_an_einladung_template_is_checked_against_the_meeting() -> None:
    data = einladung_template(
        "{{ sitzung.bezeichnung }}", "{{ sitzung.betreff }}", "{{ vorlage.nummer }}"
    )
    problems = vorlagen.check_template(data, dokument="einladung")
    assert [(p.paragraph, p.kind) for p in problems] == [
        (2, ProblemKind.UNKNOWN_NAME),
        (3, ProblemKind.UNKNOWN_NAME),
    ]
    # the same template is no paper's template
    assert any(p.tag and "sitzung" in p.tag for p in vorlagen.check_template(data))


def test_a_template_renders_what_it_is_for() -> None:
    template = Template.from_bytes(
        einladung_template("{{ sitzung.gremium }}"), dokument="einladung"
    )
    with pytest.raises(TypeError, match="ist für Sitzung"):
        template.render(example("beschlussvorlage.json"))
    with pytest.raises(TypeError, match="ist für Sitzungsvorlage"):
        vorlagen.render_einladung(SITZUNG, template=Template.shipped("default"))
    with pytest.raises(TypeError, match="Sitzung erwartet"):
        vorlagen.render_einladung(example("beschlussvorlage.json"))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="dokument muss eines von"):
        Template.shipped("default", dokument="protokoll")  # type: ignore[arg-type]
    copy = pickle.loads(pickle.dumps(template))
    assert copy.dokument == "einladung"
    assert open_docx(copy.fill(SITZUNG, *_properties())).paragraphs[0].text == "Kreistag"


def _properties() -> tuple[vorlagen.rendering.engine.Properties, Hausstil]:
    from vorlagen.rendering.engine import Properties

    return Properties("t", "s", "a", SITZUNG.einladungsdatum), Hausstil()


def test_a_label_is_for_items_of_the_meeting_only() -> None:
    data = einladung_template("{{ sitzung|top_nummer }}")
    template = Template.from_bytes(data, dokument="einladung")
    with pytest.raises(vorlagen.RenderError, match="gilt nur für die Punkte der Tagesordnung"):
        vorlagen.render_einladung(SITZUNG, template=template)


@pytest.mark.libreoffice
def test_the_einladung_through_libreoffice(to_pdf_text: Callable[[bytes], str]) -> None:
    text = to_pdf_text(vorlagen.render_einladung(SITZUNG)).replace("\xa0", " ")
    assert "Einladung zur 6. Sitzung des Kreistages" in text
    assert "Ö 5.1" in text
    assert "Seite 1 von 2" in text  # the Tagesordnung, then the Erläuterungen


def test_explanations_follow_the_tagesordnung_and_stay_internal_where_non_public() -> None:
    geheim = SITZUNG.tagesordnung[9].model_copy(
        update={"erlaeuterung": vorlagen.Inhalt.model_validate("Vertragsverlängerung Kantine")}
    )
    sitzung = SITZUNG.model_copy(update={"tagesordnung": [*SITZUNG.tagesordnung[:9], geheim]})
    lines = [
        line.replace("\xa0", " ") for line in texts(open_docx(vorlagen.render_einladung(sitzung)))
    ]
    start = lines.index("Erläuterungen zur Tagesordnung")
    assert lines[start + 1 :] == [
        "Ö 5.2 Radwegeprogramm 2027 bis 2030, mündlicher Bericht der Verwaltung",
        "Die Verwaltung stellt die Prioritätenliste für die Jahre 2027 bis 2030 vor; eine "
        "Vorlage zur Beschlussfassung folgt in der ersten Sitzung des kommenden Jahres.",
        "Ö 7 Anfragen",
        "Anfragen sind bis zum 02.12.2026 schriftlich beim Kreistagsbüro einzureichen.",
        "N 3 Mitteilungen des Landrats",
        "Vertragsverlängerung Kantine",
    ]
    public = texts(open_docx(vorlagen.render_einladung(sitzung, fassung="oeffentlich")))
    assert "Vertragsverlängerung Kantine" not in public
    assert "Anfragen sind bis zum 02.12.2026 schriftlich beim Kreistagsbüro einzureichen." in public


def test_an_announcement_with_nothing_public() -> None:
    from tests.conftest import minimal_sitzung

    geheim = {"titel": "Grundstück", "oeffentlich": False, "nichtoeffentlich_grund": "Grund"}
    sitzung = vorlagen.Sitzung.model_validate(minimal_sitzung(tagesordnung=[geheim]))
    stil = {"bekanntmachung_nichtoeffentliche_titel": False}
    lines = texts(
        open_docx(vorlagen.render_einladung(sitzung, hausstil=stil, fassung="oeffentlich"))
    )
    assert "Im Anschluss an den öffentlichen Teil folgt ein nichtöffentlicher Teil." in lines
    assert "Öffentlicher Teil" not in lines
    assert not any("Grundstück" in line for line in lines)
