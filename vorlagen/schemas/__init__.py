"""The typed model of a council paper; every class validates its input with pydantic.

The meeting (``Sitzung``) and its minutes (``Niederschrift``) load on first use: a program
that builds papers only does not pay for their models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vorlagen._lazy import attribute
from vorlagen.schemas.anlage import Anlage
from vorlagen.schemas.beratung import Beratung, Zustaendigkeit
from vorlagen.schemas.betrag import Betrag
from vorlagen.schemas.bild import Bild
from vorlagen.schemas.finanzen import FinanzielleAuswirkungen, Finanzposition
from vorlagen.schemas.inhalt import (
    Absatz,
    BetragWert,
    Block,
    Code,
    DatumWert,
    Fett,
    Inhalt,
    Inline,
    Kursiv,
    Link,
    Liste,
    Listeneintrag,
    Tabelle,
    Ueberschrift,
    ZahlWert,
    Zitat,
)
from vorlagen.schemas.klimarelevanz import Klimarelevanz
from vorlagen.schemas.personen import Sachbearbeitung, Unterzeichnung
from vorlagen.schemas.sitzungsvorlage import Sitzungsvorlage, Vorlagenart
from vorlagen.schemas.vorschrift import Erlass, Freitext, Norm, Vorschrift

if TYPE_CHECKING:
    from vorlagen.schemas.niederschrift import (
        Abstimmung,
        Beschlussauszug,
        Ergebnis,
        Ergebnisstatus,
        Fraktionsstimmen,
        Mitglied,
        Niederschrift,
        Teilnehmer,
    )
    from vorlagen.schemas.sitzung import Sitzung, Tagesordnungspunkt, Teil, Unterpunkt, Vorsitz

__all__ = [
    "Absatz",
    "Abstimmung",
    "Anlage",
    "Beratung",
    "Beschlussauszug",
    "Betrag",
    "BetragWert",
    "Bild",
    "Block",
    "Code",
    "DatumWert",
    "Ergebnis",
    "Ergebnisstatus",
    "Erlass",
    "Fett",
    "FinanzielleAuswirkungen",
    "Finanzposition",
    "Fraktionsstimmen",
    "Freitext",
    "Inhalt",
    "Inline",
    "Klimarelevanz",
    "Kursiv",
    "Link",
    "Liste",
    "Listeneintrag",
    "Mitglied",
    "Niederschrift",
    "Norm",
    "Sachbearbeitung",
    "Sitzung",
    "Sitzungsvorlage",
    "Tabelle",
    "Tagesordnungspunkt",
    "Teil",
    "Teilnehmer",
    "Ueberschrift",
    "Unterpunkt",
    "Unterzeichnung",
    "Vorlagenart",
    "Vorschrift",
    "Vorsitz",
    "ZahlWert",
    "Zitat",
    "Zustaendigkeit",
]

# where each name that loads on first use lives
_LAZY = {
    **dict.fromkeys(
        (
            "Abstimmung",
            "Beschlussauszug",
            "Ergebnis",
            "Ergebnisstatus",
            "Fraktionsstimmen",
            "Mitglied",
            "Niederschrift",
            "Teilnehmer",
        ),
        "vorlagen.schemas.niederschrift",
    ),
    **dict.fromkeys(
        ("Sitzung", "Tagesordnungspunkt", "Teil", "Unterpunkt", "Vorsitz"),
        "vorlagen.schemas.sitzung",
    ),
}


def __getattr__(name: str) -> Any:
    return attribute(__name__, _LAZY, name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
