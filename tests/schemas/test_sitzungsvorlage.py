from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from tests.conftest import EXAMPLE_FILES, minimal_data
from vorlagen.schemas import Sitzungsvorlage, Vorlagenart, Zustaendigkeit
from vorlagen.schemas.fehler import fehlermeldungen


def beratung(gremium: str, datum: str, rolle: str) -> dict[str, str]:
    return {"gremium": gremium, "sitzungsdatum": datum, "zustaendigkeit": rolle}


VORBERATUNG = beratung("Kreisausschuss", "2026-05-20", "Vorberatung")
ENTSCHEIDUNG = beratung("Kreistag", "2026-06-10", "Entscheidung")
KENNTNIS = beratung("Kreistag", "2026-06-10", "Kenntnisnahme")


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_examples_are_valid(path: Path) -> None:
    paper = Sitzungsvorlage.model_validate_json(path.read_text(encoding="utf-8"))
    assert paper.betreff


def test_minimal_paper_and_defaults() -> None:
    paper = Sitzungsvorlage.model_validate(minimal_data())
    assert paper.art is Vorlagenart.BESCHLUSSVORLAGE
    assert paper.beratungsfolge[0].zustaendigkeit is Zustaendigkeit.ENTSCHEIDUNG
    assert paper.oeffentlich is True
    assert paper.rechtsgrundlage == []
    assert paper.anlagen == []
    assert paper.finanzielle_auswirkungen is None


def test_papers_are_immutable() -> None:
    paper = Sitzungsvorlage.model_validate(minimal_data())
    with pytest.raises(ValidationError, match="frozen"):
        paper.betreff = "anders"  # type: ignore[misc]


def test_json_round_trip() -> None:
    data = minimal_data(
        finanzielle_auswirkungen={
            "positionen": [{"haushaltsjahr": 2027, "bezeichnung": "Kosten", "betrag": "0.10"}]
        }
    )
    paper = Sitzungsvorlage.model_validate(data)
    again = Sitzungsvorlage.model_validate_json(paper.model_dump_json())
    assert again == paper


INVALID: list[tuple[str, dict[str, Any], tuple[Any, ...], str]] = [
    ("art unknown", {"art": "Vorlage"}, ("art",), "Input should be"),
    ("missing betreff", {"betreff": None}, ("betreff",), "string"),
    ("betreff empty", {"betreff": " "}, ("betreff",), "darf nicht leer sein"),
    ("betreff two lines", {"betreff": "a\nb"}, ("betreff",), "eine einzige Zeile"),
    ("betreff too long", {"betreff": "x" * 301}, ("betreff",), "300"),
    ("datum german", {"datum": "01.05.2026"}, ("datum",), "„2026-05-01“"),
    ("unknown field", {"titel": "x"}, ("titel",), "Extra inputs"),
    ("oeffentlich not bool", {"oeffentlich": "vielleicht"}, ("oeffentlich",), "boolean"),
    (
        "non-public without reason",
        {"oeffentlich": False},
        ("nichtoeffentlich_grund",),
        "braucht einen Grund",
    ),
    ("beratungsfolge empty", {"beratungsfolge": []}, ("beratungsfolge",), "at least 1"),
    (
        "beratungsfolge dates",
        {
            "beratungsfolge": [
                beratung("Kreistag", "2026-06-10", "Vorberatung"),
                beratung("Kreisausschuss", "2026-05-20", "Entscheidung"),
            ]
        },
        ("beratungsfolge",),
        "Beratung 2 (Kreisausschuss, 20.05.2026) liegt vor der vorigen (Kreistag, 10.06.2026)",
    ),
    (
        "two decisions",
        {"beratungsfolge": [beratung("A", "2026-05-20", "Entscheidung"), ENTSCHEIDUNG]},
        ("beratungsfolge",),
        "höchstens eine Beratung mit Zuständigkeit „Entscheidung“, gefunden in 1, 2",
    ),
    (
        "decision not last",
        {"beratungsfolge": [beratung("A", "2026-05-20", "Entscheidung"), KENNTNIS]},
        ("beratungsfolge",),
        "die Entscheidung (Beratung 1) muss die letzte Beratung sein",
    ),
    (
        "Beschlussvorlage without decision",
        {"beratungsfolge": [VORBERATUNG]},
        ("beratungsfolge",),
        "eine Beschlussvorlage braucht eine Beratung",
    ),
    (
        "Mitteilungsvorlage with decision",
        {"art": "Mitteilungsvorlage", "beratungsfolge": [VORBERATUNG, ENTSCHEIDUNG]},
        ("beratungsfolge",),
        "eine Mitteilungsvorlage wird nicht entschieden",
    ),
    (
        "unknown role",
        {"beratungsfolge": [beratung("Kreistag", "2026-06-10", "Beschluss")]},
        ("beratungsfolge", 0, "zustaendigkeit"),
        "'Vorberatung', 'Entscheidung', 'Kenntnisnahme', 'Anhörung' or 'Genehmigung'",
    ),
    (
        "no Beschlussvorschlag",
        {"beschlussvorschlag": None},
        ("beschlussvorschlag",),
        "eine Beschlussvorlage braucht einen Beschlussvorschlag",
    ),
    ("no Sachdarstellung", {"sachdarstellung": None}, ("sachdarstellung",), "list"),
    (
        "float amount",
        {
            "finanzielle_auswirkungen": {
                "positionen": [{"haushaltsjahr": 2027, "bezeichnung": "Kosten", "betrag": 1.5}]
            }
        },
        ("finanzielle_auswirkungen", "positionen", 0, "betrag"),
        "Gleitkommazahl",
    ),
    (
        "comma amount",
        {
            "finanzielle_auswirkungen": {
                "positionen": [{"haushaltsjahr": 2027, "bezeichnung": "Kosten", "betrag": "1,5"}]
            }
        },
        ("finanzielle_auswirkungen", "positionen", 0, "betrag"),
        "„1.5“",
    ),
    (
        "year out of range",
        {
            "finanzielle_auswirkungen": {
                "positionen": [{"haushaltsjahr": 27, "bezeichnung": "Kosten", "betrag": "1"}]
            }
        },
        ("finanzielle_auswirkungen", "positionen", 0, "haushaltsjahr"),
        "1990",
    ),
    (
        "Klimarelevanz ja without reason",
        {"klimarelevanz": {"bewertung": "ja, negativ"}},
        ("klimarelevanz", "erlaeuterung"),
        "„ja, negativ“ ist eine Erläuterung erforderlich",
    ),
    (
        "Klimarelevanz unknown",
        {"klimarelevanz": {"bewertung": "vielleicht"}},
        ("klimarelevanz", "bewertung"),
        "'ja, positiv'",
    ),
    (
        "norm without paragraph",
        {"rechtsgrundlage": [{"typ": "norm", "gesetz": "KrO NRW", "paragraf": []}]},
        ("rechtsgrundlage", 0, "norm", "paragraf"),
        "mindestens ein Paragraf",
    ),
    (
        "erlass without issuer",
        {"rechtsgrundlage": [{"typ": "erlass", "stellen": [], "datum": "2019-09-12"}]},
        ("rechtsgrundlage", 0, "erlass", "stellen"),
        "at least 1",
    ),
    (
        "unknown Vorschrift",
        {"rechtsgrundlage": [{"typ": "satzung", "text": "x"}]},
        ("rechtsgrundlage", 0),
        "'norm', 'erlass', 'freitext'",
    ),
    (
        "bad e-mail",
        {"sachbearbeitung": {"name": "Erika Beispiel", "email": "erika"}},
        ("sachbearbeitung", "email"),
        "pattern",
    ),
    (
        "Vertretung unknown",
        {"unterzeichnung": {"funktion": "Landrat", "name": "X", "vertretung": "i. V."}},
        ("unterzeichnung", "vertretung"),
        "'In Vertretung' or 'Im Auftrag'",
    ),
    ("anlage without title", {"anlagen": [{}]}, ("anlagen", 0, "titel"), "Field required"),
    (
        "control character in Sachdarstellung",
        {"sachdarstellung": "Text\x07"},
        ("sachdarstellung", 0, "absatz", "text", 0, "text"),
        "U+0007",
    ),
]


@pytest.mark.parametrize(
    ("changes", "loc", "fragment"),
    [case[1:] for case in INVALID],
    ids=[case[0] for case in INVALID],
)
def test_invalid(changes: dict[str, Any], loc: tuple[Any, ...], fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        Sitzungsvorlage.model_validate(minimal_data(**changes))
    errors = info.value.errors()
    assert [e["loc"] for e in errors] == [loc], errors
    assert fragment in errors[0]["msg"]


def test_anfrage_needs_no_beschlussvorschlag() -> None:
    paper = Sitzungsvorlage.model_validate(
        minimal_data(art="Anfrage", beschlussvorschlag=None, beratungsfolge=[KENNTNIS])
    )
    assert paper.beschlussvorschlag is None


def test_german_messages_name_every_field() -> None:
    data = minimal_data(datum="1.5.2026", betreff=None, foo=1)
    del data["koerperschaft"]
    with pytest.raises(ValidationError) as info:
        Sitzungsvorlage.model_validate(data)
    assert fehlermeldungen(info.value) == [
        "datum: Datum im Format JJJJ-MM-TT angeben: „2026-05-01“ statt „1.5.2026“",
        "betreff: Text erwartet",
        "koerperschaft: Pflichtfeld fehlt",
        "foo: unbekanntes Feld (Tippfehler?)",
    ]
