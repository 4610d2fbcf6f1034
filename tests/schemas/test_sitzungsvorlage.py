from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from tests.conftest import EXAMPLE_FILES, minimal_data
from vorlagen.schemas import Beratung, Sitzungsvorlage, Vorlagenart, Zustaendigkeit
from vorlagen.schemas.fehler import fehlermeldungen, feldpfad


def beratung(gremium: str, datum: str, rolle: str) -> dict[str, str]:
    return {"gremium": gremium, "sitzungsdatum": datum, "zustaendigkeit": rolle}


VORBERATUNG = beratung("Kreisausschuss", "2026-05-20", "Vorberatung")
ENTSCHEIDUNG = beratung("Kreistag", "2026-06-10", "Entscheidung")
KENNTNIS = beratung("Kreistag", "2026-06-10", "Kenntnisnahme")
NICHTOEFFENTLICH = {"oeffentlich": False, "nichtoeffentlich_grund": "Personalangelegenheit"}
NICHT_BEZIFFERT = {"beziffert": False, "erlaeuterung": "Die Verwaltung ermittelt die Kosten."}
POSITION = {"haushaltsjahr": 2027, "bezeichnung": "Kosten", "betrag": "1"}


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
        "eine Beschlussvorlage braucht einen Beschlussvorschlag (ohne kommen nur "
        "Mitteilungsvorlage, Berichtsvorlage, Anfrage und Beantwortung einer Anfrage aus)",
    ),
    (
        "Antrag without Beschlussvorschlag",
        {"art": "Antrag", "beschlussvorschlag": None},
        ("beschlussvorschlag",),
        "ein Antrag braucht einen Beschlussvorschlag",
    ),
    (
        "non-public paper, a Beratung stated public",
        {
            **NICHTOEFFENTLICH,
            "beratungsfolge": [VORBERATUNG, {**ENTSCHEIDUNG, "oeffentlich": True}],
        },
        ("beratungsfolge", 1, "oeffentlich"),
        "Beratung 2 (Kreistag, 10.06.2026) ist öffentlich angegeben, die Vorlage aber "
        "nichtöffentlich; „oeffentlich“ weglassen oder auf false setzen",
    ),
    (
        "not beziffert, with positions",
        {"finanzielle_auswirkungen": {**NICHT_BEZIFFERT, "positionen": [POSITION]}},
        ("finanzielle_auswirkungen", "positionen"),
        "noch nicht bezifferte finanzielle Auswirkungen haben keine Positionen",
    ),
    (
        "not beziffert, without Erläuterung",
        {"finanzielle_auswirkungen": {"beziffert": False}},
        ("finanzielle_auswirkungen", "erlaeuterung"),
        "noch nicht bezifferte finanzielle Auswirkungen brauchen eine Erläuterung",
    ),
    (
        "internal version without the signer's name",
        {"unterzeichnung": {"funktion": "Landrat"}},
        ("unterzeichnung", "name"),
        "Name der Unterzeichnung fehlt; nur die öffentliche Fassung",
    ),
    (
        "internal version, the signer's name null",
        {"fassung": "intern", "unterzeichnung": {"funktion": "Landrat", "name": None}},
        ("unterzeichnung", "name"),
        "Name der Unterzeichnung fehlt",
    ),
    (
        "public version with Sachbearbeitung",
        {"fassung": "oeffentlich", "sachbearbeitung": {"name": "Erika Beispiel"}},
        ("sachbearbeitung",),
        "die öffentliche Fassung nennt keine Sachbearbeitung",
    ),
    (
        "public version of a non-public paper",
        {"fassung": "oeffentlich", **NICHTOEFFENTLICH},
        ("oeffentlich",),
        "eine nichtöffentliche Vorlage hat keine öffentliche Fassung",
    ),
    ("fassung unknown", {"fassung": "presse"}, ("fassung",), "'intern' or 'oeffentlich'"),
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
    assert fehlermeldungen(info.value)[0].startswith(feldpfad(loc) + ": ")


def both_stated_public() -> dict[str, Any]:
    folge = [{**VORBERATUNG, "oeffentlich": True}, {**ENTSCHEIDUNG, "oeffentlich": True}]
    return minimal_data(**NICHTOEFFENTLICH, beratungsfolge=folge)


def test_every_beratung_stated_public_is_named() -> None:
    with pytest.raises(ValidationError) as info:
        Sitzungsvorlage.model_validate(both_stated_public())
    assert [e["loc"] for e in info.value.errors()] == [
        ("beratungsfolge", 0, "oeffentlich"),
        ("beratungsfolge", 1, "oeffentlich"),
    ]
    assert fehlermeldungen(info.value)[0] == (
        "beratungsfolge.0.oeffentlich: Beratung 1 (Kreisausschuss, 20.05.2026) ist öffentlich "
        "angegeben, die Vorlage aber nichtöffentlich; „oeffentlich“ weglassen oder auf false "
        "setzen"
    )


def unstated(folge: list[dict[str, str]]) -> list[Beratung]:
    """Beratungen built in Python, leaving ``oeffentlich`` out."""
    return [Beratung.model_validate(b) for b in folge]


# (id, changes, attribute path, value after validation)
VALID: list[tuple[str, dict[str, Any], tuple[str | int, ...], Any]] = [
    (
        "non-public paper, Beratung unstated",
        {**NICHTOEFFENTLICH, "beratungsfolge": [VORBERATUNG, ENTSCHEIDUNG]},
        ("beratungsfolge", 0, "oeffentlich"),
        False,
    ),
    (
        "non-public paper, Beratung instance unstated",
        {**NICHTOEFFENTLICH, "beratungsfolge": unstated([VORBERATUNG, ENTSCHEIDUNG])},
        ("beratungsfolge", 1, "oeffentlich"),
        False,
    ),
    (
        "non-public paper, Beratung stated non-public",
        {**NICHTOEFFENTLICH, "beratungsfolge": [{**ENTSCHEIDUNG, "oeffentlich": False}]},
        ("beratungsfolge", 0, "oeffentlich"),
        False,
    ),
    (
        "public paper, Beratung unstated",
        {"beratungsfolge": [VORBERATUNG, ENTSCHEIDUNG]},
        ("beratungsfolge", 0, "oeffentlich"),
        True,
    ),
    (
        "public paper, Beratung stated non-public",
        {"beratungsfolge": [{**VORBERATUNG, "oeffentlich": False}, ENTSCHEIDUNG]},
        ("beratungsfolge", 0, "oeffentlich"),
        False,
    ),
    *[
        (
            f"{art} without Beschlussvorschlag",
            {"art": art, "beschlussvorschlag": None, "beratungsfolge": [KENNTNIS]},
            ("beschlussvorschlag",),
            None,
        )
        for art in [
            "Anfrage",
            "Beantwortung einer Anfrage",
            "Mitteilungsvorlage",
            "Berichtsvorlage",
        ]
    ],
    ("no finance", {"finanzielle_auswirkungen": None}, ("finanzielle_auswirkungen",), None),
    (
        "finance with positions",
        {"finanzielle_auswirkungen": {"positionen": [POSITION]}},
        ("finanzielle_auswirkungen", "beziffert"),
        True,
    ),
    (
        "finance not beziffert",
        {"finanzielle_auswirkungen": NICHT_BEZIFFERT},
        ("finanzielle_auswirkungen", "positionen"),
        [],
    ),
    ("internal by default", {}, ("fassung",), "intern"),
    (
        "public version without the signer's name",
        {"fassung": "oeffentlich", "unterzeichnung": {"funktion": "Landrat"}},
        ("unterzeichnung", "name"),
        None,
    ),
    (
        "public version with the signer's name",
        {"fassung": "oeffentlich", "unterzeichnung": {"funktion": "Landrat", "name": "X"}},
        ("unterzeichnung", "name"),
        "X",
    ),
]


@pytest.mark.parametrize(
    ("changes", "path", "expected"),
    [case[1:] for case in VALID],
    ids=[case[0] for case in VALID],
)
def test_valid(changes: dict[str, Any], path: tuple[str | int, ...], expected: Any) -> None:
    paper = Sitzungsvorlage.model_validate(minimal_data(**changes))
    value: Any = paper
    for step in path:
        value = value[step] if isinstance(step, int) else getattr(value, step)
    assert value == expected
    assert type(value) is type(expected)  # a plain bool where a bool is expected
    again = Sitzungsvorlage.model_validate(paper.model_dump(mode="json"))
    assert again == paper


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
