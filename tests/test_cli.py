from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import vorlagen
from tests.conftest import EXAMPLES, minimal_data, open_docx
from tests.images import png
from vorlagen import Sitzungsvorlage
from vorlagen.cli import SCHEMAS, main, schema_json

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "vorlagen" / "schemas"


def test_example_then_render(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = tmp_path / "beispiel.json"
    assert main(["example", "-o", str(example)]) == 0
    paper = Sitzungsvorlage.model_validate_json(example.read_text(encoding="utf-8"))
    assert example.read_text(encoding="utf-8") == (EXAMPLES / "beschlussvorlage.json").read_text(
        encoding="utf-8"
    )
    assert main(["render", str(example), "-o", str(tmp_path / "out.docx")]) == 0
    doc = open_docx((tmp_path / "out.docx").read_bytes())
    assert [p.text for p in doc.paragraphs if p.style and p.style.name == "Heading 1"] == [
        paper.betreff
    ]
    assert "out.docx geschrieben" in capsys.readouterr().err


def test_render_defaults_to_the_paper_name_and_reads_yaml(tmp_path: Path) -> None:
    paper = tmp_path / "vorlage.yaml"
    paper.write_text(
        "art: Beschlussvorlage\nnummer: 0001/2026\ndatum: 2026-05-01\n"
        "betreff: Aus YAML\nkoerperschaft: Kreis Lindenau\nfederfuehrung: FB 10\n"
        "beratungsfolge:\n  - {gremium: Kreistag, sitzungsdatum: 2026-06-01, "
        "zustaendigkeit: Entscheidung}\n"
        "beschlussvorschlag: Der Kreistag beschließt.\nsachdarstellung: Begründung.\n",
        encoding="utf-8",
    )
    assert main(["render", str(paper), "--waehrung", "EUR"]) == 0
    doc = open_docx((tmp_path / "vorlage.docx").read_bytes())
    assert "Aus YAML" in [p.text for p in doc.paragraphs]


def test_markdown_images_are_read_beside_the_paper(tmp_path: Path) -> None:
    (tmp_path / "plan.png").write_bytes(png())
    data = minimal_data(sachdarstellung={"markdown": "Text.\n\n![Lageplan](plan.png)"})
    paper = tmp_path / "vorlage.json"
    paper.write_text(json.dumps(data), encoding="utf-8")
    assert main(["render", str(paper)]) == 0
    doc = open_docx((tmp_path / "vorlage.docx").read_bytes())
    assert len(doc.inline_shapes) == 1
    data["sachdarstellung"] = {"markdown": "![Geheim](../geheim.png)"}
    paper.write_text(json.dumps(data), encoding="utf-8")
    assert main(["render", str(paper), "-o", str(tmp_path / "zwei.docx")]) == 1
    assert not (tmp_path / "zwei.docx").exists()


def test_invalid_paper_prints_fields_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = minimal_data(datum="01.05.2026", betreff="zwei\nZeilen")
    data["finanzielle_auswirkungen"] = {
        "positionen": [{"haushaltsjahr": 2027, "bezeichnung": "Kosten", "betrag": 1.5}]
    }
    paper = tmp_path / "kaputt.json"
    paper.write_text(json.dumps(data), encoding="utf-8")
    assert main(["render", str(paper), "-o", str(tmp_path / "kaputt.docx")]) == 1
    err = capsys.readouterr().err
    assert "kaputt.json: die Vorlage ist ungültig:" in err
    assert "  datum: Datum im Format JJJJ-MM-TT angeben" in err
    assert "  betreff: muss eine einzige Zeile sein" in err
    assert (
        "  finanzielle_auswirkungen.positionen.0.betrag: Betrag ohne Anführungszeichen ist eine "
        'Gleitkommazahl und damit ungenau; in Anführungszeichen setzen, z. B. "1.50"' in err
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kaputt.json"]


@pytest.mark.parametrize(
    ("content", "message"),
    [("{ kein json", "Invalid JSON"), ("[]", "Objekt erwartet")],
)
def test_unreadable_paper(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    paper = tmp_path / "kaputt.json"
    paper.write_text(content, encoding="utf-8")
    assert main(["render", str(paper)]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "kaputt.docx").exists()


def test_missing_paper(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "fehlt.json")]) == 1
    assert "nicht lesbar" in capsys.readouterr().err


def test_broken_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "kaputt.docx"
    template.write_bytes(b"kein zip")
    assert (
        main(
            [
                "render",
                str(EXAMPLES / "beschlussvorlage.json"),
                "--template",
                str(template),
                "-o",
                str(tmp_path / "out.docx"),
            ]
        )
        == 1
    )
    assert "kein gültiges ZIP-Archiv" in capsys.readouterr().err
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize("was", SCHEMAS)
def test_shipped_schema_is_current(was: str) -> None:
    path = SCHEMA_FILE / f"{was}.schema.json"
    option = "" if was == "sitzungsvorlage" else f" --{was}"
    assert path.read_text(encoding="utf-8") == schema_json(was), (
        f"run: python -m vorlagen schema{option} -o {path}"
    )


def test_the_schemas_speak_german() -> None:
    schema = json.loads(schema_json())
    assert schema["title"] == "Sitzungsvorlage"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    properties = schema["properties"]
    assert properties["oeffentlich"]["title"] == "Öffentlich"
    assert properties["federfuehrung"]["title"] == "Federführung"
    assert properties["beratungsfolge"]["description"].startswith("Die Gremien, die")
    beratung = schema["$defs"]["Beratung"]["properties"]
    assert beratung["sitzungsdatum"]["title"] == "Sitzungsdatum"
    for was in SCHEMAS:
        found = json.loads(schema_json(was))
        for name, model in [("", found), *found["$defs"].items()]:
            assert model.get("description"), name
            for feld, eigenschaft in model.get("properties", {}).items():
                assert eigenschaft.get("title"), feld
                assert eigenschaft.get("description"), feld
    assert "nur die Bibliothek prüft" in schema["description"]


def test_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vorlagen", "example"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert json.loads(result.stdout)["art"] == "Beschlussvorlage"
    usage = subprocess.run(
        [sys.executable, "-m", "vorlagen"], capture_output=True, text=True, cwd=tmp_path
    )
    assert usage.returncode == 2


def write_paper(path: Path, **changes: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(minimal_data(**changes)), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [["vorlagen"], [sys.executable, "-m", "vorlagen"]],
    ids=["script", "module"],
)
def test_version(command: list[str]) -> None:
    if command == ["vorlagen"]:
        script = Path(sys.executable).with_name("vorlagen")
        if not script.exists():
            pytest.skip("the vorlagen script is not installed beside this Python")
        command = [str(script)]
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True)
    assert result.stdout == f"vorlagen {vorlagen.__version__}\n"


def test_version_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"vorlagen {vorlagen.__version__}\n"


@pytest.mark.parametrize(
    ("papers", "output", "written"),
    [
        (["a.json"], "ausgabe/", ["ausgabe/a.docx"]),
        (["a.json"], "neu/tief/", ["neu/tief/a.docx"]),
        (["a.json", "b.json"], "ausgabe", ["ausgabe/a.docx", "ausgabe/b.docx"]),
        (["a.json", "b.json"], "ausgabe/", ["ausgabe/a.docx", "ausgabe/b.docx"]),
        (["a.json"], "datei.docx", ["datei.docx"]),
    ],
)
def test_a_missing_output_folder_is_created(
    tmp_path: Path, papers: list[str], output: str, written: list[str]
) -> None:
    paths = [str(write_paper(tmp_path / "sitzung" / name)) for name in papers]
    assert main(["render", *paths, "-o", str(tmp_path) + "/" + output]) == 0
    found = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.docx"))
    assert found == written


def test_no_folder_is_created_when_no_paper_is_valid(tmp_path: Path) -> None:
    paths = [str(write_paper(tmp_path / n, datum="1.5.2026")) for n in ("a.json", "b.json")]
    assert main(["render", *paths, "-o", str(tmp_path / "ausgabe")]) == 1
    assert not (tmp_path / "ausgabe").exists()


@pytest.mark.parametrize("papers", [["a.json", "b.json"], ["a.json"]])
def test_a_folder_output_that_is_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], papers: list[str]
) -> None:
    target = tmp_path / "ausgabe.docx"
    target.write_bytes(b"alt")
    paths = [str(write_paper(tmp_path / name)) for name in papers]
    output = str(target) + ("/" if len(papers) == 1 else "")
    assert main(["render", *paths, "-o", output]) == 1
    assert "-o muss ein Ordner sein" in capsys.readouterr().err
    assert target.read_bytes() == b"alt"


def test_several_papers_and_a_document_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(write_paper(tmp_path / name)) for name in ("a.json", "b.json")]
    assert main(["render", *paths, "-o", str(tmp_path / "einzeln.docx")]) == 1
    assert (
        "-o muss ein Ordner sein, wenn mehrere Vorlagen angegeben sind" in capsys.readouterr().err
    )
    assert not (tmp_path / "einzeln.docx").exists()
    assert main(["render", *paths, "-o", str(tmp_path / "ausgabe.docx") + "/"]) == 0  # as typed
    assert len(list((tmp_path / "ausgabe.docx").glob("*.docx"))) == 2


def betreffs(path: Path) -> list[str]:
    return [p.text for p in open_docx(path.read_bytes()).paragraphs]


SACHBEARBEITUNG = {"name": "Frau Beispiel", "telefon": "02861 82-0"}


@pytest.mark.parametrize(
    ("args", "public"),
    [
        ([], "vorlage (öffentlich).docx"),
        (["-o", "ausgabe/"], "ausgabe/vorlage (öffentlich).docx"),
    ],
)
def test_the_public_version_gets_a_name_of_its_own(
    tmp_path: Path, args: list[str], public: str
) -> None:
    paper = write_paper(tmp_path / "vorlage.json", sachbearbeitung=SACHBEARBEITUNG)
    args = [a if a.startswith("-") else f"{tmp_path}/{a}" for a in args]
    assert main(["render", str(paper), *args]) == 0
    internal = tmp_path / public.replace(" (öffentlich)", "")
    before = internal.read_bytes()
    assert main(["render", str(paper), *args, "--oeffentlich"]) == 0
    assert internal.read_bytes() == before
    assert any("Frau Beispiel" in text for text in betreffs(internal))
    assert not any("Frau Beispiel" in text for text in betreffs(tmp_path / public))


def test_the_public_version_does_not_replace_the_internal_one_given_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paper = write_paper(tmp_path / "vorlage.json", sachbearbeitung=SACHBEARBEITUNG)
    assert main(["render", str(paper)]) == 0
    internal = tmp_path / "vorlage.docx"
    before = internal.read_bytes()
    assert main(["render", str(paper), "--oeffentlich", "-o", str(internal)]) == 1
    assert "hier steht die interne Fassung" in capsys.readouterr().err
    assert internal.read_bytes() == before
    # any other file named with -o is written as given, even if it exists
    other = tmp_path / "fuer das Internet.docx"
    other.write_bytes(b"alt")
    assert main(["render", str(paper), "--oeffentlich", "-o", str(other)]) == 0
    assert not any("Frau Beispiel" in text for text in betreffs(other))


def test_an_unquoted_yaml_amount(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paper = tmp_path / "vorlage.yaml"
    data = minimal_data()
    data["finanzielle_auswirkungen"] = {
        "positionen": [{"haushaltsjahr": 2027, "bezeichnung": "Kosten", "betrag": "BETRAG"}]
    }
    text = yaml.safe_dump(data, allow_unicode=True).replace("BETRAG", "1234.50")
    paper.write_text(text, encoding="utf-8")
    assert main(["render", str(paper)]) == 1
    err = capsys.readouterr().err
    assert (
        "finanzielle_auswirkungen.positionen.0.betrag: Betrag ohne Anführungszeichen ist eine "
        'Gleitkommazahl und damit ungenau; in Anführungszeichen setzen, z. B. "1234.50"'
    ) in err
    assert "1234.5 " not in err


def test_currency_applies_to_the_default_template(tmp_path: Path) -> None:
    target = tmp_path / "vorlage.docx"
    paper = EXAMPLES / "beschlussvorlage.json"
    assert main(["render", str(paper), "-o", str(target), "--waehrung", "EUR"]) == 0
    doc = open_docx(target.read_bytes())
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    assert "4.850.000,00\xa0EUR" in cells
    assert not any("€" in cell for cell in cells)


def test_example_meeting_then_its_einladung(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = tmp_path / "kreistag.json"
    assert main(["example", "--sitzung", "-o", str(meeting)]) == 0
    sitzung = vorlagen.Sitzung.model_validate_json(meeting.read_text(encoding="utf-8"))
    assert len(sitzung.tagesordnung) >= 5
    assert sum(not top.oeffentlich for top in sitzung.tagesordnung) >= 2
    assert len(sitzung.vorlagen) >= 3
    assert main(["sitzung", str(meeting)]) == 0
    assert main(["sitzung", str(meeting), "--einladung", "--oeffentlich"]) == 0
    internal = open_docx((tmp_path / "kreistag Einladung.docx").read_bytes())
    public = open_docx((tmp_path / "kreistag Einladung (öffentlich).docx").read_bytes())
    assert "Einladung zur 6. Sitzung des Kreistages" in [p.text for p in internal.paragraphs]
    assert "Tagesordnung der 6. Sitzung des Kreistages" in [p.text for p in public.paragraphs]
    assert "kreistag Einladung (öffentlich).docx geschrieben" in capsys.readouterr().err


def test_a_meeting_reads_its_papers_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "einladung.docx"
    assert main(["sitzung", str(EXAMPLES / "sitzung-kreistag.yaml"), "-o", str(target)]) == 0
    cells = [c.text for t in open_docx(target.read_bytes()).tables for r in t.rows for c in r.cells]
    assert {"0187/2026", "0211/2026", "0219/2026"} <= set(cells)


def test_an_invalid_meeting_names_its_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = tmp_path / "sitzung.yaml"
    meeting.write_text("gremium: Kreistag\ntagesordnung:\n  - titel: A\n    vorlage: ../x.json\n")
    assert main(["sitzung", str(meeting)]) == 1
    err = capsys.readouterr().err
    assert "sitzung.yaml: die Sitzung ist ungültig:" in err
    assert "tagesordnung.0.vorlage: Vorlage „../x.json“ liegt außerhalb" in err
    assert not list(tmp_path.glob("*.docx"))


def test_the_mappe_of_a_meeting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meeting = tmp_path / "kreistag.json"
    assert main(["example", "--sitzung", "-o", str(meeting)]) == 0
    assert main(["sitzung", str(meeting), "--mappe"]) == 0
    assert (
        main(["sitzung", str(meeting), "--mappe", "--oeffentlich", "--vorlagen-template", "stadt"])
        == 0
    )
    internal = open_docx((tmp_path / "kreistag Mappe.docx").read_bytes())
    public = open_docx((tmp_path / "kreistag Mappe (öffentlich).docx").read_bytes())
    assert (len(internal.sections), len(public.sections)) == (4, 3)
    assert "kreistag Mappe (öffentlich).docx geschrieben" in capsys.readouterr().err


def test_the_niederschrift_of_a_meeting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = EXAMPLES / "niederschrift-kreistag.yaml"
    public, internal = tmp_path / "oe.docx", tmp_path / "n.docx"
    assert main(["niederschrift", str(source), "-o", str(public)]) == 0
    assert main(["niederschrift", str(source), "--nichtoeffentlich", "-o", str(internal)]) == 0
    public_text = "\n".join(p.text for p in open_docx(public.read_bytes()).paragraphs)
    internal_text = "\n".join(p.text for p in open_docx(internal.read_bytes()).paragraphs)
    assert "(öffentlicher Teil)" in public_text
    assert "Verkauf einer Teilfläche" not in public_text
    assert "Verkauf einer Teilfläche" in internal_text
    broken = tmp_path / "kaputt.yaml"
    broken.write_text("sitzung: ../nirgends.yaml\n", encoding="utf-8")
    assert main(["niederschrift", str(broken)]) == 1
    assert "kaputt.yaml: die Niederschrift ist ungültig:" in capsys.readouterr().err


def test_the_auszug_of_an_item(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "n.yaml"
    source.write_text((EXAMPLES / "niederschrift-kreistag.yaml").read_text(encoding="utf-8"))
    (tmp_path / "sitzung-kreistag.yaml").write_text(
        (EXAMPLES / "sitzung-kreistag.yaml").read_text(encoding="utf-8")
    )
    for name in ("beschlussvorlage.json", "kreistag/0211-2026.json", "kreistag/0219-2026.json"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    assert main(["auszug", str(source), "--top", "Ö 4"]) == 0
    text = "\n".join(
        p.text for p in open_docx((tmp_path / "n Auszug Ö 4.docx").read_bytes()).paragraphs
    )
    assert "Erweiterung des Berufskollegs" in text
    assert main(["auszug", str(source), "--top", "Ö 99"]) == 1
    assert "kein Tagesordnungspunkt „Ö 99“" in capsys.readouterr().err


BASE_URL = "https://ris.kreis-lindenau.de/oparl/body/1"


def test_a_paper_as_oparl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paper = EXAMPLES / "beschlussvorlage.json"
    document = tmp_path / "vorlage.docx"
    assert main(["render", str(paper), "--oeffentlich", "-o", str(document)]) == 0
    capsys.readouterr()
    command = ["oparl", str(paper), "--base-url", BASE_URL, "--erstellt", "2026-11-02T09:30"]
    assert main([*command, "--datei", str(document)]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["type"] == "https://schema.oparl.org/1.1/Paper"
    assert exported["reference"] == "0187/2026"
    assert exported["created"] == "2026-11-02T09:30:00+01:00"
    assert exported["mainFile"]["size"] == document.stat().st_size
    hidden = EXAMPLES / "kreistag" / "0219-2026.json"
    assert main(["oparl", str(hidden), "--base-url", BASE_URL]) == 1
    assert "--nichtoeffentlich" in capsys.readouterr().err
    assert main(["oparl", str(hidden), "--base-url", BASE_URL, "--nichtoeffentlich"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Nichtöffentliche Vorlage"
    assert main(["oparl", str(paper), "--base-url", "ris.kreis-lindenau.de"]) == 1
    assert "base_url: keine http(s)-URL" in capsys.readouterr().err


def test_a_meeting_as_oparl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "sitzung.json"
    meeting = EXAMPLES / "sitzung-kreistag.yaml"
    assert main(["oparl", str(meeting), "--base-url", BASE_URL, "-o", str(target)]) == 0
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["type"] == "https://schema.oparl.org/1.1/Meeting"
    assert all(item["public"] for item in exported["agendaItem"])
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", exported["created"]
    )  # the file's time
    one_line = tmp_path / "sitzung-in-einer-zeile.json"  # a meeting as one line of JSON
    assert main(["example", "--sitzung", "-o", str(one_line)]) == 0
    one_line.write_text(
        json.dumps(json.loads(one_line.read_text(encoding="utf-8"))), encoding="utf-8"
    )
    assert main(["oparl", str(one_line), "--base-url", BASE_URL, "-o", str(target)]) == 0


def test_a_meetings_oparl_numbers_its_items_as_its_einladung_prints_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "kreis.docx"  # a body's own Einladung with its house style beside it
    template.write_bytes(
        (Path(vorlagen.__file__).parent / "templates/einladung/default.docx").read_bytes()
    )
    (tmp_path / "kreis.toml").write_text('top_nummern = "TOP Ö 1"\n', encoding="utf-8")
    meeting = EXAMPLES / "sitzung-kreistag.yaml"
    command = ["oparl", str(meeting), "--base-url", BASE_URL]
    assert main([*command, "--template", str(template)]) == 0
    numbers = [item["number"] for item in json.loads(capsys.readouterr().out)["agendaItem"]]
    einladung = tmp_path / "einladung.docx"
    assert main(["sitzung", str(meeting), "--template", str(template), "-o", str(einladung)]) == 0
    public_part = open_docx(einladung.read_bytes()).tables[0]
    printed = [row.cells[0].text.replace("\N{NO-BREAK SPACE}", " ") for row in public_part.rows]
    assert numbers == printed[1:]  # under the header "Nr."
    assert numbers[:2] == ["TOP Ö 1", "TOP Ö 2"]
    assert main(command) == 0  # without a template: the default's numbers
    assert json.loads(capsys.readouterr().out)["agendaItem"][0]["number"] == "Ö 1"
    paper = EXAMPLES / "beschlussvorlage.json"
    assert main(["oparl", str(paper), "--base-url", BASE_URL, "--template", "stadt"]) == 1
    assert "--template gilt nur für eine Sitzung" in capsys.readouterr().err
    assert main([*command, "--template", "gibt-es-nicht"]) == 1
    assert "keine mitgelieferte Vorlage heißt so" in capsys.readouterr().err


def test_the_data_of_a_rendered_paper(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "vorlage.docx"
    assert main(["render", str(EXAMPLES / "beschlussvorlage.json"), "-o", str(document)]) == 0
    capsys.readouterr()
    assert main(["lesen", str(document)]) == 0
    read = Sitzungsvorlage.model_validate_json(capsys.readouterr().out)
    assert read == vorlagen.read(document.read_bytes())
    other = tmp_path / "andere.docx"
    other.write_bytes(vorlagen.render_einladung(vorlagen.Sitzung.model_validate(
        yaml.safe_load((EXAMPLES / "sitzung-kreistag.yaml").read_text(encoding="utf-8")),
        context={"basis": EXAMPLES},
    )))  # fmt: skip
    assert main(["lesen", str(other)]) == 1
    assert "trägt keine Daten einer Vorlage" in capsys.readouterr().err


def test_pruefen_prints_one_line_per_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "beispiele"
    shutil.copytree(EXAMPLES, folder)  # the meeting's papers lie beside it
    meeting = yaml.safe_load((folder / "sitzung-kreistag.yaml").read_text(encoding="utf-8"))
    meeting["einladungsdatum"] = "2026-12-05"  # three days before the meeting
    spaet = folder / "zu-spaet.yaml"
    spaet.write_text(yaml.safe_dump(meeting, allow_unicode=True), encoding="utf-8")
    assert main(["pruefen", str(spaet)]) == 1
    out = capsys.readouterr()
    (line,) = [x for x in out.out.splitlines() if x.startswith("fehler")]
    source = "GeschO (Ladungsfrist); § 32 Abs. 2 KrO NRW"
    assert line.startswith(f"fehler   {source}  einladungsdatum: ")
    assert "1 Fehler" in out.err
    # --pruefen refuses to write a document on an error
    target = tmp_path / "einladung.docx"
    assert main(["sitzung", str(spaet), "--pruefen", "-o", str(target)]) == 1
    assert not target.exists()
    assert "nicht ausgegeben" in capsys.readouterr().err
    assert main(["sitzung", str(spaet), "-o", str(target)]) == 0  # without: as before
    assert main(["pruefen", str(folder / "sitzung-kreistag.yaml")]) == 0
    assert "kein Fehler" in capsys.readouterr().err


def test_pruefen_with_a_geschaeftsordnung(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    go = tmp_path / "go.toml"
    go.write_text('name = "GeschO"\nnummernmuster = "\\\\d{4}/\\\\d{4}"\n', encoding="utf-8")
    paper = tmp_path / "vorlage.json"
    paper.write_text(json.dumps(minimal_data(nummer="1/26")), encoding="utf-8")
    assert main(["pruefen", str(paper), "--go", str(go)]) == 1
    assert "nummer: die Vorlagen-Nr. „1/26“" in capsys.readouterr().out
    target = tmp_path / "vorlage.docx"
    assert main(["render", str(paper), "--pruefen", "--go", str(go), "-o", str(target)]) == 1
    assert not target.exists()
    go.write_text("ladungsfrist = 3\n", encoding="utf-8")
    assert main(["pruefen", str(paper), "--go", str(go)]) == 1
    assert "die Geschäftsordnung ist ungültig" in capsys.readouterr().err
    niederschrift = EXAMPLES / "niederschrift-kreistag.yaml"
    assert main(["pruefen", str(niederschrift)]) == 0
