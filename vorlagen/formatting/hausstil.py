"""The house style (Hausstil): a body's choices of date patterns, currency form and typography.

Importing it does not load babel: a date pattern is checked against babel only when a
Hausstil is built with one.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["DIN_5008", "LOCALE", "Hausstil"]

#: The locale every value is formatted in, always passed to babel explicitly.
LOCALE = "de_DE"


class Hausstil(BaseModel):
    """A body's house style: babel date patterns and the currency form.

    The default follows DIN 5008. The Kreis Borken, for one, writes
    ``Hausstil(datum_lang="dd. MMMM yyyy", waehrung="EUR")``. A template ``kreis.docx`` takes
    its house style from ``kreis.toml`` beside it, if there is one.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    datum: str = Field(default="dd.MM.yyyy", description="babel pattern for numeric dates")
    datum_lang: str = Field(default="d. MMMM yyyy", description="babel pattern for long dates")
    waehrung: Literal["€", "EUR"] = "€"
    kopfdatum: Literal["numerisch", "lang"] = Field(
        default="numerisch", description="the form of the paper's date in the header block"
    )
    typografie: bool = Field(
        default=True,
        description="German quotes, no-break spaces and dashes in the prose of rich content",
    )
    unterzeichner_oeffentlich: bool = Field(
        default=True,
        description="whether the signer's name appears in the public version (fassung)",
    )
    top_nummern: Literal["Ö 1", "TOP Ö 1", "1."] = Field(
        default="Ö 1",
        description="how items of a Tagesordnung are numbered: „Ö 1“, „Ö 2.1“ … „N 1“; "
        "„TOP Ö 1“; or „1.“, „2.1“ counted through both parts, headed „A. Öffentlicher Teil“ "
        "and „B. Nichtöffentlicher Teil“",
    )
    bekanntmachung_nichtoeffentliche_titel: bool = Field(
        default=True,
        description="whether the public announcement of a Tagesordnung names the titles of "
        "its non-public items (else it only says that a non-public part follows)",
    )

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> Hausstil:
        """Read a house style from a TOML file (keys as the fields, all optional).

        Raises:
            OSError: the file cannot be read.
            tomllib.TOMLDecodeError: it is not TOML.
            pydantic.ValidationError: a key or value is not allowed.
        """
        import tomllib  # read only where a template has a house style file

        with Path(path).open("rb") as f:
            return cls.model_validate(tomllib.load(f))

    @field_validator("datum", "datum_lang")
    @classmethod
    def _pattern(cls, value: str) -> str:
        fields = set(re.sub(r"'[^']*'", "", value))
        if not ({"d", "y"} <= fields and fields & {"M", "L"}):
            msg = (
                f"kein gültiges Datumsmuster „{value}“: Tag (d), Monat (M) und Jahr (y) "
                "angeben, z. B. „dd.MM.yyyy“ oder „d. MMMM yyyy“"
            )
            raise ValueError(msg)
        from babel.dates import format_date  # babel loads on first use

        try:
            format_date(date(2016, 5, 1), value, locale=LOCALE)
        except (ValueError, AttributeError) as e:
            msg = f"kein gültiges Datumsmuster „{value}“ ({e})"
            raise ValueError(msg) from e
        return value


DIN_5008 = Hausstil.model_construct()  # the defaults, valid as they are: nothing to check
"""The default house style: ``01.05.2016``, ``1. Mai 2016``, ``161.088,00 €``."""
