from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from vorlagen.schemas import Betrag


class Modell(BaseModel):
    betrag: Betrag


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("161088.00", "161088.00"),
        ("161088", "161088.00"),
        ("0.5", "0.50"),
        ("-12.34", "-12.34"),
        (" 7.10 ", "7.10"),
        (42, "42.00"),
        (Decimal("3.1"), "3.10"),
        (Decimal("2.500"), "2.50"),
    ],
)
def test_valid(value: Any, expected: str) -> None:
    betrag = Modell(betrag=value).betrag
    assert isinstance(betrag, Betrag)
    assert str(betrag) == expected


@pytest.mark.parametrize(
    ("value", "error_type", "fragment"),
    [
        (1.5, "betrag_float", 'in Anführungszeichen setzen, z. B. "1.50"'),
        (1234.50, "betrag_float", 'z. B. "1234.50"'),
        ("1,5", "betrag_format", "„1.5“"),
        ("1.234,50", "betrag_format", "„1234.50“"),
        ("12 €", "betrag_format", "161088.00"),
        ("", "betrag_format", "Betrag erwartet"),
        ("1.005", "betrag_stellen", "Betrag 1.005 hat mehr als zwei Nachkommastellen"),
        ("1234.505", "betrag_stellen", "Betrag 1234.505 hat mehr als zwei Nachkommastellen"),
        (" -0.001 ", "betrag_stellen", "Betrag -0.001 hat mehr als zwei Nachkommastellen"),
        ("1.500", "betrag_stellen", "zwei Nachkommastellen"),
        (Decimal("1.005"), "betrag_stellen", "zwei Nachkommastellen"),
        (Decimal("NaN"), "betrag_stellen", "zwei Nachkommastellen"),
        (True, "betrag_format", "Betrag erwartet"),
        (None, "betrag_format", "Betrag erwartet"),
        ("1000000000000", "betrag_zu_gross", "unplausibel"),
    ],
)
def test_invalid(value: Any, error_type: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        Modell(betrag=value)
    (error,) = info.value.errors()
    assert error["loc"] == ("betrag",)
    assert error["type"] == error_type
    assert fragment in error["msg"]


@pytest.mark.parametrize("value", [1234.5, 1e-7])
def test_a_float_is_not_echoed(value: float) -> None:
    """What a float prints as is not what was typed: ``betrag: 1234.50`` in YAML is 1234.5."""
    with pytest.raises(ValidationError) as info:
        Modell.model_validate({"betrag": value})
    message = info.value.errors()[0]["msg"]
    assert f"Betrag {value!r}" not in message
    assert message.startswith("Betrag ohne Anführungszeichen")


def test_json_round_trip_keeps_the_amount_exact() -> None:
    dumped = Modell.model_validate({"betrag": "0.10"}).model_dump_json()
    assert dumped == '{"betrag":"0.10"}'
    assert Modell.model_validate_json(dumped).betrag == Decimal("0.10")


def test_json_number_is_refused_like_a_float() -> None:
    with pytest.raises(ValidationError, match="Gleitkommazahl"):
        Modell.model_validate_json('{"betrag": 1.5}')
    assert str(Modell.model_validate_json('{"betrag": 15}').betrag) == "15.00"


@pytest.mark.parametrize(("value", "expected"), [(161088.0, "161088.00"), (5.0, "5.00")])
def test_a_whole_number_as_float_is_that_number(value: float, expected: str) -> None:
    """JSON's 1.0 is the integer 1 (so JSON Schema counts it): a whole amount, exactly."""
    assert str(Modell.model_validate({"betrag": value}).betrag) == expected
