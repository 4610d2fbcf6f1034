"""The documents of a meeting, made from its model with the same templates and renderer."""

from __future__ import annotations

from vorlagen.documents.einladung import render_einladung
from vorlagen.documents.mappe import render_mappe, render_mappe_pdf
from vorlagen.documents.niederschrift import render_auszug, render_niederschrift

__all__ = [
    "render_auszug",
    "render_einladung",
    "render_mappe",
    "render_mappe_pdf",
    "render_niederschrift",
]
