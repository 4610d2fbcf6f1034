"""FinanzielleAuswirkungen: the amounts a paper moves, by budget year and product."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from vorlagen.schemas._base import Modell
from vorlagen.schemas.betrag import Betrag
from vorlagen.schemas.inhalt import Inhalt
from vorlagen.schemas.regeln_schema import finanzen_regeln
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
    """The financial effects: positions and an optional explanation (Deckung etc.).

    Or, with ``beziffert`` false, no positions and an explanation why the costs are not yet
    worked out (an Antrag asking the administration to do so). A paper without financial
    effects has none of this: its ``finanzielle_auswirkungen`` is ``None``.
    """

    # Defaults are validated too, so that a missing Erläuterung is seen.
    model_config = ConfigDict(validate_default=True, json_schema_extra=finanzen_regeln)

    beziffert: bool = Field(
        default=True,
        description="false: die Kosten sind noch nicht beziffert; dann keine Positionen, "
        "aber eine Erläuterung, warum",
    )
    positionen: list[Finanzposition] = Field(default_factory=list)
    erlaeuterung: Inhalt | None = None

    @property
    def summe(self) -> Betrag:
        """The sum of all positions (derived, so not part of the JSON)."""
        return Betrag.parse(sum((p.betrag for p in self.positionen), Betrag("0.00")))

    @field_validator("positionen", mode="after")
    @classmethod
    def _keine_positionen_ohne_bezifferung(
        cls, value: list[Finanzposition], info: ValidationInfo
    ) -> list[Finanzposition]:
        if value and info.data.get("beziffert") is False:
            raise PydanticCustomError(
                "finanzen_nicht_beziffert",
                "noch nicht bezifferte finanzielle Auswirkungen haben keine Positionen; "
                "„positionen“ weglassen oder „beziffert“ auf true setzen",
                {},
            )
        return value

    @field_validator("erlaeuterung", mode="after")
    @classmethod
    def _erlaeuterung_ohne_bezifferung(
        cls, value: Inhalt | None, info: ValidationInfo
    ) -> Inhalt | None:
        if value is None and info.data.get("beziffert") is False:
            raise PydanticCustomError(
                "finanzen_erlaeuterung_fehlt",
                "noch nicht bezifferte finanzielle Auswirkungen brauchen eine Erläuterung, "
                "warum, z. B. „Die Verwaltung wird gebeten, die Kosten zu ermitteln.“",
                {},
            )
        return value
