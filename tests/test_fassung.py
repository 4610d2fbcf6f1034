"""The public version leaves out staff's personal data and refuses non-public papers."""

from __future__ import annotations

from pathlib import Path

import pytest

import vorlagen
from tests.conftest import example, open_docx
from vorlagen import Hausstil, RenderError, Template
from vorlagen.cli import main

SHIPPED = Path(vorlagen.__file__).parent / "templates"


def texts(data: bytes) -> list[str]:
    return [p.text for p in open_docx(data).paragraphs]


def test_public_version_without_sachbearbeitung() -> None:
    paper = example("beschlussvorlage.json")
    intern = texts(vorlagen.render(paper))
    public = texts(vorlagen.render(paper, fassung="oeffentlich"))
    assert any(t.startswith("Sachbearbeitung:") for t in intern)
    assert not any("Brückner" in t or "4021" in t for t in public)
    assert "Dr. Marion Albers" in public  # the signer stays unless the Hausstil says otherwise
    assert set(intern) - set(public) == {
        "Sachbearbeitung:\tJohanna Brückner, Tel. 05931 44-4021, j.brueckner@kreis-lindenau.example"
    }


@pytest.mark.parametrize("template", ["default.docx", "stadt.docx"])
def test_signer_name_left_out_where_the_hausstil_says_so(template: str) -> None:
    paper = example("beschlussvorlage.json")
    tpl = Template.from_path(SHIPPED / template, Hausstil(unterzeichner_oeffentlich=False))
    public = texts(tpl.render(paper, fassung="oeffentlich"))
    assert "Dr. Marion Albers" not in public
    assert "Kreisdirektorin" in public
    assert "" not in public  # no empty paragraph where the name was
    assert "Dr. Marion Albers" in texts(tpl.render(paper))  # the internal version keeps it


def test_non_public_paper_has_no_public_version() -> None:
    paper = example("beschlussvorlage.json").model_copy(
        update={"oeffentlich": False, "nichtoeffentlich_grund": "Grundstücksangelegenheit"}
    )
    with pytest.raises(RenderError) as info:
        vorlagen.render(paper, fassung="oeffentlich")
    assert info.value.field == "oeffentlich"
    assert "keine öffentliche Fassung" in str(info.value)


def test_unknown_fassung() -> None:
    with pytest.raises(ValueError, match="'intern' oder 'oeffentlich'"):
        vorlagen.render(example("beschlussvorlage.json"), fassung="presse")  # type: ignore[arg-type]


def test_render_many_public(tmp_path: Path) -> None:
    papers = [example("beschlussvorlage.json")] * 2
    results = list(vorlagen.render_many(papers, workers=1, fassung="oeffentlich"))
    assert all(not any("Brückner" in t for t in texts(r.docx or b"")) for r in results)


def test_cli_oeffentlich(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parent.parent / "examples" / "beschlussvorlage.json"
    target = tmp_path / "oeffentlich.docx"
    assert main(["render", str(source), "-o", str(target), "--oeffentlich"]) == 0
    assert not any("Brückner" in t for t in texts(target.read_bytes()))
