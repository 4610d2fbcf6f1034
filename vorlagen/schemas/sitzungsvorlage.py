"""Sitzungsvorlage: the whole council paper, with the rules that tie its fields together."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from itertools import pairwise
from typing import Any, Literal

from pydantic import ConfigDict, Field, ValidationError, ValidationInfo, field_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from vorlagen.schemas._base import Modell
from vorlagen.schemas.anlage import Anlage
from vorlagen.schemas.beratung import Beratung, Zustaendigkeit
from vorlagen.schemas.finanzen import FinanzielleAuswirkungen
from vorlagen.schemas.inhalt import Inhalt
from vorlagen.schemas.klimarelevanz import Klimarelevanz
from vorlagen.schemas.personen import Sachbearbeitung, Unterzeichnung
from vorlagen.schemas.regeln_schema import vorlage_regeln
from vorlagen.schemas.text import Datum, Text, Zeile
from vorlagen.schemas.vorschrift import Vorschrift

__all__ = ["Fassung", "Sitzungsvorlage", "Vorlagenart", "fehler_darunter"]

#: The version of a paper: for the Gremien (internal) or for the public.
Fassung = Literal["intern", "oeffentlich"]


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


# Papers for information only: nothing is put to the vote.
_OHNE_BESCHLUSSVORSCHLAG = (
    Vorlagenart.MITTEILUNGSVORLAGE,
    Vorlagenart.BERICHTSVORLAGE,
    Vorlagenart.ANFRAGE,
    Vorlagenart.BEANTWORTUNG_EINER_ANFRAGE,
)


def _datum(d: date) -> str:
    return d.strftime("%d.%m.%Y")


def fehler_darunter(
    fehler: Sequence[tuple[tuple[int | str, ...], PydanticCustomError, Any]],
) -> ValidationError:
    """Errors placed below the field a validator checks, each as (place, error, input).

    A field validator's own error names only its field; one of a list entry's fields is named
    by raising a ValidationError, whose places pydantic puts below the field's own.
    """
    return ValidationError.from_exception_data(
        "Sitzungsvorlage",
        [InitErrorDetails(type=error, loc=loc, input=value) for loc, error, value in fehler],
    )


class Sitzungsvorlage(Modell):
    """A council paper (Sitzungsvorlage), validated as a whole.

    The fields are declared in the order their rules need: ``art``, ``fassung`` and
    ``oeffentlich`` come before the fields whose rules depend on them.

    ``fassung`` ``"oeffentlich"`` marks the public version (see ``oeffentliche_fassung``): only
    it leaves out the personal data of staff, and only a public paper has one.
    """

    # Defaults are validated too, so that the rules below also see absent fields.
    model_config = ConfigDict(validate_default=True, json_schema_extra=vorlage_regeln)

    art: Vorlagenart
    fassung: Fassung = Field(
        default="intern",
        description="„oeffentlich“: die Fassung für die Öffentlichkeit, ohne Sachbearbeitung "
        "und ggf. ohne den Namen der Unterzeichnung",
    )
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
        """The version for the public (``fassung`` ``"oeffentlich"``), without staff's data.

        The Sachbearbeitung is left out, and the signer's name unless ``mit_unterzeichner``.
        The result is validated by the paper's rules, so it round-trips through JSON.

        Raises:
            ValueError: the paper is not public (``oeffentlich`` is false).
        """
        if not self.oeffentlich:
            msg = "eine nichtöffentliche Vorlage hat keine öffentliche Fassung"
            raise ValueError(msg)
        # the fields as given, with their validated values: nothing below the paper is
        # validated again, the paper's own rules are
        data: dict[str, Any] = {name: getattr(self, name) for name in self.model_fields_set}
        data["fassung"] = "oeffentlich"
        data.pop("sachbearbeitung", None)
        if not mit_unterzeichner and self.unterzeichnung is not None:
            # the function stays ("Der Landrat"); the templates leave out an empty name
            data["unterzeichnung"] = Unterzeichnung.model_validate(
                self.unterzeichnung.model_dump(exclude={"name"}, exclude_unset=True)
            )
        return type(self).model_validate(data)

    @field_validator("sachbearbeitung", mode="after")
    @classmethod
    def _keine_sachbearbeitung_oeffentlich(
        cls, value: Sachbearbeitung | None, info: ValidationInfo
    ) -> Sachbearbeitung | None:
        if value is not None and info.data.get("fassung") == "oeffentlich":
            raise PydanticCustomError(
                "sachbearbeitung_oeffentlich",
                "die öffentliche Fassung nennt keine Sachbearbeitung; „sachbearbeitung“ "
                "weglassen oder „fassung“ auf „intern“ setzen",
                {},
            )
        return value

    @field_validator("oeffentlich", mode="after")
    @classmethod
    def _oeffentliche_fassung_nur_oeffentlich(cls, value: bool, info: ValidationInfo) -> bool:
        if not value and info.data.get("fassung") == "oeffentlich":
            raise PydanticCustomError(
                "fassung_nichtoeffentlich",
                "eine nichtöffentliche Vorlage hat keine öffentliche Fassung; „fassung“ auf "
                "„intern“ setzen",
                {},
            )
        return value

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

    @field_validator("beratungsfolge", mode="after")
    @classmethod
    def _oeffentlichkeit(cls, folge: list[Beratung], info: ValidationInfo) -> list[Beratung]:
        """A Beratung of a non-public paper is non-public unless stated; stated public, refused."""
        if info.data.get("oeffentlich") is not False:
            return folge
        oeffentlich = [
            (number, b)
            for number, b in enumerate(folge, start=1)
            if "oeffentlich" in b.model_fields_set and b.oeffentlich
        ]
        if oeffentlich:
            raise fehler_darunter(
                [
                    (
                        (number - 1, "oeffentlich"),
                        PydanticCustomError(
                            "beratung_oeffentlich",
                            "Beratung {nummer} ({gremium}, {datum}) ist öffentlich angegeben, "
                            "die Vorlage aber nichtöffentlich; „oeffentlich“ weglassen oder "
                            "auf false setzen",
                            {
                                "nummer": number,
                                "gremium": b.gremium,
                                "datum": _datum(b.sitzungsdatum),
                            },
                        ),
                        b.oeffentlich,
                    )
                    for number, b in oeffentlich
                ]
            )
        return [
            b
            if "oeffentlich" in b.model_fields_set
            else b.model_copy(update={"oeffentlich": False})
            for b in folge
        ]

    @field_validator("beschlussvorschlag", mode="after")
    @classmethod
    def _beschlussvorschlag_noetig(
        cls, value: Inhalt | None, info: ValidationInfo
    ) -> Inhalt | None:
        art = info.data.get("art")
        if value is None and art is not None and art not in _OHNE_BESCHLUSSVORSCHLAG:
            *andere, letzte = _OHNE_BESCHLUSSVORSCHLAG
            raise PydanticCustomError(
                "beschlussvorschlag_fehlt",
                "{artikel} {art} braucht einen Beschlussvorschlag (ohne kommen nur {ohne} aus)",
                {
                    "artikel": "ein" if art is Vorlagenart.ANTRAG else "eine",
                    "art": str(art),
                    "ohne": ", ".join(map(str, andere)) + f" und {letzte}",
                },
            )
        return value

    @field_validator("unterzeichnung", mode="after")
    @classmethod
    def _unterzeichner_intern(
        cls, value: Unterzeichnung | None, info: ValidationInfo
    ) -> Unterzeichnung | None:
        if value is not None and value.name is None and info.data.get("fassung") == "intern":
            raise fehler_darunter(
                [
                    (
                        ("name",),
                        PydanticCustomError(
                            "unterzeichner_fehlt",
                            "Name der Unterzeichnung fehlt; nur die öffentliche Fassung "
                            "(„fassung“: „oeffentlich“) lässt ihn weg",
                            {},
                        ),
                        None,
                    )
                ]
            )
        return value
