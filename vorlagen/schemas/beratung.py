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
    """One Gremium's session dealing with the paper; by default as public as the paper."""

    # A non-public paper sets ``oeffentlich`` to false where it was not given (it sees that in
    # ``model_fields_set``), so that the model always holds a plain bool for the templates.

    gremium: Zeile = Field(description="z. B. „Kreisausschuss“")
    sitzungsdatum: Datum
    zustaendigkeit: Zustaendigkeit
    oeffentlich: bool = Field(
        default=True,
        description="ohne Angabe wie die Vorlage: in einer nichtöffentlichen Vorlage false",
    )
