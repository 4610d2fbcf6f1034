"""Anlage: an attachment, numbered by its position in the list."""

from __future__ import annotations

from vorlagen.schemas._base import Modell
from vorlagen.schemas.text import Zeile

__all__ = ["Anlage"]


class Anlage(Modell):
    """An attachment; the template numbers them ("Anlage 1", "Anlage 2", ...)."""

    titel: Zeile
