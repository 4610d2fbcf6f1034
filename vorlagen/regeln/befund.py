"""A finding of the checks: how grave, which rule, where, what to do, on what ground."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from vorlagen.schemas._base import Modell

__all__ = ["Befund", "Schwere"]


class Schwere(StrEnum):
    """How grave a finding is: a ``fehler`` stops the papers going out (``--pruefen``)."""

    FEHLER = "fehler"
    WARNUNG = "warnung"
    HINWEIS = "hinweis"


class Befund(Modell):
    """One finding: ``regel`` is a stable id, ``feld`` the path as in validation errors.

    >>> befund = Befund(schwere=Schwere.FEHLER, regel="ladungsfrist", feld="einladungsdatum",
    ...     meldung="zu spät eingeladen", quelle="§ 32 Abs. 2 KrO NRW")
    >>> print(befund)
    fehler   § 32 Abs. 2 KrO NRW  einladungsdatum: zu spät eingeladen
    """

    schwere: Schwere
    regel: str = Field(description="die Kennung der Regel, z. B. „ladungsfrist“")
    feld: str = Field(description="der Pfad des Feldes, z. B. „tagesordnung.4.vorlage“")
    meldung: str = Field(description="was nicht stimmt und wie es zu beheben ist")
    quelle: str = Field(description="die Rechtsgrundlage oder die Stelle der Geschäftsordnung")

    def __str__(self) -> str:
        return f"{self.schwere.value:<8} {self.quelle}  {self.feld}: {self.meldung}"
