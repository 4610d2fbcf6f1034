"""The typed model of a council paper; every class validates its input with pydantic."""

from __future__ import annotations

from vorlagen.schemas.anlage import Anlage
from vorlagen.schemas.beratung import Beratung, Zustaendigkeit
from vorlagen.schemas.betrag import Betrag
from vorlagen.schemas.finanzen import FinanzielleAuswirkungen, Finanzposition
from vorlagen.schemas.inhalt import (
    Absatz,
    BetragWert,
    Block,
    DatumWert,
    Fett,
    Inhalt,
    Inline,
    Kursiv,
    Liste,
    Tabelle,
    Ueberschrift,
    ZahlWert,
)
from vorlagen.schemas.klimarelevanz import Klimarelevanz
from vorlagen.schemas.personen import Sachbearbeitung, Unterzeichnung
from vorlagen.schemas.sitzungsvorlage import Sitzungsvorlage, Vorlagenart
from vorlagen.schemas.vorschrift import Erlass, Freitext, Norm, Vorschrift

__all__ = [
    "Absatz",
    "Anlage",
    "Beratung",
    "Betrag",
    "BetragWert",
    "Block",
    "DatumWert",
    "Erlass",
    "Fett",
    "FinanzielleAuswirkungen",
    "Finanzposition",
    "Freitext",
    "Inhalt",
    "Inline",
    "Klimarelevanz",
    "Kursiv",
    "Liste",
    "Norm",
    "Sachbearbeitung",
    "Sitzungsvorlage",
    "Tabelle",
    "Ueberschrift",
    "Unterzeichnung",
    "Vorlagenart",
    "Vorschrift",
    "ZahlWert",
    "Zustaendigkeit",
]
