from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from vorlagen.schemas.text import Datum, Text, Zeile


class Modell(BaseModel):
    text: Text | None = None
    zeile: Zeile | None = None
    datum: Datum | None = None


@pytest.mark.parametrize(
    "value",
    [
        "Straße & Söhne <GmbH> \"zitiert\" 'so'",
        "{{ vorlage.betreff }} {% if x %}",
        "Tab\tgetrennt",
        "ein\u00a0geschütztes Leerzeichen",
        "Emoji 🏛️ und e\u0301 und عربى",
        "x" * 10_000,
    ],
)
def test_text_keeps_every_character(value: str) -> None:
    assert Modell(text=value).text == value
    assert Modell(zeile=value).zeile == value


def test_line_ends_are_normalised() -> None:
    assert Modell(text="a\r\nb\rc").text == "a\nb\nc"


@pytest.mark.parametrize(
    ("value", "codepoint", "position", "hint"),
    [
        ("ab\x0bcd", "000B", 3, "durch \\n ersetzen"),
        ("Seite\x0c2", "000C", 6, "Leerzeile"),
        ("\x00", "0000", 1, "entfernen"),
        ("x\x1b", "001B", 2, "entfernen"),
        ("x\ufffe", "FFFE", 2, "entfernen"),
        ("x\ud800y", "D800", 2, "entfernen"),
    ],
)
def test_characters_xml_cannot_hold_are_refused(
    value: str, codepoint: str, position: int, hint: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Modell(text=value)
    (error,) = info.value.errors()
    assert error["loc"] == ("text",)
    assert error["type"] == "unzulaessiges_zeichen"
    assert f"U+{codepoint}" in error["msg"]
    assert f"Position {position}" in error["msg"]
    assert hint in error["msg"]


@pytest.mark.parametrize("value", ["", "   ", "\n\t"])
def test_blank_text_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="darf nicht leer sein"):
        Modell(text=value)


def test_zeile_refuses_a_line_break() -> None:
    with pytest.raises(ValidationError) as info:
        Modell(zeile="Erste Zeile\nzweite")
    assert info.value.errors()[0]["type"] == "zeilenumbruch"
    assert "Position 12" in info.value.errors()[0]["msg"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2016-05-01", date(2016, 5, 1)), (date(2016, 5, 1), date(2016, 5, 1))],
)
def test_valid_dates(value: Any, expected: date) -> None:
    assert Modell(datum=value).datum == expected


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("01.05.2016", "„2016-05-01“ statt „01.05.2016“"),
        ("1.5.2016", "„2016-05-01“"),
        (20160501, "JJJJ-MM-TT"),
        (1462060800.0, "JJJJ-MM-TT"),
        ("2016-05-01T10:00", "JJJJ-MM-TT"),
        (datetime(2016, 5, 1, 10, 0), "ohne Uhrzeit"),
        ("2016-02-30", "date"),
    ],
)
def test_invalid_dates(value: Any, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        Modell(datum=value)
    assert fragment in info.value.errors()[0]["msg"]
