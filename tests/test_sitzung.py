"""The meeting model: Sitzung, Tagesordnungspunkt, its rules, papers read from files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from tests.conftest import example_sitzung, minimal_data, minimal_sitzung
from vorlagen import Sitzung, Sitzungsvorlage, Tagesordnungspunkt

NICHTOEFFENTLICH = {"titel": "Personal", "oeffentlich": False, "nichtoeffentlich_grund": "Personal"}


def errors(data: dict[str, Any], **context: Any) -> list[tuple[str, str]]:
    """Each error's place (dotted) and message."""
    with pytest.raises(ValidationError) as info:
        Sitzung.model_validate(data, context=context or None)
    return [(".".join(map(str, e["loc"])), e["msg"]) for e in info.value.errors()]


def test_the_example_meeting() -> None:
    sitzung = example_sitzung()
    assert sitzung.bezeichnung == "6. Sitzung des Kreistages"
    assert [t.oeffentlich for t in sitzung.tagesordnung] == [True] * 7 + [False] * 3
    assert [v.nummer for v in sitzung.vorlagen] == ["0187/2026", "0211/2026", "0219/2026"]
    # the non-public paper makes its item non-public, with the paper's reason
    assert (
        sitzung.tagesordnung[8].nichtoeffentlich_grund == sitzung.vorlagen[2].nichtoeffentlich_grund
    )
    assert Sitzung.model_validate_json(sitzung.model_dump_json()) == sitzung


def test_public_items_come_first() -> None:
    data = minimal_sitzung(tagesordnung=[NICHTOEFFENTLICH, {"titel": "Anfragen"}])
    assert errors(data) == [
        (
            "tagesordnung.1.oeffentlich",
            "öffentlicher TOP nach dem nichtöffentlichen TOP 1: die öffentlichen Punkte kommen "
            "zuerst",
        )
    ]


def test_a_non_public_item_needs_a_reason() -> None:
    data = minimal_sitzung(tagesordnung=[{"titel": "Personal", "oeffentlich": False}])
    ((place, message),) = errors(data)
    assert place == "tagesordnung.0.nichtoeffentlich_grund"
    assert "braucht einen Grund" in message


@pytest.mark.parametrize("as_model", [False, True])
def test_an_item_is_as_public_as_its_paper(as_model: bool) -> None:
    paper: Any = minimal_data(oeffentlich=False, nichtoeffentlich_grund="Grundstück")
    if as_model:
        paper = Sitzungsvorlage.model_validate(paper)
    top = Tagesordnungspunkt.model_validate({"titel": "Verkauf", "vorlage": paper})
    assert (top.oeffentlich, top.nichtoeffentlich_grund) == (False, "Grundstück")
    stated = {"titel": "Verkauf", "vorlage": paper, "oeffentlich": True}
    with pytest.raises(ValidationError, match="die Vorlage 0001/2026 ist nichtöffentlich"):
        Tagesordnungspunkt.model_validate(stated)


def test_a_non_public_paper_below_a_public_item_is_refused() -> None:
    paper = minimal_data(oeffentlich=False, nichtoeffentlich_grund="Grundstück")
    top = {
        "titel": "Liegenschaften",
        "unterpunkte": [{"titel": "a"}, {"titel": "b", "vorlage": paper}],
    }
    ((place, message),) = errors(minimal_sitzung(tagesordnung=[top]))
    assert place == "tagesordnung.0.unterpunkte.1.vorlage"
    assert "als eigenen TOP in den nichtöffentlichen Teil" in message


def test_times_in_order() -> None:
    ((place, _),) = errors(minimal_sitzung(ende="2026-06-01T16:00"))
    assert place == "ende"
    ((place, message),) = errors(minimal_sitzung(einladungsdatum="2026-06-02"))
    assert (place, message) == (
        "einladungsdatum",
        "die Einladung ist auf einen Tag nach der Sitzung (01.06.2026) datiert",
    )


def test_the_genitive_can_be_given() -> None:
    sitzung = Sitzung.model_validate(
        minimal_sitzung(gremium="Lenkungskreis", gremium_genitiv="des Lenkungskreises")
    )
    assert sitzung.bezeichnung == "6. Sitzung des Lenkungskreises"


def test_papers_from_files_beside_the_meeting(tmp_path: Path) -> None:
    (tmp_path / "papiere").mkdir()
    (tmp_path / "papiere" / "v.json").write_text(json.dumps(minimal_data()), encoding="utf-8")
    (tmp_path / "v.yaml").write_text("art: Antrag\n", encoding="utf-8")
    (tmp_path / "papiere" / "kaputt.json").write_text("{", encoding="utf-8")
    top = {"titel": "Neubau", "vorlage": "papiere/v.json"}
    sitzung = Sitzung.model_validate(
        minimal_sitzung(tagesordnung=[top]), context={"basis": tmp_path}
    )
    assert sitzung.vorlagen[0].nummer == "0001/2026"
    for pfad, expected in [
        ("../v.json", "liegt außerhalb des Basisverzeichnisses"),
        ("fehlt.json", "nicht lesbar"),
        ("kaputt.json", "ist kein gültiges JSON oder YAML"),
    ]:
        data = minimal_sitzung(tagesordnung=[{"titel": "x", "vorlage": pfad}])
        ((place, message),) = errors(data, basis=tmp_path / "papiere")
        assert place == "tagesordnung.0.vorlage"
        assert expected in message, message
    # the paper's own errors are placed below it
    data = minimal_sitzung(tagesordnung=[{"titel": "x", "vorlage": "v.yaml"}])
    places = [place for place, _ in errors(data, basis=tmp_path)]
    assert "tagesordnung.0.vorlage.nummer" in places
    # without a folder, a path cannot be read
    ((place, message),) = errors(minimal_sitzung(tagesordnung=[top]))
    assert "ein Pfad braucht ein Basisverzeichnis" in message
    assert "context={'basis': verzeichnis}" in message  # as it is written in Python


def test_the_public_version() -> None:
    sitzung = example_sitzung()
    public = sitzung.oeffentliche_fassung()
    assert public.fassung == "oeffentlich"
    # public papers in their public version; non-public items with their titles alone
    assert [v.fassung for v in public.vorlagen] == ["oeffentlich", "oeffentlich"]
    assert all(v.sachbearbeitung is None for v in public.vorlagen)
    hidden = public.nichtoeffentlicher_teil
    assert hidden is not None
    assert [t.titel for t in hidden.tops] == [t.titel for t in sitzung.tagesordnung[7:]]
    assert all(t.vorlage is None and t.nichtoeffentlich_grund is None for t in hidden.tops)
    assert Sitzung.model_validate_json(public.model_dump_json()) == public
    # without titles: a non-public part follows, nothing is named
    bare = sitzung.oeffentliche_fassung(nichtoeffentliche_titel=False)
    assert len(bare.tagesordnung) == 7
    assert bare.nichtoeffentlicher_teil is not None
    assert bare.nichtoeffentlicher_teil.tops == []
    assert "Grundstück" not in bare.model_dump_json()
    assert Sitzung.model_validate_json(bare.model_dump_json()) == bare


def test_a_public_version_names_no_more_than_titles() -> None:
    top = {
        **NICHTOEFFENTLICH,
        "vorlage": minimal_data(oeffentlich=False, nichtoeffentlich_grund="x"),
    }
    ((place, _),) = errors(minimal_sitzung(fassung="oeffentlich", tagesordnung=[top]))
    assert place == "tagesordnung.0.vorlage"
    ((place, _),) = errors(minimal_sitzung(nichtoeffentlicher_teil_folgt=True))
    assert place == "nichtoeffentlicher_teil_folgt"


def test_a_public_announcement_may_name_no_item_at_all() -> None:
    data = minimal_sitzung(tagesordnung=[NICHTOEFFENTLICH])
    public = Sitzung.model_validate(data).oeffentliche_fassung(nichtoeffentliche_titel=False)
    assert (public.tagesordnung, public.nichtoeffentlicher_teil_folgt) == ([], True)
    ((place, _),) = errors(minimal_sitzung(tagesordnung=[]))
    assert place == "tagesordnung"
    ((place, _),) = errors(minimal_sitzung(fassung="oeffentlich", tagesordnung=[]))
    assert place == "nichtoeffentlicher_teil_folgt"


def test_a_public_meeting_holds_public_versions_of_its_papers() -> None:
    paper = minimal_data(sachbearbeitung={"name": "Frau Geheim"})
    top = {"titel": "X", "unterpunkte": [{"titel": "Y", "vorlage": paper}], "vorlage": paper}
    places = [
        place for place, _ in errors(minimal_sitzung(fassung="oeffentlich", tagesordnung=[top]))
    ]
    assert places == ["tagesordnung.0.vorlage", "tagesordnung.0.unterpunkte.0.vorlage"]


def test_an_item_stated_non_public_takes_its_papers_reason() -> None:
    paper = minimal_data(oeffentlich=False, nichtoeffentlich_grund="Grundstück")
    top = Tagesordnungspunkt.model_validate({"titel": "V", "vorlage": paper, "oeffentlich": False})
    assert top.nichtoeffentlich_grund == "Grundstück"
