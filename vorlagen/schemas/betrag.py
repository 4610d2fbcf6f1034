"""Betrag: an amount of money in euros, a Decimal with exactly two places."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

__all__ = ["Betrag"]

_CENT = Decimal("0.01")
_LIMIT = Decimal("1000000000000")  # a trillion euros is beyond any council's budget
_PLAIN = re.compile(r"-?\d+(\.\d+)?", re.ASCII)


class Betrag(Decimal):
    """An amount of money: a ``Decimal`` with two places that templates print as money.

    Accepted input: ``Decimal``, ``int`` or a string with a decimal point such as
    ``"161088.00"``. A ``float`` (inexact) or a German-formatted string (``"1.234,50"``)
    is refused with a message saying what to write instead.

    >>> Betrag.parse("161088")
    Betrag('161088.00')
    >>> Betrag.parse("-12.5")
    Betrag('-12.50')
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Betrag('{self}')"

    @classmethod
    def parse(cls, value: Any) -> Betrag:
        """Validate ``value`` as an amount; raises ``PydanticCustomError`` when it is none."""
        if isinstance(value, bool):
            raise _error(value)
        if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
            value = int(value)  # 1234.0 is 1234, exactly (JSON Schema's "integer" too)
        if isinstance(value, float):
            # The float is not what was typed (YAML reads 1234.50 as 1234.5): it is not shown.
            raise PydanticCustomError(
                "betrag_float",
                "Betrag ohne Anführungszeichen ist eine Gleitkommazahl und damit ungenau; "
                'in Anführungszeichen setzen, z. B. "{suggestion}"',
                {"suggestion": _as_text(value)},
            )
        if isinstance(value, str):
            text = value.strip()
            if not _PLAIN.fullmatch(text):
                raise _error(value)
            if len(text.partition(".")[2]) > 2:  # even "1.500": as the JSON Schema says
                raise _too_precise(value)
            number = Decimal(text)
        elif isinstance(value, int | Decimal):
            try:
                number = Decimal(value)
            except InvalidOperation as e:  # pragma: no cover - Decimal(int) cannot fail
                raise _error(value) from e
        else:
            raise _error(value)
        if not number.is_finite() or number != number.quantize(_CENT, rounding="ROUND_DOWN"):
            raise _too_precise(value)
        if abs(number) >= _LIMIT:
            raise PydanticCustomError(
                "betrag_zu_gross", "Betrag {value} ist unplausibel groß", {"value": str(value)}
            )
        return cls(number.quantize(_CENT))

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(str, when_used="json"),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "string", "pattern": r"^-?\d{1,12}(\.\d{1,2})?$"},
                {
                    "type": "integer",
                    "exclusiveMinimum": -1_000_000_000_000,
                    "exclusiveMaximum": 1_000_000_000_000,
                },
            ],
            "description": "Betrag in Euro mit Dezimalpunkt, höchstens zwei Nachkommastellen",
            "examples": ["161088.00"],
        }


def _as_text(value: float) -> str:
    """A float as the amount string that was meant: its shortest form, with two places.

    >>> _as_text(1234.5), _as_text(1e20), _as_text(float("nan"))
    ('1234.50', '100000000000000000000.00', '161088.00')
    """
    number = Decimal(repr(value))
    if not number.is_finite():
        return "161088.00"
    whole, _, places = f"{number:f}".partition(".")
    return f"{whole}.{places.ljust(2, '0')}"


def _too_precise(value: Any) -> PydanticCustomError:
    return PydanticCustomError(
        "betrag_stellen",
        "Betrag {value} hat mehr als zwei Nachkommastellen; auf Cent runden",
        {"value": str(value).strip()},
    )


def _error(value: Any) -> PydanticCustomError:
    text = str(value)
    if isinstance(value, str) and "," in text:
        suggestion = text.replace(".", "").replace(",", ".").strip()
        return PydanticCustomError(
            "betrag_format",
            "Betrag „{value}“ mit Dezimalpunkt und ohne Tausenderpunkte angeben, "
            "z. B. „{suggestion}“",
            {"value": text, "suggestion": suggestion},
        )
    return PydanticCustomError(
        "betrag_format",
        "Betrag erwartet (Zahl oder Zeichenkette wie „161088.00“), erhalten: {value}",
        {"value": repr(value)},
    )
