"""Inhalt: rich content (paragraphs, headings, lists, tables, images) with typed values in it."""

from __future__ import annotations

import os
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    Field,
    GetJsonSchemaHandler,
    ModelWrapValidatorHandler,
    RootModel,
    Tag,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from vorlagen.schemas._base import Modell
from vorlagen.schemas.betrag import Betrag
from vorlagen.schemas.bild import BASIS, Bild
from vorlagen.schemas.text import LINK_MUSTER, TEXT_MUSTER, Datum, Lauf, Text, Zeile
from vorlagen.schemas.vorschrift import Norm

__all__ = [
    "Absatz",
    "BetragWert",
    "Block",
    "Code",
    "DatumWert",
    "Fett",
    "Inhalt",
    "Inline",
    "Kursiv",
    "Link",
    "Liste",
    "Listeneintrag",
    "Tabelle",
    "Ueberschrift",
    "ZahlWert",
    "Zitat",
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


def _zahl_schema(schema: dict[str, Any]) -> None:
    """A number as a JSON number or as text with a decimal point."""
    schema.clear()
    schema["anyOf"] = [
        {"type": "number"},
        {"type": "string", "pattern": r"^-?\d+(\.\d+)?([eE][+-]?\d+)?$"},
    ]


class ZahlWert(Modell):
    """A number inside prose, printed the German way: ``{"typ": "zahl", "wert": "3.5"}``."""

    typ: Literal["zahl"] = "zahl"
    wert: Annotated[
        Decimal,
        BeforeValidator(_zahl),
        Field(allow_inf_nan=False, json_schema_extra=_zahl_schema),
    ]


class Fett(Modell):
    """Bold text: ``{"typ": "fett", "text": "wichtig"}``."""

    typ: Literal["fett"] = "fett"
    text: LaufText


class Kursiv(Modell):
    """Italic text: ``{"typ": "kursiv", "text": "sic"}``."""

    typ: Literal["kursiv"] = "kursiv"
    text: LaufText


_LINK_TARGET = re.compile(r"(https?://|mailto:)[^\s<>\"]+", re.IGNORECASE)


def _link_target(value: str) -> str:
    if not _LINK_TARGET.fullmatch(value):
        raise PydanticCustomError(
            "link_ziel",
            "Linkziel „{value}“ muss mit http://, https:// oder mailto: beginnen und darf keine "
            "Leerzeichen enthalten",
            {"value": value},
        )
    return value


class Link(Modell):
    """A hyperlink: ``{"typ": "link", "text": "Haushaltsplan", "ziel": "https://…"}``."""

    typ: Literal["link"] = "link"
    text: Text
    ziel: Annotated[
        Zeile,
        AfterValidator(_link_target),
        Field(json_schema_extra={"pattern": LINK_MUSTER}),
    ]


class Code(Modell):
    """Text kept exactly as written (no typographic quotes or dashes): ``{"typ": "code"}``."""

    typ: Literal["code"] = "code"
    text: Text


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
    | Annotated[Kursiv, Tag("kursiv")]
    | Annotated[Link, Tag("link")]
    | Annotated[Code, Tag("code")],
    Discriminator(
        _inline_tag,
        custom_error_type="inline_typ",
        custom_error_message=(
            "Textbaustein muss Text sein oder ein Objekt mit typ "
            "betrag, datum, zahl, norm, fett, kursiv, link oder code"
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


class Absatz(Modell):
    """A paragraph."""

    typ: Literal["absatz"] = "absatz"
    text: LaufText


class Ueberschrift(Modell):
    """A sub-heading; level 1 sits directly below the template's section headings."""

    typ: Literal["ueberschrift"] = "ueberschrift"
    text: LaufText
    ebene: int = Field(default=1, ge=1, le=3)


class Listeneintrag(Modell):
    """A list entry with a nested list below it: ``{"text": "…", "liste": {…}}``."""

    text: LaufText
    liste: Liste


def _entry_tag(value: Any) -> str:
    return "eintrag" if isinstance(value, dict | Listeneintrag) else "text"


Eintrag = Annotated[
    Annotated[LaufText, Tag("text")] | Annotated[Listeneintrag, Tag("eintrag")],
    Discriminator(_entry_tag),
]

MAX_LIST_DEPTH = 3


class Liste(Modell):
    """A bulleted or numbered list, nested up to three levels.

    An entry is running text, or ``{"text": …, "liste": {…}}`` for an entry with a sub-list.
    """

    typ: Literal["liste"] = "liste"
    eintraege: list[Eintrag] = Field(min_length=1)
    nummeriert: bool = False

    def tiefe(self) -> int:
        """How many levels this list has (1 without sub-lists)."""
        return 1 + max(
            (e.liste.tiefe() for e in self.eintraege if isinstance(e, Listeneintrag)), default=0
        )

    @model_validator(mode="after")
    def _nicht_zu_tief(self) -> Liste:
        if self.tiefe() > MAX_LIST_DEPTH:
            raise PydanticCustomError(
                "liste_tiefe",
                "Listen können höchstens {max} Ebenen tief geschachtelt werden",
                {"max": MAX_LIST_DEPTH},
            )
        return self


Ausrichtung = Literal["links", "zentriert", "rechts"]


class Tabelle(Modell):
    """A table with a header row; every row has as many cells as the header.

    ``ausrichtung`` gives each column's alignment; without it, columns holding only amounts
    or numbers are right-aligned.
    """

    typ: Literal["tabelle"] = "tabelle"
    kopf: list[LaufText] = Field(min_length=1)
    zeilen: list[list[LaufText]] = Field(default_factory=list)
    ausrichtung: list[Ausrichtung | None] | None = None

    @model_validator(mode="after")
    def _gleich_breit(self) -> Tabelle:
        for number, zeile in enumerate(self.zeilen, start=1):
            if len(zeile) != len(self.kopf):
                raise PydanticCustomError(
                    "tabelle_breite",
                    "Zeile {zeile} hat {ist} Zellen, der Tabellenkopf {soll}",
                    {"zeile": number, "ist": len(zeile), "soll": len(self.kopf)},
                )
        if self.ausrichtung is not None and len(self.ausrichtung) != len(self.kopf):
            raise PydanticCustomError(
                "tabelle_ausrichtung",
                "ausrichtung nennt {ist} Spalten, die Tabelle hat {soll}",
                {"ist": len(self.ausrichtung), "soll": len(self.kopf)},
            )
        return self


class Zitat(Modell):
    """A quoted passage, set in the template's quote style."""

    typ: Literal["zitat"] = "zitat"
    text: LaufText


Block = Annotated[
    Absatz | Ueberschrift | Liste | Tabelle | Zitat | Bild, Field(discriminator="typ")
]

_BLANK_LINE = re.compile(r"\n(?:[ \t]*\n)+")


class Inhalt(RootModel):  # type: ignore[type-arg]
    r"""Rich content, given as plain text (blank lines separate paragraphs) or a list of blocks.

    >>> [b.text for b in Inhalt.model_validate("Erster Absatz.\n\nZweiter.").root]
    [['Erster Absatz.'], ['Zweiter.']]
    """

    # The root's type is declared here rather than as RootModel[list[Block]]: a parametrized
    # generic is built when it is named, which would build every block model at import.
    root: list[Block]
    model_config = {"frozen": True, "defer_build": True}

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        blocks = handler(core_schema)
        return {
            "anyOf": [
                {
                    "type": "string",
                    "pattern": TEXT_MUSTER,
                    "description": "Text; Leerzeilen trennen Absätze",
                },
                {
                    "type": "object",
                    "properties": {"markdown": {"type": "string", "pattern": TEXT_MUSTER}},
                    "required": ["markdown"],
                    "additionalProperties": False,
                    "description": "Markdown: Absätze, Überschriften, Listen, Tabellen",
                },
                {**{k: v for k, v in blocks.items() if k != "description"}, "minItems": 1},
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
        return value

    @model_validator(mode="wrap")
    @classmethod
    def _markdown(cls, value: Any, handler: ModelWrapValidatorHandler[Inhalt]) -> Inhalt:
        if not (isinstance(value, dict) and set(value) == {"markdown"}):
            return handler(value)
        if not isinstance(value["markdown"], str):
            raise PydanticCustomError("markdown", "Markdown als Text erwartet", {})
        # markdown-it is loaded on the first Markdown input, not with the model
        from vorlagen.schemas.markdown import MarkdownBloecke

        markdown = MarkdownBloecke(value["markdown"])
        try:
            return handler(markdown.bloecke)
        except ValidationError as e:  # the line in the Markdown, not a block's number
            raise markdown.fehler(e) from None

    @classmethod
    def from_markdown(cls, text: str, basis: str | os.PathLike[str] | None = None) -> Inhalt:
        r"""Rich content from Markdown; image paths are read relative to ``basis``.

        >>> Inhalt.from_markdown("1. Erstens\n2. Zweitens").root[0].nummeriert
        True
        """
        return cls.model_validate({"markdown": text}, context={BASIS: basis})

    @field_validator("root")
    @classmethod
    def _nicht_leer(cls, value: list[Block]) -> list[Block]:
        if not value:
            raise PydanticCustomError("leerer_inhalt", "mindestens ein Absatz erwartet", {})
        return value
