"""The public version leaves out staff's personal data, validates, and refuses non-public papers."""

from __future__ import annotations

from pathlib import Path

import pytest

import vorlagen
from tests.conftest import EXAMPLE_FILES, example, open_docx
from vorlagen import Hausstil, RenderError, Sitzungsvorlage, Template
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


@pytest.mark.parametrize("mit_unterzeichner", [True, False], ids=["mit", "ohne Unterzeichner"])
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_public_version_of_every_example_validates(path: Path, mit_unterzeichner: bool) -> None:
    public = example(path.name).oeffentliche_fassung(mit_unterzeichner)
    assert public.fassung == "oeffentlich"
    assert public.sachbearbeitung is None
    assert public.unterzeichnung is not None
    assert (public.unterzeichnung.name is not None) is mit_unterzeichner
    assert Sitzungsvorlage.model_validate(public.model_dump(mode="json")) == public
    assert Sitzungsvorlage.model_validate(public.model_dump()) == public
    assert public.oeffentliche_fassung(mit_unterzeichner) == public


@pytest.mark.parametrize("template", ["default.docx", "stadt.docx"])
def test_a_paper_given_as_public_version_renders_as_such(template: str) -> None:
    tpl = Template.from_path(SHIPPED / template)
    public = example("beschlussvorlage.json").oeffentliche_fassung(mit_unterzeichner=False)
    paper = Sitzungsvorlage.model_validate_json(public.model_dump_json())
    rendered = texts(tpl.render(paper))
    assert rendered == texts(tpl.render(paper, fassung="oeffentlich"))
    assert not any("Brückner" in t or "Dr. Marion Albers" in t for t in rendered)
    assert "" not in rendered


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
