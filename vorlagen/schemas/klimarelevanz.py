"""Klimarelevanz: the local check of a paper's effect on the climate."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, ValidationInfo, field_validator

from vorlagen.schemas._base import Modell
from vorlagen.schemas.regeln_schema import klimarelevanz_regeln
from vorlagen.schemas.text import Text

__all__ = ["Klimarelevanz"]


class Klimarelevanz(Modell):
    """The assessment; a "ja, ..." needs an explanation."""

    model_config = ConfigDict(validate_default=True, json_schema_extra=klimarelevanz_regeln)

    bewertung: Literal["ja, positiv", "ja, negativ", "nein", "nicht einschätzbar"]
    erlaeuterung: Text | None = None

    @field_validator("erlaeuterung", mode="after")
    @classmethod
    def _begruendet(cls, value: str | None, info: ValidationInfo) -> str | None:
        bewertung = info.data.get("bewertung")
        if value is None and isinstance(bewertung, str) and bewertung.startswith("ja"):
            msg = f"bei der Bewertung „{bewertung}“ ist eine Erläuterung erforderlich"
            raise ValueError(msg)
        return value
