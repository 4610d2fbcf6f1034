"""The German messages a user reads: a slip of the pen is answered with what was meant."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import vorlagen
from tests.conftest import minimal_data
from vorlagen import Hausstil, Sitzungsvorlage
from vorlagen.cli import main
from vorlagen.schemas.fehler import fehlermeldungen

DEFAULT_TEMPLATE = Path(vorlagen.__file__).parent / "templates" / "default.docx"
BERATUNG = {"gremium": "Kreistag", "sitzungsdatum": "2026-06-10", "zustaendigkeit": "Entscheidung"}
ARTEN = (
    "„Beschlussvorlage“, „Mitteilungsvorlage“, „Berichtsvorlage“, „Antrag“, „Anfrage“, "
    "„Beantwortung einer Anfrage“, „Dringlichkeitsentscheidung“, „Ergänzungsvorlage“ oder "
    "„Tischvorlage“"
)


def messages(**changes: Any) -> list[str]:
    data = minimal_data(**changes)
    with pytest.raises(ValidationError) as info:
        Sitzungsvorlage.model_validate(data)
    return fehlermeldungen(info.value)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"art": "Beschlußvorlage"},
            f"art: ungültiger Wert „Beschlußvorlage“; meinten Sie „Beschlussvorlage“? "
            f"Erlaubt: {ARTEN}",
        ),
        (
            {"art": "beschlussvorlage"},
            f"art: ungültiger Wert „beschlussvorlage“; meinten Sie „Beschlussvorlage“? "
            f"Erlaubt: {ARTEN}",
        ),
        ({"art": "Haushaltsplan"}, f"art: ungültiger Wert „Haushaltsplan“; erlaubt: {ARTEN}"),
        ({"art": 7}, f"art: ungültiger Wert 7; erlaubt: {ARTEN}"),
        (
            {"beratungsfolge": [BERATUNG | {"zustaendigkeit": "vorberatung"}]},
            "beratungsfolge.0.zustaendigkeit: ungültiger Wert „vorberatung“; meinten Sie "
            "„Vorberatung“? Erlaubt: „Vorberatung“, „Entscheidung“, „Kenntnisnahme“, „Anhörung“ "
            "oder „Genehmigung“",
        ),
        (
            {"klimarelevanz": {"bewertung": "ja positiv"}},
            "klimarelevanz.bewertung: ungültiger Wert „ja positiv“; meinten Sie „ja, positiv“? "
            "Erlaubt: „ja, positiv“, „ja, negativ“, „nein“ oder „nicht einschätzbar“",
        ),
        (
            {"sachdarstellung": [{"typ": "absaz", "text": "Text"}]},
            "sachdarstellung.0: ungültiger Wert „absaz“; meinten Sie „absatz“? Erlaubt: "
            "„absatz“, „ueberschrift“, „liste“, „tabelle“, „zitat“ oder „bild“",
        ),
    ],
)
def test_a_wrong_choice_suggests_the_nearest(changes: dict[str, Any], expected: str) -> None:
    found = messages(**changes)
    assert expected in found, found
    assert not any(" or " in line for line in found), found


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"federfuhrung": "FB 10"}, "federfuhrung: unbekanntes Feld; meinten Sie „federfuehrung“?"),
        ({"Betreff": "X"}, "Betreff: unbekanntes Feld; meinten Sie „betreff“?"),
        (
            {"sachbearbeitung": {"name": "Frau Beispiel", "mail": "a@example.org"}},
            "sachbearbeitung.mail: unbekanntes Feld; meinten Sie „email“?",
        ),
        (
            {"rechtsgrundlage": [{"typ": "norm", "gesetz": "KrO NRW", "paragraf": "26", "abs": 1}]},
            "rechtsgrundlage.0.norm.abs: unbekanntes Feld; meinten Sie „absatz“?",
        ),
        (
            {
                "sachdarstellung": [
                    {"typ": "liste", "eintraege": [{"text": "a", "list": {"eintraege": ["b"]}}]}
                ]
            },
            "sachdarstellung.0.liste.eintraege.0.eintrag.list: unbekanntes Feld; "
            "meinten Sie „liste“?",
        ),
        ({"farbe": "blau"}, "farbe: unbekanntes Feld (Tippfehler?)"),
    ],
)
def test_a_misspelt_field_suggests_the_nearest(changes: dict[str, Any], expected: str) -> None:
    found = messages(**changes)
    assert expected in found, found


def test_the_model_can_be_named() -> None:
    with pytest.raises(ValidationError) as info:
        Hausstil.model_validate({"waerung": "EUR"})
    assert fehlermeldungen(info.value, Hausstil) == [
        "waerung: unbekanntes Feld; meinten Sie „waehrung“?"
    ]


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        (
            'waehrung = "Euro"',
            "waehrung: ungültiger Wert „Euro“; meinten Sie „EUR“? Erlaubt: „€“ oder „EUR“",
        ),
        (
            'kopfdatum = "Lang"',
            "kopfdatum: ungültiger Wert „Lang“; meinten Sie „lang“? "
            "Erlaubt: „numerisch“ oder „lang“",
        ),
        ('waerung = "EUR"', "waerung: unbekanntes Feld; meinten Sie „waehrung“?"),
        (
            'datum = "TT.MM.JJJJ"',
            "datum: kein gültiges Datumsmuster „TT.MM.JJJJ“: Tag (d), Monat (M) und Jahr (y) "
            "angeben, z. B. „dd.MM.yyyy“ oder „d. MMMM yyyy“",
        ),
    ],
)
def test_house_style_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, expected: str
) -> None:
    template = tmp_path / "kreis.docx"
    template.write_bytes(DEFAULT_TEMPLATE.read_bytes())
    (tmp_path / "kreis.toml").write_text(toml + "\n", encoding="utf-8")
    (problem,) = vorlagen.check_template(template)
    assert problem.message == expected
    assert main(["check", str(template)]) == 1
    out = capsys.readouterr().out
    assert expected in out
    assert " or " not in out
