"""Sitzungsvorlage: the whole council paper, with the rules that tie its fields together."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from itertools import pairwise

from pydantic import ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from vorlagen.schemas._base import Modell
from vorlagen.schemas.anlage import Anlage
from vorlagen.schemas.beratung import Beratung, Zustaendigkeit
from vorlagen.schemas.finanzen import FinanzielleAuswirkungen
from vorlagen.schemas.inhalt import Inhalt
from vorlagen.schemas.klimarelevanz import Klimarelevanz
from vorlagen.schemas.personen import Sachbearbeitung, Unterzeichnung
from vorlagen.schemas.text import Datum, Text, Zeile
from vorlagen.schemas.vorschrift import Vorschrift

__all__ = ["Sitzungsvorlage", "Vorlagenart"]


class Vorlagenart(StrEnum):
    """The kind of paper."""

    BESCHLUSSVORLAGE = "Beschlussvorlage"
    MITTEILUNGSVORLAGE = "Mitteilungsvorlage"
    BERICHTSVORLAGE = "Berichtsvorlage"
    ANTRAG = "Antrag"
    ANFRAGE = "Anfrage"
    BEANTWORTUNG_EINER_ANFRAGE = "Beantwortung einer Anfrage"
    DRINGLICHKEITSENTSCHEIDUNG = "Dringlichkeitsentscheidung"
    ERGAENZUNGSVORLAGE = "Ergänzungsvorlage"
    TISCHVORLAGE = "Tischvorlage"


def _datum(d: date) -> str:
    return d.strftime("%d.%m.%Y")


class Sitzungsvorlage(Modell):
    """A council paper (Sitzungsvorlage), validated as a whole.

    The fields are declared in the order their rules need: ``art`` and ``oeffentlich``
    come before the fields whose rules depend on them.
    """

    # Defaults are validated too, so that the rules below also see absent fields.
    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True, defer_build=True)

    art: Vorlagenart
    nummer: Zeile = Field(max_length=40, description="Vorlagen-Nr., z. B. „0109/2016“")
    datum: Datum
    betreff: Zeile = Field(max_length=300)
    koerperschaft: Zeile = Field(description="die Körperschaft, z. B. „Kreis Borken“")
    federfuehrung: Zeile = Field(description="federführende Organisationseinheit")
    aktenzeichen: Zeile | None = None
    sachbearbeitung: Sachbearbeitung | None = None
    oeffentlich: bool = True
    nichtoeffentlich_grund: Text | None = None
    beratungsfolge: list[Beratung] = Field(min_length=1)
    beschlussvorschlag: Inhalt | None = None
    rechtsgrundlage: list[Vorschrift] = Field(default_factory=list)
    sachdarstellung: Inhalt
    finanzielle_auswirkungen: FinanzielleAuswirkungen | None = None
    klimarelevanz: Klimarelevanz | None = None
    anlagen: list[Anlage] = Field(default_factory=list)
    unterzeichnung: Unterzeichnung | None = None

    def oeffentliche_fassung(self, mit_unterzeichner: bool = True) -> Sitzungsvorlage:
        """The version for the public: without the personal data of staff.

        The Sachbearbeitung is left out, and the signer's name unless ``mit_unterzeichner``.

        Raises:
            ValueError: the paper is not public (``oeffentlich`` is false).
        """
        if not self.oeffentlich:
            msg = "eine nichtöffentliche Vorlage hat keine öffentliche Fassung"
            raise ValueError(msg)
        update: dict[str, object] = {"sachbearbeitung": None}
        if not mit_unterzeichner and self.unterzeichnung is not None:
            # the function stays ("Der Landrat"); the templates leave out an empty name
            update["unterzeichnung"] = self.unterzeichnung.model_copy(update={"name": None})
        return self.model_copy(update=update)

    @field_validator("nichtoeffentlich_grund", mode="after")
    @classmethod
    def _grund_bei_nichtoeffentlich(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and info.data.get("oeffentlich") is False:
            raise PydanticCustomError(
                "grund_fehlt",
                "eine nichtöffentliche Vorlage braucht einen Grund, z. B. „Personalangelegenheit“",
                {},
            )
        return value

    @field_validator("beratungsfolge", mode="after")
    @classmethod
    def _reihenfolge(cls, folge: list[Beratung], info: ValidationInfo) -> list[Beratung]:
        for number, (vorher, nachher) in enumerate(pairwise(folge), start=2):
            if nachher.sitzungsdatum < vorher.sitzungsdatum:
                raise PydanticCustomError(
                    "beratungsfolge_datum",
                    "Beratung {nummer} ({gremium}, {datum}) liegt vor der vorigen "
                    "({vorher_gremium}, {vorher_datum}); nach Sitzungsdatum ordnen",
                    {
                        "nummer": number,
                        "gremium": nachher.gremium,
                        "datum": _datum(nachher.sitzungsdatum),
                        "vorher_gremium": vorher.gremium,
                        "vorher_datum": _datum(vorher.sitzungsdatum),
                    },
                )
        entscheidungen = [
            number
            for number, b in enumerate(folge, start=1)
            if b.zustaendigkeit is Zustaendigkeit.ENTSCHEIDUNG
        ]
        if len(entscheidungen) > 1:
            raise PydanticCustomError(
                "beratungsfolge_entscheidung",
                "höchstens eine Beratung mit Zuständigkeit „Entscheidung“, gefunden in {nummern}",
                {"nummern": ", ".join(map(str, entscheidungen))},
            )
        if entscheidungen and entscheidungen[0] != len(folge):
            raise PydanticCustomError(
                "beratungsfolge_entscheidung",
                "die Entscheidung (Beratung {nummer}) muss die letzte Beratung sein",
                {"nummer": entscheidungen[0]},
            )
        art = info.data.get("art")
        if art is Vorlagenart.BESCHLUSSVORLAGE and not entscheidungen:
            raise PydanticCustomError(
                "beratungsfolge_entscheidung",
                "eine Beschlussvorlage braucht eine Beratung mit Zuständigkeit „Entscheidung“",
                {},
            )
        if art is Vorlagenart.MITTEILUNGSVORLAGE and entscheidungen:
            raise PydanticCustomError(
                "beratungsfolge_entscheidung",
                "eine Mitteilungsvorlage wird nicht entschieden; „Kenntnisnahme“ verwenden",
                {},
            )
        return folge

    @field_validator("beschlussvorschlag", mode="after")
    @classmethod
    def _beschlussvorschlag_noetig(
        cls, value: Inhalt | None, info: ValidationInfo
    ) -> Inhalt | None:
        art = info.data.get("art")
        if value is None and art is not None and art is not Vorlagenart.ANFRAGE:
            raise PydanticCustomError(
                "beschlussvorschlag_fehlt",
                "eine {art} braucht einen Beschlussvorschlag",
                {"art": str(art)},
            )
        return value
