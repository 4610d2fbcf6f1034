"""The typed model of a council paper; every class validates its input with pydantic."""

from __future__ import annotations

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
from vorlagen.schemas.personen import Sachbearbeitung, Unterzeichnung
from vorlagen.schemas.sitzung import Sitzung, Tagesordnungspunkt, Teil, Unterpunkt, Vorsitz
from vorlagen.schemas.sitzungsvorlage import Sitzungsvorlage, Vorlagenart
from vorlagen.schemas.vorschrift import Erlass, Freitext, Norm, Vorschrift

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
