"""The minutes as a model: votes as numbers, their sentence, and the rules results follow."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from openxml_audit import OpenXmlValidator
from pydantic import ValidationError

import vorlagen
from tests.conftest import EXAMPLES, example_sitzung, open_docx
from vorlagen import (
    Abstimmung,
    Ergebnis,
    Ergebnisstatus,
    Mitglied,
    Niederschrift,
    Tagesordnungspunkt,
    Teilnehmer,
)
from vorlagen.formatting import format_abstimmung

SITZUNG = example_sitzung()
ANWESEND = [{"name": f"Mitglied {n}", "fraktion": "SPD" if n % 2 else "CDU"} for n in range(20)]


@pytest.mark.parametrize(
    ("ja", "nein", "enthaltung", "satz"),
    [
        (20, 0, 0, "einstimmig"),
        (1, 0, 0, "einstimmig"),
        (18, 0, 2, "einstimmig bei 2 Enthaltungen"),
        (18, 0, 1, "einstimmig bei 1 Enthaltung"),
        (0, 20, 0, "einstimmig dagegen"),
        (0, 15, 3, "einstimmig dagegen bei 3 Enthaltungen"),
        (12, 3, 1, "mehrheitlich mit 12 Ja-Stimmen, 3 Nein-Stimmen und 1 Enthaltung"),
        (12, 3, 0, "mehrheitlich mit 12 Ja-Stimmen und 3 Nein-Stimmen"),
        (12, 1, 0, "mehrheitlich mit 12 Ja-Stimmen und 1 Nein-Stimme"),
        (2, 1, 5, "mehrheitlich mit 2 Ja-Stimmen, 1 Nein-Stimme und 5 Enthaltungen"),
        (1, 0, 17, "einstimmig bei 17 Enthaltungen"),
        (3, 10, 2, "mehrheitlich dagegen mit 3 Ja-Stimmen, 10 Nein-Stimmen und 2 Enthaltungen"),
        (1, 2, 0, "mehrheitlich dagegen mit 1 Ja-Stimme und 2 Nein-Stimmen"),
        (5, 5, 0, "bei Stimmengleichheit mit 5 Ja-Stimmen und 5 Nein-Stimmen"),
        (1, 1, 1, "bei Stimmengleichheit mit 1 Ja-Stimme, 1 Nein-Stimme und 1 Enthaltung"),
        (0, 0, 4, "ohne Ja- und Nein-Stimmen bei 4 Enthaltungen"),
        (0, 0, 1, "ohne Ja- und Nein-Stimmen bei 1 Enthaltung"),
    ],
)
def test_the_sentence_of_a_vote(ja: int, nein: int, enthaltung: int, satz: str) -> None:
    assert format_abstimmung(Abstimmung(ja=ja, nein=nein, enthaltung=enthaltung)) == satz


def test_the_sentence_per_fraktion() -> None:
    abstimmung = Abstimmung.model_validate(
        {
            "ja": 10,
            "nein": 3,
            "enthaltung": 1,
            "fraktionen": [
                {"fraktion": "SPD", "ja": 4},
                {"fraktion": "CDU", "ja": 3, "nein": 3},
                {"fraktion": "Grüne", "ja": 3},
                {"fraktion": "FDP", "enthaltung": 1},
            ],
        }
    )
    assert format_abstimmung(abstimmung) == (
        "mehrheitlich mit 10 Ja-Stimmen, 3 Nein-Stimmen und 1 Enthaltung; "
        "dafür: 10 (4 SPD, 3 CDU, 3 Grüne), dagegen: 3 (3 CDU), Enthaltungen: 1 (1 FDP)"
    )


def niederschrift(*ergebnisse: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "sitzung": SITZUNG,
        "beginn": "2026-12-09T17:03",
        "ende": "2026-12-09T19:41",
        "anwesend": ANWESEND,
        "schriftfuehrung": "Petra Lohmann",
        "ergebnisse": list(ergebnisse),
    }
    data.update(changes)
    return data


def errors(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        Niederschrift.model_validate(data)
    return [(".".join(map(str, e["loc"])), e["msg"]) for e in info.value.errors()]


def test_a_valid_niederschrift() -> None:
    n = Niederschrift.model_validate(
        niederschrift(
            {
                "top": 4,
                "status": "beschlossen",
                "abstimmung": {"ja": 17, "nein": 2, "enthaltung": 1},
            },
            {"top": 5, "unterpunkt": 1, "status": "zur Kenntnis genommen"},
            {
                "top": 9,
                "status": "abgelehnt",
                "abstimmung": {"ja": 8, "nein": 8},
                "befangen": ["Mitglied 3"],
            },
        )
    )
    assert [e.status for e in n.ergebnisse] == ["beschlossen", "zur Kenntnis genommen", "abgelehnt"]
    assert Niederschrift.model_validate_json(n.model_dump_json()) == n


@pytest.mark.parametrize(
    ("ergebnis", "place", "message"),
    [
        (
            {"top": 4, "status": "beschlossen", "abstimmung": {"ja": 3, "nein": 10}},
            "ergebnisse.0.abstimmung",
            "„beschlossen“ braucht mehr Ja- als Nein-Stimmen (3 Ja, 10 Nein;",
        ),
        (
            {"top": 4, "status": "ungeändert beschlossen", "abstimmung": {"ja": 5, "nein": 5}},
            "ergebnisse.0.abstimmung",
            "Stimmengleichheit lehnt ab",
        ),
        (
            {"top": 4, "status": "abgelehnt", "abstimmung": {"ja": 11, "nein": 2}},
            "ergebnisse.0.abstimmung",
            "„abgelehnt“ bei mehr Ja- als Nein-Stimmen",
        ),
        (
            {"top": 4, "status": "beschlossen"},
            "ergebnisse.0.abstimmung",
            "„beschlossen“ wird abgestimmt",
        ),
        (
            {"top": 4, "status": "geändert beschlossen", "abstimmung": {"ja": 11, "nein": 2}},
            "ergebnisse.0.beschluss",
            "in der geänderten Fassung angeben",
        ),
        (
            {
                "top": 4,
                "status": "beschlossen",
                "abstimmung": {"ja": 18, "nein": 2, "enthaltung": 1},
            },
            "ergebnisse.0.abstimmung",
            "21 Stimmen, aber nur 20 anwesende Mitglieder stimmten mit (20 anwesend, 0 befangen)",
        ),
        (
            {
                "top": 4,
                "status": "beschlossen",
                "abstimmung": {"ja": 18, "nein": 2},
                "befangen": ["Mitglied 1"],
            },
            "ergebnisse.0.abstimmung",
            "20 Stimmen, aber nur 19 anwesende Mitglieder stimmten mit",
        ),
        (
            {
                "top": 4,
                "status": "beschlossen",
                "abstimmung": {
                    "ja": 20,
                    "nein": 0,
                    "fraktionen": [
                        {"fraktion": "SPD", "ja": 10},
                        {"fraktion": "CDU", "ja": 9, "nein": 1},
                    ],
                },
            },
            "ergebnisse.0.abstimmung",
            "die Fraktionen geben zusammen 19 für „ja“, die Abstimmung 20",
        ),
        ({"top": 11, "status": "vertagt"}, "ergebnisse.0.top", "die Tagesordnung hat 10 Punkte"),
        (
            {"top": 5, "unterpunkt": 3, "status": "vertagt"},
            "ergebnisse.0.unterpunkt",
            "der Punkt 5 hat 2 Unterpunkte, keinen 3.",
        ),
    ],
)
def test_invalid_results_are_refused_at_their_field(
    ergebnis: dict[str, Any], place: str, message: str
) -> None:
    found = errors(niederschrift(ergebnis))
    assert any(p == place and message in m for p, m in found), found


def test_one_result_per_item() -> None:
    found = errors(
        niederschrift({"top": 2, "status": "vertagt"}, {"top": 2, "status": "verwiesen"})
    )
    assert found == [("ergebnisse.1.top", "für diesen Punkt gibt es schon ein Ergebnis")]


def test_an_item_decided_by_vote_has_its_sentence() -> None:
    ergebnis = Ergebnis(
        top=4, status=Ergebnisstatus.BESCHLOSSEN, abstimmung=Abstimmung(ja=17, nein=2)
    )
    assert ergebnis.abstimmung is not None
    assert format_abstimmung(ergebnis.abstimmung) == (
        "mehrheitlich mit 17 Ja-Stimmen und 2 Nein-Stimmen"
    )


def example_niederschrift() -> Niederschrift:
    path = EXAMPLES / "niederschrift-kreistag.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Niederschrift.model_validate(data, context={"basis": EXAMPLES})


def test_the_example_niederschrift_reads_its_meeting_from_its_file() -> None:
    n = example_niederschrift()
    assert n.sitzung == SITZUNG
    punkte = n.punkte
    assert len(punkte) == 12  # ten items, two Unterpunkte
    assert [p.punkt.titel for p in punkte[:2]] == [t.titel for t in SITZUNG.tagesordnung[:2]]
    berufskolleg = punkte[3]
    assert berufskolleg.ergebnis is not None
    assert berufskolleg.ergebnis.status == "ungeändert beschlossen"
    # adopted as proposed: the decision is the paper's Beschlussvorschlag
    assert berufskolleg.vorlage is not None
    assert berufskolleg.beschluss == berufskolleg.vorlage.beschlussvorschlag
    assert punkte[1].beschluss is None  # decided, but there is no paper to take it from
    assert [p.oeffentlich for p in punkte][-3:] == [False] * 3
    assert [f.name for f in n.fraktionen] == ["CDU", "SPD", "GRÜNE", "FDP", "Die Linke", None]
    assert Niederschrift.model_validate_json(n.model_dump_json()) == n


def test_a_meeting_file_outside_the_folder_is_refused(tmp_path: Path) -> None:
    data = niederschrift(sitzung="../sitzung.yaml")
    with pytest.raises(ValidationError) as info:
        Niederschrift.model_validate(data, context={"basis": tmp_path})
    (error,) = info.value.errors()
    assert error["loc"] == ("sitzung",)
    assert "Sitzung „../sitzung.yaml“ liegt außerhalb des Basisverzeichnisses" in error["msg"]


def test_the_public_part_holds_nothing_of_a_non_public_item() -> None:
    public = example_niederschrift().oeffentliche_fassung()
    text = public.model_dump_json()
    public_titles = {top.titel for top in SITZUNG.tagesordnung[:7]}
    for top in SITZUNG.tagesordnung[7:]:  # "Mitteilungen des Landrats" is in both parts
        assert top.titel in public_titles or top.titel not in text
    assert "0219/2026" not in text
    assert [e.top for e in public.ergebnisse] == [1, 2, 3, 4, 5, 5]
    assert all(p.oeffentlich for p in public.punkte)


# random text no field name or example value holds: a marker no German word has, then letters
def with_secret(titel: str, verlauf: str, erklaerung: str, grund: str) -> Niederschrift:
    """The example's public items, then a non-public one of these words, with its result."""
    top = Tagesordnungspunkt(titel=titel, oeffentlich=False, nichtoeffentlich_grund=grund)
    sitzung = SITZUNG.model_copy(update={"tagesordnung": [*SITZUNG.tagesordnung[:7], top]})
    ergebnis = {
        "top": 8,
        "status": "beschlossen",
        "abstimmung": {"ja": 9, "nein": 1},
        "verlauf": verlauf,
        "erklaerungen": [erklaerung],
    }
    return Niederschrift.model_validate(niederschrift(ergebnis, sitzung=sitzung))


_WORT = st.text(alphabet="ÄÖÜäöüßabcdefghijklmnopqrstuvwxyz ", min_size=8, max_size=40).map(
    lambda text: "Qxz" + text.strip() + "zxQ"
)


@given(titel=_WORT, verlauf=_WORT, erklaerung=_WORT, grund=_WORT)
def test_no_word_of_a_non_public_item_reaches_the_public_part(
    titel: str, verlauf: str, erklaerung: str, grund: str
) -> None:
    n = with_secret(titel, verlauf, erklaerung, grund)
    text = n.oeffentliche_fassung().model_dump_json()
    for word in (titel, verlauf, erklaerung, grund):
        assert word not in text


def document_text(data: bytes) -> str:
    doc = open_docx(data)
    lines = [p.text for p in doc.paragraphs]
    lines += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(lines).replace("\xa0", " ")


@pytest.mark.parametrize("template", ["default", "stadt"])
def test_the_niederschrift_names_everyone_every_result_and_its_signers(
    template: str, tmp_path: Path
) -> None:
    n = example_niederschrift()
    intern = document_text(vorlagen.render_niederschrift(n, "nichtoeffentlich", template))
    public_data = vorlagen.render_niederschrift(n, "oeffentlich", template)
    public = document_text(public_data)
    for text in (public, intern):
        people: list[Mitglied | Teilnehmer] = [*n.anwesend, *n.entschuldigt]
        for person in [*people, *n.verwaltung, *n.gaeste]:
            assert person.name in text
        assert "Bernd Hollmann\tPetra Lohmann" in text  # the signers
    for punkt in n.punkte:
        assert punkt.ergebnis is None or punkt.oeffentlich or punkt.punkt.titel in intern
        if punkt.ergebnis is not None and punkt.ergebnis.abstimmung is not None:
            satz = format_abstimmung(punkt.ergebnis.abstimmung)
            assert satz in (public if punkt.oeffentlich else intern)
    assert "Ö 4 Erweiterung des Berufskollegs" in public
    assert "Wegen Befangenheit nicht mitgewirkt: Thomas Averbeck" in intern
    assert "Die FDP-Fraktion erklärt, sie stimme wegen der Kosten" in public
    assert "Ö 4 Erweiterung" not in intern  # each part records its own items
    target = tmp_path / "niederschrift.docx"
    target.write_bytes(public_data)
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]
    assert vorlagen.check_accessibility(public_data) == []


@settings(max_examples=20, deadline=None)
@given(titel=_WORT, verlauf=_WORT, erklaerung=_WORT, grund=_WORT)
def test_no_word_of_a_non_public_item_reaches_the_public_document(
    titel: str, verlauf: str, erklaerung: str, grund: str
) -> None:
    n = with_secret(titel, verlauf, erklaerung, grund)
    public = document_text(vorlagen.render_niederschrift(n, "oeffentlich"))
    intern = document_text(vorlagen.render_niederschrift(n, "nichtoeffentlich"))
    for word in (titel, verlauf, erklaerung):
        assert word not in public
        assert word in intern
    assert grund not in public


@pytest.mark.parametrize("template", ["default", "stadt"])
@pytest.mark.parametrize(("top", "titel"), [("Ö 4", 3), ("N 2", 8), ("Ö\xa05.1", 4), (2, 1)])
def test_the_beschlussauszug_of_an_item(template: str, top: str | int, titel: int) -> None:
    n = example_niederschrift()
    data = vorlagen.render_auszug(n, top, template)
    text = document_text(data)
    assert "Auszug aus der Niederschrift über die 6. Sitzung des Kreistages vom 09.12.2026" in text
    punkt = n.sitzung.tagesordnung[titel]
    expected = punkt.unterpunkte[0].titel if top == "Ö\xa05.1" else punkt.titel
    assert expected in text
    assert "Für die Richtigkeit des Auszugs:\nPetra Lohmann\nSchriftführung" in text
    assert vorlagen.check_accessibility(data) == []


def test_the_auszug_names_its_vote_and_refuses_an_unknown_item() -> None:
    n = example_niederschrift()
    text = document_text(vorlagen.render_auszug(n, "N 2"))
    assert "Ergebnis: beschlossen, mehrheitlich mit 14 Ja-Stimmen und 1 Nein-Stimme" in text
    assert "Wegen Befangenheit nicht mitgewirkt: Thomas Averbeck" in text
    with pytest.raises(vorlagen.RenderError, match="kein Tagesordnungspunkt „Ö 9“; die Sitzung"):
        vorlagen.render_auszug(n, "Ö 9")
    with pytest.raises(vorlagen.RenderError, match="„11“"):
        vorlagen.render_auszug(n, 11)
