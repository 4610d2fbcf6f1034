"""Papers and meetings as OParl 1.1: valid against the official schemas, strict, linked."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings

import vorlagen
from tests.conftest import example, example_sitzung, minimal_data, minimal_sitzung
from tests.oparl import errors, objects, require_schemas
from tests.strategies import papers
from vorlagen.oparl import from_meeting, from_paper, to_meeting, to_paper
from vorlagen.oparl.schreiben import NICHTOEFFENTLICHE_VORLAGE, NICHTOEFFENTLICHER_PUNKT, _slug

BASE = "https://ris.kreis-lindenau.de/oparl/v1.1/body/1"
ERSTELLT = datetime(2026, 11, 2, 9, 30)  # German time: +01:00
SITZUNG = example_sitzung()
EXAMPLES = ["beschlussvorlage.json", "mitteilungsvorlage.json", "stadt-beschlussvorlage.json"]
PAPERS = [example(name) for name in EXAMPLES] + [
    v for v in SITZUNG.vorlagen if v.nummer not in {p.nummer for p in map(example, EXAMPLES)}
]


def paper(vorlage: vorlagen.Sitzungsvorlage, **options: Any) -> dict[str, Any]:
    return to_paper(vorlage, base_url=BASE, erstellt=ERSTELLT, **options)


def assert_strict(obj: dict[str, Any]) -> None:
    """Valid against the 1.1 schemas, every object 1.1 with its times, nothing empty."""
    require_schemas()
    found = list(objects(obj))
    assert found
    for path, item in found:
        assert errors(item) == [], path
        assert item["type"].startswith("https://schema.oparl.org/1.1/"), path
        assert {"created", "modified"} <= item.keys(), path
        assert item["id"].startswith(BASE + "/"), path
    assert empty_values(obj) == []


def empty_values(value: Any, path: str = "") -> list[str]:
    """Where ``value`` holds ``None``, ``""``, ``[]`` or ``{}``."""
    if value is None or (isinstance(value, str | list | dict) and not value):
        return [path]
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in empty_values(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [p for key, item in enumerate(value) for p in empty_values(item, f"{path}.{key}")]
    return []


@pytest.mark.parametrize("vorlage", [v for v in PAPERS if v.oeffentlich], ids=lambda v: v.nummer)
def test_each_public_paper_validates(vorlage: vorlagen.Sitzungsvorlage) -> None:
    exported = paper(vorlage)
    assert_strict(exported)
    assert exported["reference"] == vorlage.nummer
    assert exported["name"] == vorlage.betreff
    assert exported["paperType"] == vorlage.art.value
    assert exported["date"] == vorlage.datum.isoformat()
    assert exported["created"] == "2026-11-02T09:30:00+01:00"
    roles = [(c["role"], c["authoritative"]) for c in exported["consultation"]]
    assert roles == [
        (b.zustaendigkeit.value, b.zustaendigkeit is vorlagen.Zustaendigkeit.ENTSCHEIDUNG)
        for b in vorlage.beratungsfolge
    ]
    (organization,) = exported["underDirectionOf"]
    assert re.fullmatch(re.escape(BASE) + r"/organization/[a-z0-9]+(-[a-z0-9]+)*", organization)


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_the_rendered_document_is_the_main_file(kind: str) -> None:
    vorlage = PAPERS[0]
    data = vorlagen.render(vorlage, fassung="oeffentlich")
    if kind == "pdf":
        data = b"%PDF-1.7\n% ein kleines PDF\n%%EOF\n"  # only its bytes matter here
    exported = paper(vorlage, datei=data)
    assert_strict(exported)
    main = exported["mainFile"]
    assert main["size"] == len(data)
    assert main["sha512Checksum"] == hashlib.sha512(data).hexdigest()
    assert (
        main["mimeType"]
        == {
            "pdf": "application/pdf",
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }[kind]
    )
    assert main["fileName"] == f"Beschlussvorlage 0187-2026.{kind}"
    assert main["accessUrl"].endswith(f"/beschlussvorlage-0187-2026.{kind}")
    given = paper(vorlage, datei=data, dateiname="BV-0187.pdf", datei_url="https://ris.example/d/1")
    assert (given["mainFile"]["fileName"], given["mainFile"]["accessUrl"]) == (
        "BV-0187.pdf",
        "https://ris.example/d/1",
    )
    with pytest.raises(ValueError, match="weder PDF noch DOCX"):
        paper(vorlage, datei=b"Text")


def test_a_non_public_paper_only_on_request_and_then_only_its_number() -> None:
    hidden = next(v for v in PAPERS if not v.oeffentlich)
    with pytest.raises(ValueError, match=r"nichtöffentlich: .*nichtoeffentlich=True"):
        paper(hidden)
    exported = paper(hidden, nichtoeffentlich=True)
    assert_strict(exported)
    assert exported["name"] == NICHTOEFFENTLICHE_VORLAGE
    assert exported["reference"] == hidden.nummer
    assert set(exported) == {"id", "type", "body", "name", "reference", "created", "modified"}
    text = json.dumps(exported, ensure_ascii=False)
    assert hidden.betreff not in text
    assert all(b.gremium.lower() not in text for b in hidden.beratungsfolge)


def test_times_come_from_what_is_given_never_from_the_clock_of_the_call() -> None:
    vorlage = PAPERS[0]
    summer = datetime(2026, 7, 1, 12, 0)
    created = to_paper(vorlage, base_url=BASE, erstellt=summer)["created"]
    assert created == "2026-07-01T12:00:00+02:00"
    utc = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)
    assert to_paper(vorlage, base_url=BASE, erstellt=utc)["created"] == "2026-11-02T08:30:00+00:00"
    calls: list[int] = []

    def clock() -> datetime:
        calls.append(1)
        return ERSTELLT + timedelta(days=len(calls))

    exported = to_paper(vorlage, base_url=BASE, erstellt=clock, geaendert=clock)
    assert (exported["created"], exported["modified"]) == (
        "2026-11-03T09:30:00+01:00",
        "2026-11-04T09:30:00+01:00",
    )
    assert {c["created"] for c in exported["consultation"]} == {exported["created"]}
    assert paper(vorlage) == paper(vorlage)  # the same input, the same output
    with pytest.raises(ValueError, match="erstellt: ein Zeitpunkt"):
        to_paper(vorlage, base_url=BASE, erstellt="2026-11-02")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "url", ["ris.kreis-lindenau.de/oparl", "ftp://ris.example/body", "https://ris.example/?a=1", ""]
)
def test_a_base_url_must_be_one(url: str) -> None:
    with pytest.raises(ValueError, match="base_url: keine http"):
        to_paper(PAPERS[0], base_url=url, erstellt=ERSTELLT)


def test_a_trailing_slash_of_the_base_url_is_dropped() -> None:
    assert (
        paper(PAPERS[0])["id"] == to_paper(PAPERS[0], base_url=BASE + "/", erstellt=ERSTELLT)["id"]
    )


@settings(
    max_examples=max(10, settings().max_examples // 4),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(papers())
def test_every_generated_paper_validates(vorlage: vorlagen.Sitzungsvorlage) -> None:
    assert_strict(paper(vorlage, nichtoeffentlich=True))


def meeting(sitzung: vorlagen.Sitzung, **options: Any) -> dict[str, Any]:
    return to_meeting(sitzung, base_url=BASE, erstellt=ERSTELLT, **options)


def test_the_meeting_validates_with_its_public_items_in_order() -> None:
    exported = meeting(SITZUNG)
    assert_strict(exported)
    assert exported["name"] == "6. Sitzung des Kreistages"
    assert exported["start"] == "2026-12-09T17:00:00+01:00"
    items = exported["agendaItem"]
    assert [i["order"] for i in items] == list(range(len(items)))
    assert all(i["public"] is True for i in items)
    assert [i["number"] for i in items] == [
        "Ö 1", "Ö 2", "Ö 3", "Ö 4", "Ö 5", "Ö 5.1", "Ö 5.2", "Ö 6", "Ö 7",
    ]  # fmt: skip
    public_titles = [t.titel for t in SITZUNG.tagesordnung if t.oeffentlich]
    assert [i["name"] for i in items if "." not in i["number"]] == public_titles
    assert len({i["id"] for i in items}) == len(items)
    assert_no_hidden_titles(exported)


def assert_no_hidden_titles(exported: dict[str, Any]) -> None:
    """No title of a non-public item (unless a public item has the same) is in the export."""
    text = json.dumps(exported, ensure_ascii=False)
    public = {t.titel for t in SITZUNG.tagesordnung if t.oeffentlich}
    hidden = [t.titel for t in SITZUNG.tagesordnung if not t.oeffentlich and t.titel not in public]
    assert hidden
    for titel in hidden:
        assert titel not in text


def test_an_item_links_the_consultation_of_its_paper_for_this_meeting() -> None:
    exported = meeting(SITZUNG)
    linked = {i["number"]: i["consultation"] for i in exported["agendaItem"] if "consultation" in i}
    assert set(linked) == {"Ö 4", "Ö 5.1"}
    for number, nummer in (("Ö 4", "0187/2026"), ("Ö 5.1", "0211/2026")):
        vorlage = next(v for v in SITZUNG.vorlagen if v.nummer == nummer)
        consultations = {c["id"]: c for c in paper(vorlage)["consultation"]}
        consultation = consultations[linked[number]]
        assert consultation["organization"] == exported["organization"]
        (beratung,) = [b for b in vorlage.beratungsfolge if b.gremium == SITZUNG.gremium]
        assert beratung.sitzungsdatum == SITZUNG.beginn.date()
        assert consultation["role"] == beratung.zustaendigkeit.value


def test_non_public_items_on_request_with_their_label_and_a_neutral_name() -> None:
    exported = meeting(SITZUNG, nichtoeffentlich=True)
    assert_strict(exported)
    hidden = [i for i in exported["agendaItem"] if not i["public"]]
    assert [i["number"] for i in hidden] == ["N 1", "N 2", "N 3"]
    assert {i["name"] for i in hidden} == {NICHTOEFFENTLICHER_PUNKT}
    assert all("consultation" not in i for i in hidden)
    assert [i["order"] for i in exported["agendaItem"]] == list(range(len(exported["agendaItem"])))
    assert_no_hidden_titles(exported)


@pytest.mark.parametrize(
    ("scheme", "first"), [("TOP Ö 1", "TOP Ö 1"), ("1.", "1.")], ids=["top", "fortlaufend"]
)
def test_numbers_follow_the_house_style(scheme: str, first: str) -> None:
    stil = vorlagen.Hausstil(top_nummern=scheme)  # type: ignore[arg-type]
    exported = meeting(SITZUNG, hausstil=stil, nichtoeffentlich=True)
    assert_strict(exported)
    assert exported["agendaItem"][0]["number"] == first


def test_a_meeting_with_an_end_and_no_room() -> None:
    sitzung = vorlagen.Sitzung.model_validate(
        minimal_sitzung(beginn="2026-06-01T17:00", ende="2026-06-01T19:30")
    )
    exported = meeting(sitzung)
    assert_strict(exported)
    assert exported["end"] == "2026-06-01T19:30:00+02:00"
    assert exported["location"]["description"] == "Kreishaus"


make: Callable[..., Any] = to_meeting  # the API keeps its keyword-only parameters


def test_parameters_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        make(SITZUNG, BASE, ERSTELLT)


def test_what_is_exported_reads_back_without_a_warning() -> None:
    for vorlage in (v for v in PAPERS if v.oeffentlich):
        exported = paper(vorlage, datei=vorlagen.render(vorlage, fassung="oeffentlich"))
        names = [vorlage.federfuehrung, *(b.gremium for b in vorlage.beratungsfolge)]
        organizations = {
            f"{BASE}/organization/{_slug(name)}": {
                "id": f"{BASE}/organization/{_slug(name)}",
                "type": "https://schema.oparl.org/1.1/Organization",
                "name": name,
            }
            for name in names
        }
        read = from_paper(json.loads(json.dumps(exported)), organizations)
        assert read.warnungen == []
        assert (read.nummer, read.betreff, read.datum, read.art) == (
            vorlage.nummer, vorlage.betreff, vorlage.datum, vorlage.art,
        )  # fmt: skip
        assert [(b.gremium, b.zustaendigkeit, b.vorlage) for b in read.beratungsfolge] == [
            (b.gremium, b.zustaendigkeit, exported["id"]) for b in vorlage.beratungsfolge
        ]
        assert read.hauptdatei is not None
        assert read.hauptdatei.groesse == exported["mainFile"]["size"]
    sitzung = from_meeting(meeting(SITZUNG, nichtoeffentlich=True))
    assert sitzung.warnungen == []
    assert sitzung.name == SITZUNG.bezeichnung
    assert sitzung.beginn == SITZUNG.beginn.replace(tzinfo=ZoneInfo("Europe/Berlin"))
    assert [(p.nummer, p.reihenfolge, p.oeffentlich) for p in sitzung.punkte][:2] == [
        ("Ö 1", 0, True),
        ("Ö 2", 1, True),
    ]
    assert sitzung.punkte[-1].oeffentlich is False


def test_only_the_public_version_of_the_same_paper_is_published() -> None:
    vorlage, other = PAPERS[0], PAPERS[1]
    with pytest.raises(ValueError, match="interne Fassung"):
        paper(vorlage, datei=vorlagen.render(vorlage))
    with pytest.raises(ValueError, match=f"das der Vorlage {other.nummer}, nicht der Vorlage"):
        paper(vorlage, datei=vorlagen.render(other, fassung="oeffentlich"))


def test_ids_are_unique_even_for_one_gremium_twice_a_day() -> None:
    twice = [
        {"gremium": "Kreistag", "sitzungsdatum": "2026-06-01", "zustaendigkeit": "Vorberatung"},
        {"gremium": "Kreistag", "sitzungsdatum": "2026-06-01", "zustaendigkeit": "Entscheidung"},
    ]
    vorlage = vorlagen.Sitzungsvorlage.model_validate(minimal_data(beratungsfolge=twice))
    ids = [c["id"] for c in paper(vorlage)["consultation"]]
    assert len(set(ids)) == 2
    sechste = vorlagen.Sitzung.model_validate(minimal_sitzung(nummer=6))
    siebte = vorlagen.Sitzung.model_validate(minimal_sitzung(nummer=7))
    first, second = meeting(sechste), meeting(siebte)
    assert first["id"] != second["id"]
    assert first["agendaItem"][0]["id"] != second["agendaItem"][0]["id"]
    for exported in (meeting(SITZUNG, nichtoeffentlich=True), *map(paper, PAPERS[:3])):
        found = [item["id"] for _, item in objects(exported)]
        assert len(found) == len(set(found))


def test_an_antrag_names_who_brings_it_in() -> None:
    antrag = vorlagen.Sitzungsvorlage.model_validate(
        minimal_data(art="Antrag", federfuehrung="Fraktion BÜNDNIS 90/DIE GRÜNEN")
    )
    exported = paper(antrag)
    assert "underDirectionOf" not in exported
    read = from_paper(exported)
    assert read.urheber == exported["originatorOrganization"]
    assert read.warnungen == []
