"""Sitzung: a meeting of a Gremium, its Tagesordnung and the papers on it.

A Tagesordnungspunkt (TOP) carries no number: "Ö 3" or "N 1" is a label rendered from its
place in the public or the non-public part, in the house style's scheme.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any, TypeVar

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from vorlagen.schemas._base import Modell
from vorlagen.schemas.bild import BASIS, datei_lesen
from vorlagen.schemas.inhalt import Inhalt
from vorlagen.schemas.regeln_schema import oder_pfad, sitzung_regeln, top_regeln
from vorlagen.schemas.sitzungsvorlage import Fassung, Sitzungsvorlage, fehler_darunter
from vorlagen.schemas.text import Datum, Text, Zeile, Zeitpunkt

__all__ = [
    "Sitzung",
    "Tagesordnungspunkt",
    "Teil",
    "Unterpunkt",
    "Vorsitz",
    "ende_nach_beginn",
    "genitiv",
    "modell_lesen",
]


class Vorsitz(Modell):
    """Who chairs the meeting and signs its Einladung."""

    funktion: Zeile = Field(description="z. B. „Landrat“ oder „Bürgermeisterin“")
    name: Zeile


_MAX_DATEI_BYTES = 20 * 2**20


M = TypeVar("M", bound=Modell)
D = TypeVar("D", datetime, datetime | None)


def modell_lesen(value: Any, info: ValidationInfo, model: type[M], was: str) -> Any:
    """A model given as the path of its JSON or YAML file (``value``), read and validated.

    The path is relative to the directory named in the validation context (the file that
    names it) and may not leave it; paths in the file read are relative to it. ``was``
    names the kind of file in messages ("Vorlage", "Sitzung"). Any other value is returned
    as it is.
    """
    if not isinstance(value, str):
        return value
    target = datei_lesen(value, (info.context or {}).get(BASIS), was, _MAX_DATEI_BYTES)
    typ = f"{was.lower()}_datei"
    try:
        text = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        grund = e.strerror if isinstance(e, OSError) else "kein UTF-8-Text"
        message = "{was} „{pfad}“ nicht lesbar: {grund}"
        raise PydanticCustomError(typ, message, {"was": was, "pfad": value, "grund": grund}) from e
    try:
        data = _daten(text, target.suffix.lower())
    except ValueError as e:
        message = "{was} „{pfad}“ ist kein gültiges JSON oder YAML: {grund}"
        raise PydanticCustomError(typ, message, {"was": was, "pfad": value, "grund": str(e)}) from e
    return model.model_validate(data, context={BASIS: target.parent})


def _daten(text: str, suffix: str) -> Any:
    """The data of a JSON or (by its suffix) YAML file; ValueError if it is neither."""
    if suffix in {".yaml", ".yml"}:
        import yaml  # only YAML input pays for loading it

        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as e:
            raise ValueError(str(e).replace("\n", " ")) from e
    return json.loads(text)


def vorlage_lesen(value: Any, info: ValidationInfo) -> Any:
    """A paper given as the path of its JSON or YAML file (see :func:`modell_lesen`)."""
    return modell_lesen(value, info, Sitzungsvorlage, "Vorlage")


Vorlage = Annotated[
    Sitzungsvorlage,
    BeforeValidator(vorlage_lesen),
    Field(
        description="die Vorlage, oder in einer Datei der Pfad ihrer JSON- oder YAML-Datei",
        json_schema_extra=oder_pfad,
    ),
]


class Unterpunkt(Modell):
    """A point below a TOP ("Ö 3.1"): public or not as its TOP."""

    titel: Zeile = Field(max_length=500)
    vorlage: Vorlage | None = None
    erlaeuterung: Inhalt | None = None


def _nicht_oeffentlich(vorlage: Any) -> bool:
    """Whether a paper, validated or as data, is non-public."""
    if isinstance(vorlage, Sitzungsvorlage):
        return not vorlage.oeffentlich
    return isinstance(vorlage, dict) and vorlage.get("oeffentlich") is False


class Tagesordnungspunkt(Modell):
    """An item of the Tagesordnung, with its paper if it has one.

    A TOP whose paper is non-public is non-public, with the paper's reason unless it gives
    its own; stated public, it is refused.
    """

    model_config = ConfigDict(validate_default=True, json_schema_extra=top_regeln)

    titel: Zeile = Field(max_length=500)
    vorlage: Vorlage | None = None
    oeffentlich: bool = True
    nichtoeffentlich_grund: Text | None = Field(
        default=None,
        description="Pflicht für einen nichtöffentlichen TOP in der internen Fassung, "
        "z. B. „Grundstücksangelegenheit“",
    )
    erlaeuterung: Inhalt | None = None
    unterpunkte: list[Unterpunkt] = Field(default_factory=list)
    nachtrag: Datum | None = Field(
        default=None,
        description="wann der Punkt nach der Einladung auf die Tagesordnung kam (Nachtrag)",
    )
    dringlich: bool = Field(
        default=False,
        description="ein Punkt, der keinen Aufschub duldet: nach Ablauf der Nachtragsfrist "
        "oder in der Sitzung aufgenommen",
    )

    @model_validator(mode="before")
    @classmethod
    def _wie_die_vorlage(cls, data: Any, info: ValidationInfo) -> Any:
        if not isinstance(data, dict) or data.get("oeffentlich", False) is not False:
            return data
        vorlage: Any = data.get("vorlage")
        if isinstance(vorlage, str):  # a paper's file: read once, here
            try:
                vorlage = vorlage_lesen(vorlage, info)
            except (PydanticCustomError, ValidationError):
                return data  # the field reports it, at its place
            data = {**data, "vorlage": vorlage}
        if not _nicht_oeffentlich(vorlage):
            return data
        grund = (
            vorlage.nichtoeffentlich_grund
            if isinstance(vorlage, Sitzungsvorlage)
            else vorlage.get("nichtoeffentlich_grund")
        )
        if data.get("nichtoeffentlich_grund") is not None:
            grund = data["nichtoeffentlich_grund"]
        return {**data, "nichtoeffentlich_grund": grund, "oeffentlich": False}

    @field_validator("oeffentlich", mode="after")
    @classmethod
    def _nicht_oeffentlicher_als_die_vorlage(cls, value: bool, info: ValidationInfo) -> bool:
        vorlage = info.data.get("vorlage")
        if value and vorlage is not None and not vorlage.oeffentlich:
            raise PydanticCustomError(
                "top_oeffentlich",
                "die Vorlage {nummer} ist nichtöffentlich, also auch ihr TOP: „oeffentlich“ "
                "weglassen",
                {"nummer": vorlage.nummer},
            )
        return value

    @field_validator("unterpunkte", mode="after")
    @classmethod
    def _unterpunkte_wie_der_top(
        cls, punkte: list[Unterpunkt], info: ValidationInfo
    ) -> list[Unterpunkt]:
        if info.data.get("oeffentlich") is False:
            return punkte
        fehler = [
            (
                (number, "vorlage"),
                PydanticCustomError(
                    "unterpunkt_oeffentlich",
                    "die Vorlage {nummer} ist nichtöffentlich, der TOP öffentlich: als eigenen "
                    "TOP in den nichtöffentlichen Teil setzen",
                    {"nummer": punkt.vorlage.nummer},
                ),
                punkt.vorlage,
            )
            for number, punkt in enumerate(punkte)
            if punkt.vorlage is not None and not punkt.vorlage.oeffentlich
        ]
        if fehler:
            raise fehler_darunter(fehler)
        return punkte

    @property
    def vorlagen(self) -> list[Sitzungsvorlage]:
        """The TOP's paper and those of its Unterpunkte, in order."""
        own = [self.vorlage] if self.vorlage is not None else []
        return own + [p.vorlage for p in self.unterpunkte if p.vorlage is not None]


class Teil(Modell):
    """The public or the non-public part of a Tagesordnung, as a template loops over it."""

    oeffentlich: bool
    tops: list[Tagesordnungspunkt]


_MASKULIN = ("ausschuss", "tag", "rat")
_FEMININ = ("vertretung", "versammlung", "kommission", "konferenz", "kammer", "runde")


def ende_nach_beginn(ende: D, info: ValidationInfo) -> D:
    """``ende``, if it lies after the field ``beginn`` validated before it (or either is absent)."""
    beginn = info.data.get("beginn")
    if ende is not None and beginn is not None and ende <= beginn:
        raise PydanticCustomError(
            "ende_vor_beginn",
            "das Ende liegt nicht nach dem Beginn ({beginn})",
            {"beginn": beginn.strftime("%d.%m.%Y %H:%M")},
        )
    return ende


def genitiv(gremium: str) -> str:
    """The Gremium in the genitive with its article, as in "Sitzung des Kreistages".

    The head noun is the first word that names a kind of Gremium; a name without one is
    quoted after "des Gremiums".

    >>> genitiv("Kreistag"), genitiv("Ausschuss für Schule und Bildung")
    ('des Kreistages', 'des Ausschusses für Schule und Bildung')
    >>> genitiv("Haupt- und Finanzausschuss"), genitiv("Bezirksvertretung Mitte")
    ('des Haupt- und Finanzausschusses', 'der Bezirksvertretung Mitte')
    >>> genitiv("Rat der Stadt Lindenau"), genitiv("Lenkungsgruppe Klima")
    ('des Rates der Stadt Lindenau', 'des Gremiums „Lenkungsgruppe Klima“')
    """
    words = gremium.split(" ")
    for index, word in enumerate(words):
        if word.lower().endswith(_MASKULIN):
            words[index] = word + "es"
            return "des " + " ".join(words)
        if word.lower().endswith(_FEMININ):
            return "der " + gremium
    return f"des Gremiums „{gremium}“"


class Sitzung(Modell):
    """A meeting of a Gremium with its Tagesordnung: public items first, then non-public ones.

    ``fassung`` ``"oeffentlich"`` marks the public version (see ``oeffentliche_fassung``):
    non-public items keep only their titles, or are left out entirely
    (``nichtoeffentlicher_teil_folgt`` then says that a non-public part follows).
    """

    model_config = ConfigDict(validate_default=True, json_schema_extra=sitzung_regeln)

    fassung: Fassung = Field(
        default="intern",
        description="„oeffentlich“: die Bekanntmachung, ohne Vorlagen und Gründe der "
        "nichtöffentlichen Punkte",
    )
    koerperschaft: Zeile = Field(description="die Körperschaft, z. B. „Kreis Lindenau“")
    gremium: Zeile = Field(description="z. B. „Kreistag“ oder „Ausschuss für Schule und Bildung“")
    gremium_genitiv: Zeile | None = Field(
        default=None,
        description="mit Artikel, z. B. „des Kreistages“; ohne Angabe aus „gremium“ gebildet",
    )
    nummer: int = Field(ge=1, description="die laufende Nummer der Sitzung: 6 für „6. Sitzung“")
    beginn: Zeitpunkt = Field(description="Datum und Uhrzeit, z. B. „2026-12-09T17:00“")
    ende: Zeitpunkt | None = None
    ort: Zeile = Field(description="z. B. „Kreishaus Lindenau, Am Markt 1“")
    raum: Zeile | None = None
    einladungsdatum: Datum
    dringlich: bool = Field(
        default=False, description="eine dringliche Sitzung, mit abgekürzter Ladungsfrist"
    )
    vorsitz: Vorsitz
    tagesordnung: list[Tagesordnungspunkt] = Field(
        description="die Punkte, öffentliche zuerst; leer nur in einer öffentlichen Fassung, "
        "auf die nur ein nichtöffentlicher Teil folgt"
    )
    nichtoeffentlicher_teil_folgt: bool = False

    @field_validator("ende", mode="after")
    @classmethod
    def _ende_nach_beginn(cls, value: datetime | None, info: ValidationInfo) -> datetime | None:
        return ende_nach_beginn(value, info)

    @field_validator("einladungsdatum", mode="after")
    @classmethod
    def _einladung_vor_der_sitzung(cls, value: Any, info: ValidationInfo) -> Any:
        beginn = info.data.get("beginn")
        if beginn is not None and value > beginn.date():
            raise PydanticCustomError(
                "einladung_nach_sitzung",
                "die Einladung ist auf einen Tag nach der Sitzung ({tag}) datiert",
                {"tag": beginn.strftime("%d.%m.%Y")},
            )
        return value

    @field_validator("tagesordnung", mode="after")
    @classmethod
    def _teile(
        cls, tops: list[Tagesordnungspunkt], info: ValidationInfo
    ) -> list[Tagesordnungspunkt]:
        fassung = info.data.get("fassung")
        if not tops and fassung != "oeffentlich":
            raise PydanticCustomError("tagesordnung_leer", "mindestens ein Tagesordnungspunkt", {})
        fehler = []
        erster = next((n for n, top in enumerate(tops) if not top.oeffentlich), len(tops))
        for number, top in enumerate(tops):
            if top.oeffentlich and number > erster:
                message = (
                    f"öffentlicher TOP nach dem nichtöffentlichen TOP {erster + 1}: die "
                    "öffentlichen Punkte kommen zuerst"
                )
                fehler.append(_fehler(number, "oeffentlich", "top_reihenfolge", message))
            elif not top.oeffentlich:
                fehler += _nichtoeffentlich_fehler(number, top, fassung)
            if top.oeffentlich and fassung == "oeffentlich":
                fehler += _interne_vorlagen(number, top)
        if fehler:
            raise fehler_darunter(fehler)
        return tops

    @field_validator("nichtoeffentlicher_teil_folgt", mode="after")
    @classmethod
    def _nur_oeffentlich(cls, value: bool, info: ValidationInfo) -> bool:
        if value and info.data.get("fassung") != "oeffentlich":
            raise PydanticCustomError(
                "nur_oeffentliche_fassung",
                "nur in der öffentlichen Fassung: die interne nennt die nichtöffentlichen Punkte",
                {},
            )
        if not value and info.data.get("tagesordnung") == []:
            raise PydanticCustomError(
                "tagesordnung_leer",
                "eine Tagesordnung ohne Punkte: nur in der öffentlichen Fassung, auf die ein "
                "nichtöffentlicher Teil folgt",
                {},
            )
        return value

    @property
    def des_gremiums(self) -> str:
        """The Gremium in the genitive: ``gremium_genitiv``, or formed from ``gremium``."""
        return self.gremium_genitiv or genitiv(self.gremium)

    @property
    def bezeichnung(self) -> str:
        """The meeting as an Einladung names it: "6. Sitzung des Kreistages"."""
        return f"{self.nummer}. Sitzung {self.des_gremiums}"

    @property
    def oeffentlicher_teil(self) -> Teil:
        """The public items, in order."""
        return Teil.model_construct(
            oeffentlich=True, tops=[t for t in self.tagesordnung if t.oeffentlich]
        )

    @property
    def nichtoeffentlicher_teil(self) -> Teil | None:
        """The non-public items, in order; None if the meeting has no non-public part."""
        tops = [t for t in self.tagesordnung if not t.oeffentlich]
        if not tops and not self.nichtoeffentlicher_teil_folgt:
            return None
        return Teil.model_construct(oeffentlich=False, tops=tops)

    @property
    def erlaeutert(self) -> list[Tagesordnungspunkt | Unterpunkt]:
        """The items and Unterpunkte with an Erläuterung, in the order of the Tagesordnung."""
        punkte: list[Tagesordnungspunkt | Unterpunkt] = []
        for top in self.tagesordnung:
            punkte += [top] if top.erlaeuterung is not None else []
            punkte += [p for p in top.unterpunkte if p.erlaeuterung is not None]
        return punkte

    @property
    def vorlagen(self) -> list[Sitzungsvorlage]:
        """Every paper of the meeting, in the order of the Tagesordnung."""
        return [vorlage for top in self.tagesordnung for vorlage in top.vorlagen]

    def oeffentliche_fassung(
        self, nichtoeffentliche_titel: bool = True, mit_unterzeichner: bool = True
    ) -> Sitzung:
        """The version for the public: the Bekanntmachung of the Tagesordnung.

        Public items keep their papers, each in its public version (without the signer's
        name unless ``mit_unterzeichner``); non-public items keep only their titles, or
        are left out if not ``nichtoeffentliche_titel``.
        """
        tops: list[Tagesordnungspunkt] = []
        for top in self.tagesordnung:
            if top.oeffentlich:
                tops.append(_oeffentliche_vorlagen(top, mit_unterzeichner))
            elif nichtoeffentliche_titel:
                tops.append(
                    Tagesordnungspunkt(
                        titel=top.titel,
                        oeffentlich=False,
                        unterpunkte=[Unterpunkt(titel=p.titel) for p in top.unterpunkte],
                    )
                )
        data: dict[str, Any] = {name: getattr(self, name) for name in self.model_fields_set}
        data.update(fassung="oeffentlich", tagesordnung=tops)
        data["nichtoeffentlicher_teil_folgt"] = not nichtoeffentliche_titel and any(
            not top.oeffentlich for top in self.tagesordnung
        )
        return type(self).model_validate(data)


def _interne_vorlagen(number: int, top: Tagesordnungspunkt) -> list[_Fehler]:
    """A public item's papers that are not in their public version (in a public meeting)."""
    message = (
        "die öffentliche Fassung einer Sitzung enthält die Vorlagen in ihrer öffentlichen "
        "Fassung (ohne Sachbearbeitung): Sitzung.oeffentliche_fassung() verwenden"
    )
    orte: list[tuple[int | str, ...]] = []
    if top.vorlage is not None and top.vorlage.fassung != "oeffentlich":
        orte.append((number, "vorlage"))
    orte += [
        (number, "unterpunkte", sub, "vorlage")
        for sub, punkt in enumerate(top.unterpunkte)
        if punkt.vorlage is not None and punkt.vorlage.fassung != "oeffentlich"
    ]
    return [(ort, PydanticCustomError("fassung_intern", message), None) for ort in orte]


def _mehr_als_titel(top: Tagesordnungspunkt) -> bool:
    """Whether a non-public item says more than its title (and its Unterpunkte' titles)."""
    return (
        top.vorlage is not None
        or top.erlaeuterung is not None
        or top.nichtoeffentlich_grund is not None
        or any(p.vorlage is not None or p.erlaeuterung is not None for p in top.unterpunkte)
    )


def _oeffentliche_vorlagen(top: Tagesordnungspunkt, mit_unterzeichner: bool) -> Tagesordnungspunkt:
    """A public item with each of its papers in the public version."""

    def oeffentlich(vorlage: Sitzungsvorlage | None) -> Sitzungsvorlage | None:
        if vorlage is None or vorlage.fassung == "oeffentlich":
            return vorlage
        return vorlage.oeffentliche_fassung(mit_unterzeichner)

    return top.model_copy(
        update={
            "vorlage": oeffentlich(top.vorlage),
            "unterpunkte": [
                p.model_copy(update={"vorlage": oeffentlich(p.vorlage)}) for p in top.unterpunkte
            ],
        }
    )


_Fehler = tuple[tuple[int | str, ...], PydanticCustomError, Any]


def _fehler(number: int, field: str, kind: str, message: str) -> _Fehler:
    """An error at ``tagesordnung.number.field``."""
    return (number, field), PydanticCustomError(kind, message.replace("{", "{{")), None


def _nichtoeffentlich_fehler(number: int, top: Tagesordnungspunkt, fassung: Any) -> list[_Fehler]:
    """What a non-public item lacks (a reason, internally) or says too much (publicly)."""
    if fassung == "intern" and top.nichtoeffentlich_grund is None:
        message = "ein nichtöffentlicher TOP braucht einen Grund, z. B. „Grundstücksangelegenheit“"
        return [_fehler(number, "nichtoeffentlich_grund", "grund_fehlt", message)]
    if fassung == "oeffentlich" and _mehr_als_titel(top):
        message = "die öffentliche Fassung nennt von einem nichtöffentlichen TOP nur den Titel"
        return [_fehler(number, "vorlage", "fassung_nichtoeffentlich", message)]
    return []
