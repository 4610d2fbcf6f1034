"""German formatting in a body's house style: values, typography, the formatter of a render.

``Hausstil`` loads without babel; the value functions (and babel with them) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vorlagen._lazy import attribute
from vorlagen.formatting.hausstil import DIN_5008, Hausstil

if TYPE_CHECKING:
    from vorlagen.formatting.abstimmung import format_abstimmung
    from vorlagen.formatting.prosa import typografie, typografie_teile
    from vorlagen.formatting.werte import (
        NBSP,
        format_betrag,
        format_datum,
        format_erlass,
        format_norm,
        format_vorschrift,
        format_zahl,
    )

__all__ = [
    "DIN_5008",
    "NBSP",
    "Hausstil",
    "format_abstimmung",
    "format_betrag",
    "format_datum",
    "format_erlass",
    "format_norm",
    "format_vorschrift",
    "format_zahl",
    "typografie",
    "typografie_teile",
]

# where each name that loads on first use lives
_LAZY = {
    name: f"vorlagen.formatting.{module}"
    for module, names in {
        "abstimmung": ("format_abstimmung",),
        "prosa": ("typografie", "typografie_teile"),
        "werte": (
            "NBSP",
            *(
                f"format_{kind}"
                for kind in ("betrag", "datum", "erlass", "norm", "vorschrift", "zahl")
            ),
        ),
    }.items()
    for name in names
}


def __getattr__(name: str) -> Any:
    return attribute(__name__, _LAZY, name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
