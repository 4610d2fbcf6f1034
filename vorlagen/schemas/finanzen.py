"""FinanzielleAuswirkungen: the amounts a paper moves, by budget year and product."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from vorlagen.schemas._base import Modell
from vorlagen.schemas.betrag import Betrag
from vorlagen.schemas.inhalt import Inhalt
from vorlagen.schemas.text import Zeile

__all__ = ["FinanzielleAuswirkungen", "Finanzposition"]


class Finanzposition(Modell):
    """One amount in one budget year."""

    haushaltsjahr: int = Field(ge=1990, le=2100)
    bezeichnung: Zeile = Field(description="z. B. „Investive Auszahlung Schulbau“")
    betrag: Betrag
    produkt: Zeile | None = Field(default=None, description="Produkt des Haushalts, z. B. 03.01")
    veranschlagung: Literal["planmäßig", "überplanmäßig", "außerplanmäßig"] = "planmäßig"


class FinanzielleAuswirkungen(Modell):
    """The financial effects: positions and an optional explanation (Deckung etc.)."""

    positionen: list[Finanzposition] = Field(default_factory=list)
    erlaeuterung: Inhalt | None = None

    @property
    def summe(self) -> Betrag:
        """The sum of all positions (derived, so not part of the JSON)."""
        return Betrag.parse(sum((p.betrag for p in self.positionen), Betrag("0.00")))
