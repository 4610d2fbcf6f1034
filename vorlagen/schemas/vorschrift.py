"""Vorschrift: a legal basis (statute paragraph, ministerial decree, or free text)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, field_validator

from vorlagen.schemas._base import Modell
from vorlagen.schemas.regeln_schema import norm_regeln
from vorlagen.schemas.text import Datum, Text, Zeile

__all__ = ["Erlass", "Freitext", "Norm", "Vorschrift"]

Angabe = Annotated[Zeile | int, Field(description='z. B. 1 oder "1a"')]


class Norm(Modell):
    """A statute citation: ``§ 26 Abs. 1 Satz 2 Nr. 3 Buchst. a KrO NRW``."""

    model_config = ConfigDict(json_schema_extra=norm_regeln)

    typ: Literal["norm"] = "norm"
    gesetz: Zeile = Field(description="Abkürzung des Gesetzes, z. B. „KrO NRW“")
    paragraf: Angabe | list[Angabe] = Field(description="eine Nummer oder eine Liste (§§)")
    absatz: Angabe | None = None
    satz: Angabe | None = None
    nummer: Angabe | None = None
    buchstabe: Zeile | None = None

    @field_validator("paragraf")
    @classmethod
    def _mindestens_einer(cls, value: str | int | list[str | int]) -> str | int | list[str | int]:
        if isinstance(value, list) and not value:
            msg = "mindestens ein Paragraf"
            raise ValueError(msg)
        return value


class Erlass(Modell):
    """A decree: ``RdErl. d. MSW und d. MAIS v. 25.06.2012, geändert am 13.04.2016``."""

    typ: Literal["erlass"] = "erlass"
    art: Zeile = Field(default="RdErl.", description="z. B. „RdErl.“, „Erl.“, „Bek.“")
    stellen: list[Zeile] = Field(min_length=1, description="erlassende Stellen, z. B. [„MSW“]")
    datum: Datum
    geaendert: list[Datum] = Field(default_factory=list, description="Daten der Änderungen")
    aktenzeichen: Zeile | None = None


class Freitext(Modell):
    """A legal basis given as text, e.g. a council resolution."""

    typ: Literal["freitext"] = "freitext"
    text: Text


Vorschrift = Annotated[Norm | Erlass | Freitext, Field(discriminator="typ")]
