"""The people on a paper: who wrote it (Sachbearbeitung) and who signs it (Unterzeichnung)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from vorlagen.schemas._base import Modell
from vorlagen.schemas.text import EMAIL_MUSTER, Zeile

__all__ = ["Sachbearbeitung", "Unterzeichnung"]


class Sachbearbeitung(Modell):
    """The clerk who prepared the paper."""

    name: Zeile
    telefon: Zeile | None = None
    email: Annotated[Zeile, Field(json_schema_extra={"pattern": EMAIL_MUSTER})] | None = Field(
        default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    )


class Unterzeichnung(Modell):
    """The signature: function, name, and whether signed on someone's behalf.

    The name is left out only in a paper's public version; the internal one requires it.
    """

    funktion: Zeile = Field(description="z. B. „Landrat“ oder „Kreisdirektorin“")
    name: Zeile | None = Field(
        default=None,
        description="Pflicht in der internen Fassung; die öffentliche Fassung kann ihn weglassen",
    )
    vertretung: Literal["In Vertretung", "Im Auftrag"] | None = None
