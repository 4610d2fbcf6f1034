"""Shipped templates by name, what a wrong template file is told, a house style as a mapping."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

import vorlagen
from tests.conftest import EXAMPLE_FILES, example, example_data, open_docx
from vorlagen import Hausstil, Template, TemplateError
from vorlagen.api import resolve_template
from vorlagen.cli import main
from vorlagen.schemas.fehler import fehlermeldungen
from vorlagen.template import shipped_templates

SHIPPED = Path(vorlagen.__file__).parent / "templates"


def styles_used(data: bytes) -> set[str]:
    return {p.style.name for p in open_docx(data).paragraphs if p.style is not None}


# -- by name ------------------------------------------------------------------------------------


def test_the_shipped_names() -> None:
    assert shipped_templates() == ["default", "stadt"]
    assert shipped_templates() == sorted(p.stem for p in SHIPPED.glob("*.docx"))


@pytest.mark.parametrize("name", ["default", "stadt"])
def test_a_shipped_template_by_name(name: str) -> None:
    template = Template.shipped(name)
    assert template.name == name
    assert template is Template.shipped(name)  # loaded once
    assert template.render(example("beschlussvorlage.json")) == Template.from_path(
        SHIPPED / f"{name}.docx"
    ).render(example("beschlussvorlage.json"))
    assert resolve_template(name) is template


def test_the_default_is_the_shipped_default() -> None:
    assert resolve_template(None) is Template.shipped("default")
    assert Template.shipped().name == "default"


def test_a_shipped_template_with_a_house_style() -> None:
    template = Template.shipped("stadt", {"waehrung": "EUR"})
    assert template.hausstil == Hausstil(waehrung="EUR")
    assert Template.shipped("stadt").hausstil == Hausstil()


def test_cli_renders_with_a_shipped_template_by_name(tmp_path: Path) -> None:
    target = tmp_path / "stadt.docx"
    paper = EXAMPLE_FILES[-1]
    assert paper.name == "stadt-beschlussvorlage.json"
    assert main(["render", str(paper), "--template", "stadt", "-o", str(target)]) == 0
    assert {"Briefkopf Zusatz", "Beratung"} <= _header_and_body_styles(target.read_bytes())


def _header_and_body_styles(data: bytes) -> set[str]:
    doc = open_docx(data)
    header = doc.sections[0].header.paragraphs
    return {p.style.name for p in [*header, *doc.paragraphs] if p.style is not None}


def test_a_file_of_that_name_comes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "stadt").write_bytes((SHIPPED / "default.docx").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert resolve_template("stadt").name == "stadt"
    assert "Beratung" not in styles_used(
        resolve_template("stadt").render(example(EXAMPLE_FILES[-1].name))
    )


def test_an_unknown_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        Template.shipped("stat")
    (problem,) = info.value.problems
    assert problem.message == (
        "nicht gefunden: keine mitgelieferte Vorlage heißt so (mitgeliefert: „default“, „stadt“)"
    )
    target = tmp_path / "out.docx"
    assert main(["render", str(EXAMPLE_FILES[0]), "--template", "stat", "-o", str(target)]) == 1
    assert "„default“, „stadt“" in capsys.readouterr().err
    assert not target.exists()


# -- a template file that is missing or no Word file ----------------------------------------------


def test_a_missing_template_is_not_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "kreis.docx"
    (problem,) = vorlagen.check_template(missing)
    assert (problem.part, problem.message) == (str(missing), "nicht gefunden")
    with pytest.raises(TemplateError) as info:
        Template.from_path(missing)
    assert "nicht gefunden" in str(info.value)
    assert "nicht lesbar" not in str(info.value)
    assert main(["check", str(missing)]) == 1
    assert capsys.readouterr().out.startswith(f"{missing}: nicht gefunden")


def test_a_folder_as_template(tmp_path: Path) -> None:
    (problem,) = vorlagen.check_template(tmp_path)
    assert problem.message == "ist ein Ordner, keine Word-Datei"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "keine Word-Datei, sondern ein PDF"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
            "keine Word-Datei im DOCX-Format, sondern ein Word-97–2003",
        ),
        (b"Sehr geehrte Damen und Herren", "keine Word-Datei (.docx, .dotx): kein gültiges ZIP"),
    ],
    ids=["pdf", "doc", "text"],
)
def test_no_word_file_names_the_file(
    content: bytes, says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "vorlage.pdf"
    path.write_bytes(content)
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out.startswith(f"{path}: {says}")  # named, not ": ..."
    assert main(["render", str(EXAMPLE_FILES[0]), "--template", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: {says}" in err
    with pytest.raises(TemplateError, match=says.replace("(", r"\(").replace(")", r"\)")) as info:
        Template.from_bytes(content, name="vorlage.pdf")
    assert info.value.source == "vorlage.pdf"
    with pytest.raises(TemplateError) as info:
        Template.from_path(path)
    assert info.value.problems[0].part == str(path)


def test_an_opendocument_text_is_no_word_file(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "kreis.odt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    (problem,) = vorlagen.check_template(path)
    assert problem.part == str(path)
    assert problem.message.startswith("keine Word-Datei, sondern ein OpenDocument-Text (.odt)")


# -- the house style as a mapping -----------------------------------------------------------------


def amounts(data: bytes) -> list[str]:
    doc = open_docx(data)
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return [text for text in cells if text.endswith(("€", "EUR"))]


@pytest.fixture(scope="module")
def paper() -> vorlagen.Sitzungsvorlage:
    return example("beschlussvorlage.json")


def test_render_takes_a_mapping(paper: vorlagen.Sitzungsvorlage) -> None:
    as_mapping = vorlagen.render(paper, hausstil={"waehrung": "EUR"})
    assert as_mapping == vorlagen.render(paper, hausstil=Hausstil(waehrung="EUR"))
    assert amounts(as_mapping)
    assert all(text.endswith("\xa0EUR") for text in amounts(as_mapping))
    template = Template.shipped()
    assert template.render(paper, hausstil={"waehrung": "EUR"}) == as_mapping
    assert template.with_hausstil({"waehrung": "EUR"}).render(paper) == as_mapping
    assert vorlagen.render(paper, "default", {"waehrung": "EUR"}) == as_mapping


def test_save_and_render_many_take_a_mapping(
    paper: vorlagen.Sitzungsvorlage, tmp_path: Path
) -> None:
    expected = vorlagen.render(paper, hausstil=Hausstil(waehrung="EUR"))
    assert vorlagen.save(paper, tmp_path / "a.docx", hausstil={"waehrung": "EUR"}).read_bytes() == (
        expected
    )
    template = Template.shipped()
    saved = template.save(paper, tmp_path / "b.docx", hausstil={"waehrung": "EUR"})
    assert saved.read_bytes() == expected
    (result,) = vorlagen.render_many([paper], hausstil={"waehrung": "EUR"}, workers=1)
    assert result.docx == expected
    (result,) = template.render_many([paper], workers=1, hausstil={"waehrung": "EUR"})
    assert result.docx == expected


def test_render_pdf_takes_a_mapping(
    paper: vorlagen.Sitzungsvorlage, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vorlagen.pdf

    monkeypatch.setattr(vorlagen.pdf, "to_pdf", lambda docx: docx)  # the DOCX, as it goes in
    assert Template.shipped().render_pdf(paper, hausstil={"waehrung": "EUR"}) == vorlagen.render(
        paper, hausstil=Hausstil(waehrung="EUR")
    )


def test_a_bad_mapping_is_a_validation_error(paper: vorlagen.Sitzungsvorlage) -> None:
    with pytest.raises(ValidationError) as info:
        vorlagen.render(paper, hausstil={"waehrug": "EUR"})
    assert fehlermeldungen(info.value) == ["waehrug: unbekanntes Feld; meinten Sie „waehrung“?"]
    with pytest.raises(ValidationError) as info:
        Template.shipped().render(paper, hausstil={"waehrung": "Euro"})
    (line,) = fehlermeldungen(info.value)
    assert line.startswith("waehrung: ")


def test_no_house_style_at_all(paper: vorlagen.Sitzungsvorlage) -> None:
    with pytest.raises(TypeError, match=r"Hausstil erwartet .* erhalten: str"):
        vorlagen.render(paper, hausstil="EUR")  # type: ignore[arg-type]


# -- what the reader sees in the shipped templates ------------------------------------------------


def millions(name: str) -> vorlagen.Sitzungsvorlage:
    """An example paper with an amount of millions and a long Bezeichnung."""
    data = example_data(name)
    position = data["finanzielle_auswirkungen"]["positionen"][0]
    position["betrag"] = "-14850000.00"
    position["bezeichnung"] = (
        "Zuschuss an den Verkehrsverbund für die Verlängerung der Stadtbahnlinie zum neuen "
        "Bahnhof West einschließlich Planung und überplanmäßiger Mittel"
    )
    return vorlagen.Sitzungsvorlage.model_validate(data)


@pytest.mark.libreoffice
def test_amounts_of_millions_do_not_wrap(to_pdf_text: Callable[[bytes], str]) -> None:
    paper = millions("stadt-beschlussvorlage.json")
    text = to_pdf_text(vorlagen.render(paper, "default", {"waehrung": "EUR"}))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "\u221214.850.000,00 EUR" in lines, text  # not "−14.850.000,00 EU" / "R"
    assert "\u221215.142.500,00 EUR" in lines, text


def test_the_town_s_amounts_stand_apart_from_their_text() -> None:
    paper = millions("stadt-beschlussvorlage.json")
    doc = open_docx(vorlagen.render(paper, "stadt", {"waehrung": "EUR"}))
    (finanzen,) = [t for t in doc.tables if t.rows[0].cells[0].text == "Haushaltsjahr"]
    rows = [[cell.text for cell in row.cells] for row in finanzen.rows]
    assert rows[0] == ["Haushaltsjahr", "Position", "Betrag"]
    assert rows[1] == [
        "2027",
        f"{paper.finanzielle_auswirkungen.positionen[0].bezeichnung} (Produkt 12.01.02), "  # type: ignore[union-attr]
        "außerplanmäßig",
        "\u221214.850.000,00\xa0EUR",
    ]
    assert rows[-1] == ["Summe", "", "\u221215.142.500,00\xa0EUR"]
    assert vorlagen.check_accessibility(vorlagen.render(paper, "stadt")) == []


@pytest.mark.parametrize("template", ["default", "stadt"])
def test_a_non_public_paper_is_marked_at_the_head(template: str) -> None:
    data = example_data("beschlussvorlage.json")
    data["oeffentlich"] = False
    data["nichtoeffentlich_grund"] = "Personalangelegenheit"
    data["beratungsfolge"] = [dict(b, oeffentlich=False) for b in data["beratungsfolge"]]
    rendered = vorlagen.render(vorlagen.Sitzungsvorlage.model_validate(data), template)
    first = open_docx(rendered).paragraphs[0]
    assert first.text == "Nichtöffentlich – Personalangelegenheit"
    assert first.style is not None
    assert first.style.name == "Nichtöffentlich"
    assert first.runs[0].text == "Nichtöffentlich"
    assert first.runs[0].bold
    assert not any(run.bold for run in first.runs[1:])  # a notice, not a heading in bold
    assert vorlagen.check_accessibility(rendered) == []
    public = open_docx(vorlagen.render(example("beschlussvorlage.json"), template))
    assert "Nichtöffentlich" not in {p.style.name for p in public.paragraphs if p.style}


@pytest.mark.parametrize("template", ["default", "stadt"])
def test_costs_not_yet_quantified(template: str) -> None:
    grund = "Die Verwaltung ermittelt die Kosten bis zur nächsten Sitzung."
    data = example_data("beschlussvorlage.json")
    data["finanzielle_auswirkungen"] = {"beziffert": False, "erlaeuterung": grund}
    rendered = vorlagen.render(vorlagen.Sitzungsvorlage.model_validate(data), template)
    texts = [p.text for p in open_docx(rendered).paragraphs]
    start = texts.index("Finanzielle Auswirkungen")
    assert texts[start + 1 : start + 3] == [
        "Die finanziellen Auswirkungen sind noch nicht beziffert.",
        grund,
    ]
    assert "Keine." not in texts
    assert vorlagen.check_accessibility(rendered) == []
