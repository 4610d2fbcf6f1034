"""Beratung: one step of the Beratungsfolge (which Gremium deals with the paper, when, how)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from vorlagen.schemas._base import Modell
from vorlagen.schemas.text import Datum, Zeile

__all__ = ["Beratung", "Zustaendigkeit"]


class Zustaendigkeit(StrEnum):
    """The role a Gremium has in the Beratungsfolge."""

    VORBERATUNG = "Vorberatung"
    ENTSCHEIDUNG = "Entscheidung"
    KENNTNISNAHME = "Kenntnisnahme"
    ANHOERUNG = "Anhörung"
    GENEHMIGUNG = "Genehmigung"


class Beratung(Modell):
    """One Gremium's session dealing with the paper."""

    gremium: Zeile = Field(description="z. B. „Kreisausschuss“")
    sitzungsdatum: Datum
    zustaendigkeit: Zustaendigkeit
    oeffentlich: bool = True
