from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, minimal_data, open_docx
from tests.images import png
from vorlagen import Sitzungsvorlage
from vorlagen.cli import main, schema_json

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
        "  finanzielle_auswirkungen.positionen.0.betrag: Betrag 1.5 ist eine Gleitkommazahl" in err
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


def test_shipped_schema_is_current() -> None:
    shipped = (SCHEMA_FILE / "sitzungsvorlage.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_json(), "run: python -m vorlagen schema -o " + str(
        SCHEMA_FILE / "sitzungsvorlage.schema.json"
    )
    assert json.loads(shipped)["title"] == "Sitzungsvorlage"


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
