"""Niederschrift: what happened in a meeting, item by item, with the votes as numbers.

A result names its item by its place in the Tagesordnung (``top``, from 1; ``unterpunkt``
for a point below it), so that labels like "Ö 3" stay rendered.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from vorlagen.schemas._base import Modell
from vorlagen.schemas.inhalt import Inhalt
from vorlagen.schemas.regeln_schema import ergebnis_regeln, niederschrift_regeln, oder_pfad
from vorlagen.schemas.sitzung import (
    Sitzung,
    Tagesordnungspunkt,
    Unterpunkt,
    ende_nach_beginn,
    modell_lesen,
)
from vorlagen.schemas.sitzungsvorlage import Sitzungsvorlage, fehler_darunter
from vorlagen.schemas.text import Text, Zeile, Zeitpunkt

__all__ = [
    "Abstimmung",
    "Beschlussauszug",
    "Ergebnis",
    "Ergebnisstatus",
    "Fraktion",
    "Fraktionsstimmen",
    "Mitglied",
    "Niederschrift",
    "Protokollpunkt",
    "Teilnehmer",
]


class Mitglied(Modell):
    """A member of the Gremium present (or excused), with Fraktion and role if any."""

    name: Zeile
    fraktion: Zeile | None = None
    rolle: Zeile | None = Field(default=None, description="z. B. „Vorsitz“")


class Teilnehmer(Modell):
    """A person from the administration, or a guest, with the function they attend in."""

    name: Zeile
    funktion: Zeile | None = None


class Fraktionsstimmen(Modell):
    """How one Fraktion voted."""

    fraktion: Zeile
    ja: int = Field(default=0, ge=0)
    nein: int = Field(default=0, ge=0)
    enthaltung: int = Field(default=0, ge=0)


class Abstimmung(Modell):
    """The votes cast on an item, optionally broken down per Fraktion (adding up to them)."""

    ja: int = Field(ge=0)
    nein: int = Field(ge=0)
    enthaltung: int = Field(default=0, ge=0)
    fraktionen: list[Fraktionsstimmen] = Field(default_factory=list)

    @model_validator(mode="after")
    def _fraktionen_ergeben_die_summe(self) -> Abstimmung:
        if not self.fraktionen:
            return self
        for feld in ("ja", "nein", "enthaltung"):
            summe = sum(getattr(f, feld) for f in self.fraktionen)
            if summe != getattr(self, feld):
                raise PydanticCustomError(
                    "abstimmung_fraktionen",
                    "die Fraktionen geben zusammen {summe} für „{feld}“, die Abstimmung {gesamt}",
                    {"summe": summe, "feld": feld, "gesamt": getattr(self, feld)},
                )
        return self

    @property
    def abgegeben(self) -> int:
        """All votes cast, abstentions included."""
        return self.ja + self.nein + self.enthaltung


class Ergebnisstatus(StrEnum):
    """What became of an item."""

    BESCHLOSSEN = "beschlossen"
    UNGEAENDERT_BESCHLOSSEN = "ungeändert beschlossen"
    GEAENDERT_BESCHLOSSEN = "geändert beschlossen"
    ABGELEHNT = "abgelehnt"
    ZUR_KENNTNIS_GENOMMEN = "zur Kenntnis genommen"
    VERTAGT = "vertagt"
    VERWIESEN = "verwiesen"
    ZURUECKGEZOGEN = "zurückgezogen"
    OHNE_BESCHLUSS = "ohne Beschluss"


_BESCHLOSSEN = (
    Ergebnisstatus.BESCHLOSSEN,
    Ergebnisstatus.UNGEAENDERT_BESCHLOSSEN,
    Ergebnisstatus.GEAENDERT_BESCHLOSSEN,
)
#: The results a vote decides, and which therefore need one.
MIT_ABSTIMMUNG = (*_BESCHLOSSEN, Ergebnisstatus.ABGELEHNT)


class Ergebnis(Modell):
    """The result of one item: status, the decision's text, the vote, who took no part."""

    model_config = ConfigDict(validate_default=True, json_schema_extra=ergebnis_regeln)

    top: int = Field(ge=1, description="die Stelle des Punktes in der Tagesordnung, ab 1")
    unterpunkt: int | None = Field(default=None, ge=1, description="die Stelle des Unterpunktes")
    status: Ergebnisstatus
    beschluss: Inhalt | None = Field(
        default=None,
        description="der Beschluss; ohne Angabe der Beschlussvorschlag der Vorlage "
        "(bei „geändert beschlossen“ Pflicht)",
    )
    abstimmung: Abstimmung | None = None
    befangen: list[Zeile] = Field(
        default_factory=list, description="Mitglieder, die wegen Befangenheit nicht mitwirkten"
    )
    verlauf: Inhalt | None = None
    erklaerungen: list[Text] = Field(default_factory=list, description="Protokollerklärungen")

    @field_validator("abstimmung", mode="after")
    @classmethod
    def _abstimmung_passt(
        cls, abstimmung: Abstimmung | None, info: ValidationInfo
    ) -> Abstimmung | None:
        status = info.data.get("status")
        if abstimmung is None:
            if status in MIT_ABSTIMMUNG:
                raise PydanticCustomError(
                    "abstimmung_fehlt",
                    "„{status}“ wird abgestimmt: „abstimmung“ mit ja, nein, enthaltung angeben",
                    {"status": status},
                )
            return abstimmung
        if status in _BESCHLOSSEN and abstimmung.ja <= abstimmung.nein:
            raise PydanticCustomError(
                "abstimmung_status",
                "„{status}“ braucht mehr Ja- als Nein-Stimmen ({ja} Ja, {nein} Nein; "
                "Stimmengleichheit lehnt ab)",
                {"status": status, "ja": abstimmung.ja, "nein": abstimmung.nein},
            )
        if status is Ergebnisstatus.ABGELEHNT and abstimmung.ja > abstimmung.nein:
            raise PydanticCustomError(
                "abstimmung_status",
                "„abgelehnt“ bei mehr Ja- als Nein-Stimmen ({ja} Ja, {nein} Nein)",
                {"ja": abstimmung.ja, "nein": abstimmung.nein},
            )
        return abstimmung

    @field_validator("beschluss", mode="after")
    @classmethod
    def _geaendert_mit_text(cls, beschluss: Inhalt | None, info: ValidationInfo) -> Inhalt | None:
        if beschluss is None and info.data.get("status") is Ergebnisstatus.GEAENDERT_BESCHLOSSEN:
            raise PydanticCustomError(
                "beschluss_fehlt",
                "„geändert beschlossen“: den Beschluss in der geänderten Fassung angeben",
                {},
            )
        return beschluss


class Protokollpunkt(Modell):
    """An item (or Unterpunkt) as the minutes record it: its paper, result and decision.

    ``beschluss`` is the result's own text, or else the paper's Beschlussvorschlag where
    the item was decided as proposed.
    """

    punkt: Tagesordnungspunkt | Unterpunkt
    oeffentlich: bool
    vorlage: Sitzungsvorlage | None
    ergebnis: Ergebnis | None
    beschluss: Inhalt | None


class Fraktion(Modell):
    """The members present of one Fraktion (``name`` None: those of none)."""

    name: Zeile | None
    mitglieder: list[Mitglied]


def _sitzung_lesen(value: Any, info: ValidationInfo) -> Any:
    return modell_lesen(value, info, Sitzung, "Sitzung")


class Niederschrift(Modell):
    """The minutes of a meeting: who was there, and the result of each item.

    Checked against the meeting: every result names an item it has (once); no more votes
    are cast on an item than members present who took part.
    """

    model_config = ConfigDict(json_schema_extra=niederschrift_regeln)

    sitzung: Annotated[
        Sitzung,
        BeforeValidator(_sitzung_lesen),
        Field(
            description="die Sitzung, oder in einer Datei der Pfad ihrer JSON- oder YAML-Datei",
            json_schema_extra=oder_pfad,
        ),
    ]
    beginn: Zeitpunkt = Field(description="Beginn der Sitzung, wie gehalten")
    ende: Zeitpunkt = Field(description="Ende der Sitzung, wie gehalten")
    anwesend: list[Mitglied] = Field(min_length=1)
    entschuldigt: list[Mitglied] = Field(default_factory=list)
    verwaltung: list[Teilnehmer] = Field(default_factory=list)
    gaeste: list[Teilnehmer] = Field(default_factory=list)
    schriftfuehrung: Zeile
    ergebnisse: list[Ergebnis] = Field(default_factory=list)
    teil: Literal["gesamt", "oeffentlich", "nichtoeffentlich"] = Field(
        default="gesamt",
        description="welcher Teil der Sitzung: die öffentliche Niederschrift (ohne jedes Wort "
        "der nichtöffentlichen Punkte), die nichtöffentliche, oder beide",
    )

    @field_validator("ende", mode="after")
    @classmethod
    def _ende_nach_beginn(cls, ende: datetime, info: ValidationInfo) -> datetime:
        return ende_nach_beginn(ende, info)

    @field_validator("ergebnisse", mode="after")
    @classmethod
    def _ergebnisse_passen(cls, ergebnisse: list[Ergebnis], info: ValidationInfo) -> list[Ergebnis]:
        sitzung: Sitzung | None = info.data.get("sitzung")
        anwesend: list[Mitglied] | None = info.data.get("anwesend")
        if sitzung is None or anwesend is None:
            return ergebnisse
        fehler: list[tuple[tuple[int | str, ...], PydanticCustomError, Any]] = []
        gesehen: set[tuple[int, int | None]] = set()
        for number, ergebnis in enumerate(ergebnisse):
            fehler += _ort_fehler(number, ergebnis, sitzung, gesehen)
            fehler += _stimmen_fehler(number, ergebnis, len(anwesend))
        if fehler:
            raise fehler_darunter(fehler)
        return ergebnisse

    def oeffentliche_fassung(self, mit_unterzeichner: bool = True) -> Niederschrift:
        """The public part of the minutes: nothing of a non-public item, not even its title.

        The meeting is its public version without the non-public items (they come last, so
        the public items keep their places and their results); their results are left out.
        """
        sitzung = self.sitzung.oeffentliche_fassung(
            nichtoeffentliche_titel=False, mit_unterzeichner=mit_unterzeichner
        )
        anzahl = len(sitzung.tagesordnung)
        data: dict[str, Any] = {name: getattr(self, name) for name in self.model_fields_set}
        data["sitzung"] = sitzung
        data["ergebnisse"] = [e for e in self.ergebnisse if e.top <= anzahl]
        data["teil"] = "oeffentlich"
        return type(self).model_validate(data)

    @property
    def protokoll(self) -> list[Protokollpunkt]:
        """The items this Niederschrift records: those of its part (``teil``)."""
        if self.teil == "gesamt":
            return self.punkte
        oeffentlich = self.teil == "oeffentlich"
        return [p for p in self.punkte if p.oeffentlich == oeffentlich]

    @property
    def punkte(self) -> list[Protokollpunkt]:
        """Every item and Unterpunkt in the order of the Tagesordnung, with its result."""
        ergebnisse = {(e.top, e.unterpunkt): e for e in self.ergebnisse}
        punkte: list[Protokollpunkt] = []
        for number, top in enumerate(self.sitzung.tagesordnung, start=1):
            eintraege: list[tuple[int | None, Tagesordnungspunkt | Unterpunkt]] = [(None, top)]
            eintraege += enumerate(top.unterpunkte, start=1)
            for sub, punkt in eintraege:
                ergebnis = ergebnisse.get((number, sub))
                punkte.append(
                    Protokollpunkt.model_construct(
                        punkt=punkt,
                        oeffentlich=top.oeffentlich,
                        vorlage=punkt.vorlage,
                        ergebnis=ergebnis,
                        beschluss=_beschluss(ergebnis, punkt.vorlage),
                    )
                )
        return punkte

    @property
    def fraktionen(self) -> list[Fraktion]:
        """The members present by Fraktion, in the order they first appear; none last."""
        gruppen: dict[str | None, list[Mitglied]] = {}
        for mitglied in self.anwesend:
            gruppen.setdefault(mitglied.fraktion, []).append(mitglied)
        ohne = gruppen.pop(None, None)
        fraktionen = [Fraktion.model_construct(name=n, mitglieder=m) for n, m in gruppen.items()]
        if ohne:
            fraktionen.append(Fraktion.model_construct(name=None, mitglieder=ohne))
        return fraktionen


class Beschlussauszug(Modell):
    """One item of a Niederschrift, for the department that carries the decision out."""

    niederschrift: Niederschrift
    punkt: Protokollpunkt


def _beschluss(ergebnis: Ergebnis | None, vorlage: Sitzungsvorlage | None) -> Inhalt | None:
    """The decision's text: the result's own, or the paper's proposal where it was adopted."""
    if ergebnis is None:
        return None
    if ergebnis.beschluss is not None:
        return ergebnis.beschluss
    if ergebnis.status in _BESCHLOSSEN and vorlage is not None:
        return vorlage.beschlussvorschlag
    return None


def _ort_fehler(
    number: int, ergebnis: Ergebnis, sitzung: Sitzung, gesehen: set[tuple[int, int | None]]
) -> list[tuple[tuple[int | str, ...], PydanticCustomError, Any]]:
    """Whether a result names an item the meeting has, and names it once."""
    ort = (ergebnis.top, ergebnis.unterpunkt)
    if ergebnis.top > len(sitzung.tagesordnung):
        message = "die Tagesordnung hat {anzahl} Punkte, keinen {top}."
        context = {"anzahl": len(sitzung.tagesordnung), "top": ergebnis.top}
        return [((number, "top"), PydanticCustomError("top_fehlt", message, context), ergebnis.top)]
    punkte = sitzung.tagesordnung[ergebnis.top - 1].unterpunkte
    if ergebnis.unterpunkt is not None and ergebnis.unterpunkt > len(punkte):
        message = "der Punkt {top} hat {anzahl} Unterpunkte, keinen {unterpunkt}."
        context = {"top": ergebnis.top, "anzahl": len(punkte), "unterpunkt": ergebnis.unterpunkt}
        error = PydanticCustomError("unterpunkt_fehlt", message, context)
        return [((number, "unterpunkt"), error, ergebnis.unterpunkt)]
    if ort in gesehen:
        error = PydanticCustomError(
            "ergebnis_doppelt", "für diesen Punkt gibt es schon ein Ergebnis", {}
        )
        return [((number, "top"), error, ergebnis.top)]
    gesehen.add(ort)
    return []


def _stimmen_fehler(
    number: int, ergebnis: Ergebnis, anwesend: int
) -> list[tuple[tuple[int | str, ...], PydanticCustomError, Any]]:
    """Whether more votes were cast than members present who took part."""
    if ergebnis.abstimmung is None:
        return []
    stimmberechtigt = anwesend - len(ergebnis.befangen)
    if ergebnis.abstimmung.abgegeben <= stimmberechtigt:
        return []
    message = (
        "{abgegeben} Stimmen, aber nur {stimmberechtigt} anwesende Mitglieder stimmten mit "
        "({anwesend} anwesend, {befangen} befangen)"
    )
    context = {
        "abgegeben": ergebnis.abstimmung.abgegeben,
        "stimmberechtigt": stimmberechtigt,
        "anwesend": anwesend,
        "befangen": len(ergebnis.befangen),
    }
    error = PydanticCustomError("stimmen_zu_viele", message, context)
    return [((number, "abstimmung"), error, ergebnis.abstimmung.abgegeben)]
