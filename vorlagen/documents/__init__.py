"""The documents of a meeting, made from its model with the same templates and renderer."""

from __future__ import annotations

from vorlagen.documents.einladung import render_einladung

__all__ = ["render_einladung"]
