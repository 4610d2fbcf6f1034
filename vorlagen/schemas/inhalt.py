"""Inhalt: rich content (paragraphs, headings, lists, tables) with typed values in the text."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    Field,
    GetJsonSchemaHandler,
    RootModel,
    Tag,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from vorlagen.schemas._base import Modell
from vorlagen.schemas._text import Datum, Lauf
from vorlagen.schemas.betrag import Betrag
from vorlagen.schemas.vorschrift import Norm

__all__ = [
    "Absatz",
    "BetragWert",
    "Block",
    "DatumWert",
    "Fett",
    "Inhalt",
    "Inline",
    "Kursiv",
    "Liste",
    "Tabelle",
    "Ueberschrift",
    "ZahlWert",
]


class BetragWert(Modell):
    """An amount inside prose, printed as money: ``{"typ": "betrag", "wert": "161088.00"}``."""

    typ: Literal["betrag"] = "betrag"
    wert: Betrag


class DatumWert(Modell):
    """A date inside prose: ``{"typ": "datum", "wert": "2016-05-01", "stil": "lang"}``."""

    typ: Literal["datum"] = "datum"
    wert: Datum
    stil: Literal["numerisch", "lang"] = "numerisch"


def _zahl(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("zahl_format", "Zahl erwartet", {})
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str) and "," in value:
        raise PydanticCustomError(
            "zahl_format",
            "Zahl mit Dezimalpunkt angeben, z. B. „{suggestion}“",
            {"suggestion": value.replace(".", "").replace(",", ".")},
        )
    return value


class ZahlWert(Modell):
    """A number inside prose, printed the German way: ``{"typ": "zahl", "wert": "3.5"}``."""

    typ: Literal["zahl"] = "zahl"
    wert: Annotated[Decimal, BeforeValidator(_zahl), Field(allow_inf_nan=False)]


class Fett(Modell):
    """Bold text: ``{"typ": "fett", "text": "wichtig"}``."""

    typ: Literal["fett"] = "fett"
    text: LaufText


class Kursiv(Modell):
    """Italic text: ``{"typ": "kursiv", "text": "sic"}``."""

    typ: Literal["kursiv"] = "kursiv"
    text: LaufText


def _inline_tag(value: Any) -> str | None:
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        tag = value.get("typ")
        return tag if isinstance(tag, str) else None
    return getattr(value, "typ", None)


Inline = Annotated[
    Annotated[Lauf, Tag("text")]
    | Annotated[BetragWert, Tag("betrag")]
    | Annotated[DatumWert, Tag("datum")]
    | Annotated[ZahlWert, Tag("zahl")]
    | Annotated[Norm, Tag("norm")]
    | Annotated[Fett, Tag("fett")]
    | Annotated[Kursiv, Tag("kursiv")],
    Discriminator(
        _inline_tag,
        custom_error_type="inline_typ",
        custom_error_message=(
            "Textbaustein muss Text sein oder ein Objekt mit typ "
            "betrag, datum, zahl, norm, fett oder kursiv"
        ),
    ),
]
"""One piece of running text: a string or a typed value."""


def _as_runs(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _has_content(runs: list[Any]) -> list[Any]:
    if all(isinstance(run, str) and not run.strip() for run in runs):
        raise PydanticCustomError("leerer_text", "darf nicht leer sein", {})
    return runs


LaufText = Annotated[
    list[Inline],
    BeforeValidator(_as_runs, json_schema_input_type=Lauf | list[Inline]),
    Field(min_length=1),
    AfterValidator(_has_content),
]
"""Running text: a string, or a list of strings and typed values."""

Fett.model_rebuild()
Kursiv.model_rebuild()


class Absatz(Modell):
    """A paragraph."""

    typ: Literal["absatz"] = "absatz"
    text: LaufText


class Ueberschrift(Modell):
    """A sub-heading; level 1 sits directly below the template's section headings."""

    typ: Literal["ueberschrift"] = "ueberschrift"
    text: LaufText
    ebene: int = Field(default=1, ge=1, le=3)


class Liste(Modell):
    """A bulleted or numbered list; each entry is running text."""

    typ: Literal["liste"] = "liste"
    eintraege: list[LaufText] = Field(min_length=1)
    nummeriert: bool = False


class Tabelle(Modell):
    """A table with a header row; every row has as many cells as the header."""

    typ: Literal["tabelle"] = "tabelle"
    kopf: list[LaufText] = Field(min_length=1)
    zeilen: list[list[LaufText]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _gleich_breit(self) -> Tabelle:
        for number, zeile in enumerate(self.zeilen, start=1):
            if len(zeile) != len(self.kopf):
                raise PydanticCustomError(
                    "tabelle_breite",
                    "Zeile {zeile} hat {ist} Zellen, der Tabellenkopf {soll}",
                    {"zeile": number, "ist": len(zeile), "soll": len(self.kopf)},
                )
        return self


Block = Annotated[Absatz | Ueberschrift | Liste | Tabelle, Field(discriminator="typ")]

_BLANK_LINE = re.compile(r"\n(?:[ \t]*\n)+")


class Inhalt(RootModel[list[Block]]):
    r"""Rich content, given as plain text (blank lines separate paragraphs) or a list of blocks.

    >>> [b.text for b in Inhalt.model_validate("Erster Absatz.\n\nZweiter.").root]
    [['Erster Absatz.'], ['Zweiter.']]
    """

    model_config = {"frozen": True}

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        blocks = handler(core_schema)
        return {
            "anyOf": [
                {"type": "string", "description": "Text; Leerzeilen trennen Absätze"},
                blocks,
            ]
        }

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.replace("\r\n", "\n").replace("\r", "\n")
            return [
                {"typ": "absatz", "text": part.strip("\n")}
                for part in _BLANK_LINE.split(text)
                if part.strip()
            ] or [{"typ": "absatz", "text": value}]
        if isinstance(value, dict) and "markdown" in value:
            raise PydanticCustomError(
                "markdown", "Markdown wird noch nicht unterstützt; Text oder Blöcke angeben", {}
            )
        return value

    @field_validator("root")
    @classmethod
    def _nicht_leer(cls, value: list[Block]) -> list[Block]:
        if not value:
            raise PydanticCustomError("leerer_inhalt", "mindestens ein Absatz erwartet", {})
        return value
