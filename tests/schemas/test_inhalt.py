from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from vorlagen.schemas import (
    Absatz,
    BetragWert,
    DatumWert,
    Fett,
    Inhalt,
    Liste,
    Norm,
    Tabelle,
    Ueberschrift,
    ZahlWert,
)


def test_plain_text_becomes_paragraphs_with_line_breaks() -> None:
    inhalt = Inhalt.model_validate("Erster Absatz\nmit Umbruch.\n\n  \nZweiter Absatz.")
    assert inhalt.root == [
        Absatz(text=["Erster Absatz\nmit Umbruch."]),
        Absatz(text=["Zweiter Absatz."]),
    ]


def test_blocks_with_typed_runs() -> None:
    inhalt = Inhalt.model_validate(
        [
            {"typ": "ueberschrift", "text": "Anlass", "ebene": 2},
            {
                "typ": "absatz",
                "text": [
                    "Es kostet ",
                    {"typ": "betrag", "wert": "161088.00"},
                    " ab ",
                    {"typ": "datum", "wert": "2016-05-01", "stil": "lang"},
                    {"typ": "fett", "text": ["fett ", {"typ": "zahl", "wert": "3.5"}]},
                    {"typ": "norm", "gesetz": "KrO NRW", "paragraf": "26"},
                ],
            },
            {"typ": "liste", "nummeriert": True, "eintraege": ["a", ["b"]]},
            {"typ": "tabelle", "kopf": ["x", "y"], "zeilen": [["1", "2"]]},
        ]
    )
    heading, paragraph, liste, tabelle = inhalt.root
    assert heading == Ueberschrift(text=["Anlass"], ebene=2)
    assert isinstance(paragraph, Absatz)
    betrag, datum, fett, norm = (paragraph.text[i] for i in (1, 3, 4, 5))
    assert isinstance(betrag, BetragWert)
    assert str(betrag.wert) == "161088.00"
    assert isinstance(datum, DatumWert)
    assert datum.stil == "lang"
    assert isinstance(fett, Fett)
    assert fett.text[1] == ZahlWert(wert=Decimal("3.5"))
    assert isinstance(norm, Norm)
    assert liste == Liste(eintraege=[["a"], ["b"]], nummeriert=True)
    assert isinstance(tabelle, Tabelle)
    assert tabelle.zeilen == [[["1"], ["2"]]]


def test_whitespace_runs_between_values_are_kept() -> None:
    inhalt = Inhalt.model_validate(
        [{"typ": "absatz", "text": [{"typ": "zahl", "wert": 3}, " ", {"typ": "zahl", "wert": 4}]}]
    )
    assert isinstance(inhalt.root[0], Absatz)
    assert inhalt.root[0].text[1] == " "


@pytest.mark.parametrize(
    ("value", "loc", "fragment"),
    [
        ([], (), "mindestens ein Absatz"),
        ("   ", (0, "absatz", "text"), "darf nicht leer sein"),
        ([{"typ": "absatz", "text": ""}], (0, "absatz", "text"), "darf nicht leer sein"),
        ([{"typ": "absatz", "text": [" "]}], (0, "absatz", "text"), "darf nicht leer sein"),
        (
            [{"typ": "grafik"}],
            (0,),
            "'absatz', 'ueberschrift', 'liste', 'tabelle', 'zitat', 'bild'",
        ),
        ([{"typ": "ueberschrift", "text": "x", "ebene": 4}], (0, "ueberschrift", "ebene"), "3"),
        ([{"typ": "liste", "eintraege": []}], (0, "liste", "eintraege"), "at least 1"),
        (
            [{"typ": "tabelle", "kopf": ["a", "b"], "zeilen": [["1"]]}],
            (0, "tabelle"),
            "Zeile 1 hat 1 Zellen, der Tabellenkopf 2",
        ),
        (
            [{"typ": "absatz", "text": [{"typ": "betrag", "wert": 1.5}]}],
            (0, "absatz", "text", 0, "betrag", "wert"),
            "Gleitkommazahl",
        ),
        (
            [{"typ": "absatz", "text": [{"typ": "fussnote", "text": "x"}]}],
            (0, "absatz", "text", 0),
            "betrag, datum, zahl, norm, fett, kursiv, link oder code",
        ),
        (
            [{"typ": "absatz", "text": [{"typ": "zahl", "wert": "3,5"}]}],
            (0, "absatz", "text", 0, "zahl", "wert"),
            "„3.5“",
        ),
        (
            [{"typ": "absatz", "text": "x", "farbe": "rot"}],
            (0, "absatz", "farbe"),
            "Extra inputs",
        ),
        ({"markdown": "<b>fett</b>"}, (), "Markdown, Zeile 1: HTML wird nicht übernommen"),
    ],
)
def test_invalid(value: Any, loc: tuple[Any, ...], fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        Inhalt.model_validate(value)
    error = info.value.errors()[0]
    assert error["loc"] == loc
    assert fragment in error["msg"]
