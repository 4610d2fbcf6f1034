"""The base class of every model: immutable, strict about unknown fields."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["Modell"]


class Modell(BaseModel):
    """Base of all vorlagen models: frozen (safe to share between threads), no extra fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False, defer_build=True)
