"""Read OParl objects as council information systems publish them, noting every quirk met.

Real systems publish OParl 1.0 and 1.1 with their own habits: ``""`` and ``"N/A"`` for a
missing value, ``null`` in lists, names with line breaks, vendor fields, a URL where OParl
embeds the object, one object where a list belongs. :func:`lesen` reads any of Paper,
Consultation, Meeting, AgendaItem, File, Organization, Body and System into the models of
:mod:`vorlagen.oparl.modelle` and never fails on such data: what cannot be read becomes
``None`` (or is left out of a list), and each quirk becomes an :class:`OParlWarnung` with its
kind, its path in the object given (``consultation.2.role``) and a German message saying what
was found and how it was read.

The result's ``warnungen`` hold every warning met anywhere in the object; a nested result (a
Beratung in a Vorlage, a Punkt in a Sitzung) holds those met within it as well, with the same
paths.
Nested objects the models have no place for (a Location in a Body, a LegislativeTerm) are not
examined. Only what is no OParl object at all raises :class:`~vorlagen.errors.OParlError`.
"""

from __future__ import annotations

import json
import re
import reprlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import Any, Final, TypeVar

from vorlagen.errors import OParlError
from vorlagen.oparl.modelle import (
    OParlBeratung,
    OParlDatei,
    OParlGremium,
    OParlKoerperschaft,
    OParlObjekt,
    OParlPunkt,
    OParlSitzung,
    OParlSystem,
    OParlVorlage,
    OParlWarnung,
    Warnungsart,
)
from vorlagen.schemas import Vorlagenart, Zustaendigkeit

__all__ = ["from_meeting", "from_paper", "lesen"]

_M = TypeVar("_M")

#: The objects a caller fetched, by URL (organizations, meetings).
Objekte = Mapping[str, Mapping[str, Any]]

_TYP_URL: Final = re.compile(r"https?://schema\.oparl\.org/(1\.[01])/([A-Za-z]+)/?")

# The properties of the OParl 1.1 schemas; each type also has every key of _GEMEINSAM.
_GEMEINSAM: Final = frozenset({"id", "type", "license", "created", "modified", "web", "deleted"})


def _namen(namen: str) -> frozenset[str]:
    return frozenset(namen.split())


_EIGENSCHAFTEN: Final[Mapping[str, frozenset[str]]] = {
    "AgendaItem": _namen(
        "keyword meeting number order name public consultation result resolutionText"
        " resolutionFile auxiliaryFile start end"
    ),
    "Body": _namen(
        "keyword system shortName name website licenseValidSince oparlSince ags rgs equivalent"
        " contactEmail contactName organization person meeting paper legislativeTerm"
        " agendaItem consultation file locationList legislativeTermList membership"
        " classification location mainOrganization"
    ),
    "Consultation": _namen("keyword paper agendaItem meeting organization authoritative role"),
    "File": _namen(
        "keyword name fileName mimeType date size sha1Checksum sha512Checksum text accessUrl"
        " downloadUrl externalServiceUrl masterFile derivativeFile fileLicense meeting"
        " agendaItem person paper"
    ),
    "Location": _namen(
        "keyword description geojson streetAddress room postalCode subLocality locality"
        " bodies organizations persons meetings papers"
    ),
    "Meeting": _namen(
        "keyword name meetingState cancelled start end location organization participant"
        " invitation resultsProtocol verbatimProtocol auxiliaryFile agendaItem"
    ),
    "Organization": _namen(
        "keyword body name membership meeting consultation shortName post subOrganizationOf"
        " organizationType classification startDate endDate website location externalBody"
        " memberCount votingMemberCount"
    ),
    "Paper": _namen(
        "keyword body name reference date paperType relatedPaper superordinatedPaper"
        " subordinatedPaper mainFile auxiliaryFile location originatorPerson underDirectionOf"
        " originatorOrganization consultation"
    ),
    "System": _namen(
        "oparlVersion otherOparlVersions body name contactEmail contactName website vendor product"
    ),
}
# Keys OParl 1.1 does not define but 1.0 systems send: SD.NET RIM puts ``body`` on every
# object (File and Meeting in the Hürtgenwald data); not worth a warning.
_AUS_1_0: Final[Mapping[str, frozenset[str]]] = {
    typ: frozenset({"body"})
    for typ in ("AgendaItem", "Consultation", "File", "Location", "Meeting")
}
_FELDER: Final[Mapping[str, frozenset[str]]] = {
    typ: _GEMEINSAM | namen | _AUS_1_0.get(typ, frozenset())
    for typ, namen in _EIGENSCHAFTEN.items()
}
# Properties of these formats that the models do not hold are checked all the same.
_ZEITPUNKTE: Final = frozenset({"created", "modified", "licenseValidSince", "oparlSince"})
_DATEN: Final = frozenset({"startDate", "endDate"})

_PLATZHALTER: Final = frozenset({"n/a", "-", "–", "—", "(kein text vorhanden)"})
_LEERRAUM: Final = re.compile(r"[ \t\n\r\f\v\u2028\u2029\x85]+")
_DATUM: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ZEITPUNKT: Final = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})"
)
_MIME: Final = re.compile(r"[A-Za-z0-9][\w!#$&^.+-]*/[A-Za-z0-9][\w!#$&^.+-]*(?:\s*;.*)?")
# File extensions given where a MIME type belongs ("mimeType": "pdf", ALLRIS 4)
_MIME_TYPEN: Final[Mapping[str, str]] = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "html": "text/html",
    "htm": "text/html",
    "xml": "application/xml",
    "zip": "application/zip",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "tif": "image/tiff",
    "tiff": "image/tiff",
}

_ROLLEN: Final[Mapping[str, Zustaendigkeit]] = {z.value.casefold(): z for z in Zustaendigkeit}
# Roles that name a Zuständigkeit under another word: an interpretation, hence a warning.
_ROLLEN_GEDEUTET: Final[Mapping[str, Zustaendigkeit]] = {
    "beschlussfassung": Zustaendigkeit.ENTSCHEIDUNG,
    "empfehlung": Zustaendigkeit.VORBERATUNG,
    "beratung": Zustaendigkeit.VORBERATUNG,
    "behandlung": Zustaendigkeit.VORBERATUNG,
}
_ARTEN: Final[Mapping[str, Vorlagenart]] = {a.value.casefold(): a for a in Vorlagenart}


def lesen(obj: object, objekte: Objekte | None = None) -> OParlObjekt:
    """Read one OParl object of any type this module knows, by its ``type``.

    Args:
        obj: the object as decoded from JSON: a Paper, Consultation, Meeting, AgendaItem,
            File, Organization, Body or System, OParl 1.0 or 1.1.
        objekte: objects the caller fetched, by their URL: the names of Organizations and
            the dates of Meetings that the object refers to are taken from them.

    Returns:
        The model of the object's type, with the warnings met.

    Raises:
        OParlError: ``obj`` is no JSON object, has no OParl ``type``, or one of a type not
            read here (Person, Membership, ...).
        TypeError: ``objekte`` is no mapping.

    Example:
        >>> paper = {"type": "https://schema.oparl.org/1.0/Paper", "reference": "17/2026"}
        >>> vorlage = lesen(paper)
        >>> vorlage.nummer, [w.art.value for w in vorlage.warnungen]
        ('17/2026', ['version-1.0'])
    """
    gegeben, version, typ = _typ_oben(obj)
    leser = _LESER.get(typ)
    if leser is None:
        msg = (
            f"Ein OParl-Objekt vom Typ {typ} wird nicht gelesen; gelesen werden "
            f"{', '.join(_LESER)}."
        )
        raise OParlError(msg)
    return _lies(gegeben, version, typ, objekte, leser)


def from_paper(obj: object, objekte: Objekte | None = None) -> OParlVorlage:
    """Read an OParl Paper (1.0 or 1.1) as :func:`lesen` does.

    Raises:
        OParlError: ``obj`` is no OParl object, or one of another type than Paper.

    Example:
        >>> vorlage = from_paper({
        ...     "type": "https://schema.oparl.org/1.1/Paper",
        ...     "paperType": "Beschlussvorlage",
        ...     "consultation": [{"role": "Beschlussfassung"}],
        ... })
        >>> vorlage.art.value, vorlage.beratungsfolge[0].zustaendigkeit.value
        ('Beschlussvorlage', 'Entscheidung')
        >>> [(w.art.value, w.pfad) for w in vorlage.warnungen]
        [('rolle-gedeutet', 'consultation.0.role')]
    """
    return _lies_als(obj, objekte, "Paper", _vorlage)


def from_meeting(obj: object, objekte: Objekte | None = None) -> OParlSitzung:
    """Read an OParl Meeting (1.0 or 1.1) with its agenda items as :func:`lesen` does.

    Raises:
        OParlError: ``obj`` is no OParl object, or one of another type than Meeting.
    """
    return _lies_als(obj, objekte, "Meeting", _sitzung)


# --- the object given ------------------------------------------------------------------


def _typ_oben(obj: object) -> tuple[Mapping[str, Any], str, str]:
    """The object given, its OParl version and type name; raises where it is no OParl."""
    if not isinstance(obj, Mapping):
        msg = (
            f"Kein OParl-Objekt: gefunden {_art_von(obj)} ({_zeige(obj)}), erwartet ein "
            "JSON-Objekt mit „type“."
        )
        raise OParlError(msg)
    if "type" not in obj:
        hinweis = " (eine Listenseite? Ihre Objekte stehen in „data“)" if "data" in obj else ""
        msg = f"Kein OParl-Objekt: das JSON-Objekt hat kein Feld „type“{hinweis}."
        raise OParlError(msg)
    gefunden = _typ(obj["type"])
    if gefunden is None:
        msg = (
            f"Kein OParl-Objekt: „type“ ist {_zeige(obj['type'])}, erwartet eine Typ-URL wie "
            "„https://schema.oparl.org/1.1/Paper“."
        )
        raise OParlError(msg)
    return obj, *gefunden


def _lies_als(
    obj: object, objekte: Objekte | None, erwartet: str, leser: Callable[[_Felder], _M]
) -> _M:
    gegeben, version, typ = _typ_oben(obj)
    if typ != erwartet:
        msg = f"Erwartet ein OParl-Objekt vom Typ {erwartet}, gefunden eines vom Typ {typ}."
        raise OParlError(msg)
    return _lies(gegeben, version, typ, objekte, leser)


def _lies(
    obj: Mapping[str, Any],
    version: str,
    typ: str,
    objekte: Objekte | None,
    leser: Callable[[_Felder], _M],
) -> _M:
    if objekte is not None and not isinstance(objekte, Mapping):
        msg = f"objekte: erwartet eine Zuordnung von URLs zu Objekten, gefunden {_art_von(objekte)}"
        raise TypeError(msg)
    felder = _Felder(_Lauf(objekte or {}, version), obj, "", typ)
    if version == "1.0":
        felder.lauf.warne(
            Warnungsart.VERSION_1_0,
            "type",
            f"Typ-URL der OParl-Version 1.0 ({_zeige(obj['type'])}): gelesen wie 1.1",
        )
    return leser(felder)


def _typ(wert: object) -> tuple[str, str] | None:
    """The version and type name of an OParl type URL, None for anything else."""
    if not isinstance(wert, str):
        return None
    gefunden = _TYP_URL.fullmatch(wert.strip())
    return None if gefunden is None else (gefunden[1], gefunden[2])


# --- one object's fields ---------------------------------------------------------------


@dataclass
class _Lauf:
    """One call of :func:`lesen`: the objects the caller fetched, the version, the warnings."""

    objekte: Mapping[str, Any]
    version: str
    warnungen: list[OParlWarnung] = field(default_factory=list)

    def warne(self, art: Warnungsart, pfad: str, meldung: str) -> None:
        self.warnungen.append(OParlWarnung(art=art, pfad=pfad, meldung=meldung))


class _Felder:
    """The fields of one object: each read once; the others checked by :meth:`ende`."""

    def __init__(self, lauf: _Lauf, obj: Mapping[str, Any], pfad: str, typ: str) -> None:
        self.lauf = lauf
        self.obj = obj
        self.pfad = pfad
        self.typ = typ
        self._gelesen = {"type"}
        self._beginn = len(lauf.warnungen)

    def ort(self, key: str) -> str:
        return _pfad(self.pfad, key)

    def roh(self, key: str) -> Any:
        """The value of ``key`` as given; None where it is missing or null (warned)."""
        self._gelesen.add(key)
        wert = self.obj.get(key)
        if wert is None and key in self.obj:
            _null(self.lauf, self.ort(key))
        return wert

    def text(self, key: str, *, normal: bool = False) -> str | None:
        wert = self.roh(key)
        if normal and isinstance(wert, str):
            wert = _normal(wert)
        return _text(self.lauf, wert, self.ort(key), zahl=True)

    def name(self, key: str) -> str | None:
        return _name(self.lauf, self.roh(key), self.ort(key))

    def url(self, key: str) -> str | None:
        return _url(self.lauf, self.roh(key), self.ort(key))

    def urls(self, key: str) -> list[str]:
        urls = (_url(self.lauf, wert, pfad) for pfad, wert in self.eintraege(key))
        return [url for url in urls if url is not None]

    def datum(self, key: str) -> date | None:
        return _datum(self.lauf, self.roh(key), self.ort(key))

    def zeitpunkt(self, key: str) -> datetime | None:
        return _zeitpunkt(self.lauf, self.roh(key), self.ort(key))

    def wahr(self, key: str) -> bool | None:
        return _wahr(self.lauf, self.roh(key), self.ort(key))

    def zahl(self, key: str) -> int | None:
        return _zahl(self.lauf, self.roh(key), self.ort(key))

    def mime(self, key: str) -> str | None:
        return _mime(self.lauf, self.roh(key), self.ort(key))

    def eintraege(self, key: str) -> list[tuple[str, Any]]:
        return _liste(self.lauf, self.roh(key), self.ort(key))

    def objekt(
        self,
        key: str,
        typ: str,
        leser: Callable[[_Felder], _M],
        nur_url: Callable[[str, list[OParlWarnung]], _M] | None,
    ) -> _M | None:
        """The object OParl embeds under ``key``, read by ``leser``; see :func:`_eingebettet`."""
        return _eingebettet(self.lauf, self.roh(key), self.ort(key), typ, leser, nur_url)

    def objekte(
        self,
        key: str,
        typ: str,
        leser: Callable[[_Felder], _M],
        nur_url: Callable[[str, list[OParlWarnung]], _M] | None,
    ) -> list[_M]:
        gelesen = (
            _eingebettet(self.lauf, wert, pfad, typ, leser, nur_url)
            for pfad, wert in self.eintraege(key)
        )
        return [ergebnis for ergebnis in gelesen if ergebnis is not None]

    def geloescht(self) -> bool:
        if self.wahr("deleted"):
            self.lauf.warne(
                Warnungsart.GELOESCHT, self.ort("deleted"), "als gelöscht gekennzeichnet"
            )
            return True
        return False

    def typ_passt(self) -> bool:
        """Whether a nested object is of the type expected here; warns where not."""
        wert = self.obj.get("type")
        if wert is None:
            return True
        gefunden = _typ(wert)
        if gefunden is None:
            self.lauf.warne(
                Warnungsart.FORMAT,
                self.ort("type"),
                f"{_zeige(wert)} ist keine OParl-Typ-URL: als {self.typ} gelesen",
            )
            return True
        version, typ = gefunden
        if typ != self.typ:
            self.lauf.warne(
                Warnungsart.FORMAT,
                self.ort("type"),
                f"ein Objekt vom Typ {typ}, wo OParl eines vom Typ {self.typ} vorsieht: übergangen",
            )
            return False
        if version == "1.0" and self.lauf.version != "1.0":
            self.lauf.warne(
                Warnungsart.VERSION_1_0,
                self.ort("type"),
                "Typ-URL der OParl-Version 1.0 in einem Objekt der Version 1.1: gelesen wie 1.1",
            )
        return True

    def ende(self) -> list[OParlWarnung]:
        """Check the fields not read; the warnings met in this object."""
        for key, wert in self.obj.items():
            if key not in self._gelesen:
                _pruefe_rest(self.lauf, self.typ, str(key), wert, self.ort(str(key)))
        return self.lauf.warnungen[self._beginn :]


def _eingebettet(
    lauf: _Lauf,
    wert: Any,
    pfad: str,
    typ: str,
    leser: Callable[[_Felder], _M],
    nur_url: Callable[[str, list[OParlWarnung]], _M] | None,
) -> _M | None:
    """An embedded object read by ``leser``; one given by its URL made by ``nur_url``.

    Where ``nur_url`` is None, an object given as a URL is left out.
    """
    if isinstance(wert, Mapping):
        felder = _Felder(lauf, wert, pfad, typ)
        return leser(felder) if felder.typ_passt() else None
    if wert is None:
        return None
    if not isinstance(wert, str):
        lauf.warne(
            Warnungsart.FORMAT,
            pfad,
            f"{_art_von(wert)} ({_zeige(wert)}) statt eines Objekts vom Typ {typ}: übergangen",
        )
        return None
    beginn = len(lauf.warnungen)
    url = _text(lauf, wert, pfad)
    if url is None:
        return None
    folge = "nur die URL behalten" if nur_url else "übergangen"
    lauf.warne(
        Warnungsart.VERWEIS,
        pfad,
        f"die URL „{url}“ statt des eingebetteten Objekts vom Typ {typ}: {folge}",
    )
    return None if nur_url is None else nur_url(url, lauf.warnungen[beginn:])


def _pruefe_rest(lauf: _Lauf, typ: str, key: str, wert: Any, pfad: str) -> None:
    """Warn about a field not read: a vendor's, one OParl does not define, an empty value."""
    if ":" in key:
        lauf.warne(Warnungsart.HERSTELLERFELD, pfad, f"Herstellerfeld „{key}“: nicht gelesen")
    elif key not in _FELDER[typ]:
        lauf.warne(
            Warnungsart.UNBEKANNTES_FELD,
            pfad,
            f"das Feld „{key}“ ist in OParl für {typ} nicht definiert: nicht gelesen",
        )
    elif wert is None:
        _null(lauf, pfad)
    elif key in _ZEITPUNKTE:
        _zeitpunkt(lauf, wert, pfad)
    elif key in _DATEN:
        _datum(lauf, wert, pfad)
    elif isinstance(wert, list):
        for eintrag_pfad, eintrag in _liste(lauf, wert, pfad):
            if isinstance(eintrag, str):
                _text(lauf, eintrag, eintrag_pfad)
    elif isinstance(wert, str):
        _text(lauf, wert, pfad)


def _null(lauf: _Lauf, pfad: str) -> None:
    lauf.warne(Warnungsart.NULL, pfad, "null statt eines Wertes: als fehlend gelesen")


# --- the types -------------------------------------------------------------------------


def _vorlage(f: _Felder) -> OParlVorlage:
    vorlagentyp = f.text("paperType", normal=True)
    paper_id = f.url("id")
    beratungen = f.objekte("consultation", "Consultation", _beratung, _beratung_url)
    return OParlVorlage(
        id=paper_id,
        nummer=f.text("reference"),
        betreff=f.name("name"),
        datum=f.datum("date"),
        vorlagentyp=vorlagentyp,
        art=None if vorlagentyp is None else _ARTEN.get(vorlagentyp.casefold()),
        # a Consultation in its Paper need not name the Paper (SD.NET does not)
        beratungsfolge=[
            b if b.vorlage is not None else b.model_copy(update={"vorlage": paper_id})
            for b in beratungen
        ],
        federfuehrung=f.urls("underDirectionOf"),
        urheber=f.urls("originatorOrganization"),
        hauptdatei=f.objekt("mainFile", "File", _datei, _datei_url),
        anlagen=f.objekte("auxiliaryFile", "File", _datei, _datei_url),
        web=f.url("web"),
        geloescht=f.geloescht(),
        warnungen=f.ende(),
    )


def _beratung(f: _Felder) -> OParlBeratung:
    gremien = f.urls("organization")
    sitzung = f.url("meeting")
    rolle = f.text("role", normal=True)
    f.geloescht()
    return OParlBeratung(
        id=f.url("id"),
        vorlage=f.url("paper"),
        gremien=gremien,
        gremium=_gremium_name(f.lauf, gremien),
        sitzung=sitzung,
        sitzungsdatum=_sitzungsdatum(f.lauf, sitzung),
        tagesordnungspunkt=f.url("agendaItem"),
        rolle=rolle,
        zustaendigkeit=_zustaendigkeit(f, rolle),
        massgeblich=f.wahr("authoritative"),
        warnungen=f.ende(),
    )


def _beratung_url(url: str, warnungen: list[OParlWarnung]) -> OParlBeratung:
    return OParlBeratung(id=url, warnungen=warnungen)


def _zustaendigkeit(f: _Felder, rolle: str | None) -> Zustaendigkeit | None:
    """The Zuständigkeit a Consultation's role names; ``authoritative`` alone names none."""
    if rolle is None:
        return None
    schluessel = rolle.casefold()
    if schluessel in _ROLLEN:
        return _ROLLEN[schluessel]
    gedeutet = _ROLLEN_GEDEUTET.get(schluessel)
    if gedeutet is not None:
        f.lauf.warne(
            Warnungsart.ROLLE_GEDEUTET,
            f.ort("role"),
            f"die Rolle „{rolle}“ als Zuständigkeit „{gedeutet.value}“ gedeutet "
            "(eine Auslegung, nicht die Angabe des Systems)",
        )
        return gedeutet
    f.lauf.warne(
        Warnungsart.ROLLE_UNBEKANNT,
        f.ort("role"),
        f"die Rolle „{rolle}“ nennt keine Zuständigkeit: Zuständigkeit unbekannt",
    )
    return None


def _sitzung(f: _Felder) -> OParlSitzung:
    gremien = f.urls("organization")
    punkte = _punkte(f)
    # OParlSitzung has no place for the meeting's other files: read for their warnings only
    f.objekte("auxiliaryFile", "File", _datei, _datei_url)
    f.geloescht()
    return OParlSitzung(
        id=f.url("id"),
        name=f.name("name"),
        beginn=f.zeitpunkt("start"),
        ende=f.zeitpunkt("end"),
        gremien=gremien,
        gremium=_gremium_name(f.lauf, gremien),
        ort=f.objekt("location", "Location", _ort, None),
        abgesagt=f.wahr("cancelled"),
        punkte=punkte,
        einladung=f.objekt("invitation", "File", _datei, _datei_url),
        niederschrift=f.objekt("resultsProtocol", "File", _datei, _datei_url),
        warnungen=f.ende(),
    )


def _punkte(f: _Felder) -> list[OParlPunkt]:
    """The meeting's agenda items; those without order placed by their place in the list."""
    punkte: list[OParlPunkt] = []
    ohne_order = 0
    for platz, (pfad, wert) in enumerate(f.eintraege("agendaItem")):
        gelesen = _eingebettet(
            f.lauf,
            wert,
            pfad,
            "AgendaItem",
            partial(_punkt, platz=platz),
            partial(_punkt_url, platz=platz),
        )
        if gelesen is not None:
            punkte.append(gelesen[0])
            ohne_order += not gelesen[1]
    if ohne_order:
        f.lauf.warne(
            Warnungsart.OHNE_ORDER,
            f.ort("agendaItem"),
            f"{ohne_order} von {len(punkte)} Tagesordnungspunkten ohne „order“: "
            "ihr Platz in der Liste (ab 0) als Reihenfolge genommen",
        )
    return punkte


def _punkt(f: _Felder, platz: int | None) -> tuple[OParlPunkt, bool]:
    """An agenda item at ``platz`` in its meeting's list (None: read on its own).

    Returns the item and whether it gave its order.
    """
    order = f.zahl("order")
    if order is None and platz is None:
        f.lauf.warne(Warnungsart.OHNE_ORDER, f.ort("order"), "ohne „order“: Reihenfolge 0 genommen")
    # OParlPunkt has no place for the item's files: read for their warnings only
    f.objekte("auxiliaryFile", "File", _datei, _datei_url)
    f.geloescht()
    punkt = OParlPunkt(
        id=f.url("id"),
        nummer=f.text("number"),
        reihenfolge=order if order is not None else platz or 0,
        titel=f.name("name"),
        oeffentlich=f.wahr("public"),
        beratung=f.url("consultation"),
        ergebnis=f.text("result"),
        beschluss=f.text("resolutionText"),
        beschlussdatei=f.objekt("resolutionFile", "File", _datei, _datei_url),
        warnungen=f.ende(),
    )
    return punkt, order is not None


def _punkt_url(url: str, warnungen: list[OParlWarnung], platz: int) -> tuple[OParlPunkt, bool]:
    return OParlPunkt(id=url, reihenfolge=platz, warnungen=warnungen), False


def _punkt_allein(f: _Felder) -> OParlPunkt:
    return _punkt(f, None)[0]


def _ort(f: _Felder) -> str | None:
    """A Location as text: its description, else room and address."""
    beschreibung = f.text("description", normal=True)
    teile = (
        f.text("room", normal=True),
        f.text("streetAddress", normal=True),
        _verbinde(" ", f.text("postalCode"), f.text("locality", normal=True)),
    )
    f.geloescht()
    f.ende()
    return beschreibung or _verbinde(", ", *teile)


def _datei(f: _Felder) -> OParlDatei:
    f.geloescht()
    return OParlDatei(
        id=f.url("id"),
        name=f.name("name"),
        dateiname=f.text("fileName"),
        mime_typ=f.mime("mimeType"),
        datum=f.datum("date"),
        groesse=f.zahl("size"),
        zugriff=f.url("accessUrl"),
        download=f.url("downloadUrl"),
        warnungen=f.ende(),
    )


def _datei_url(url: str, warnungen: list[OParlWarnung]) -> OParlDatei:
    return OParlDatei(id=url, warnungen=warnungen)


def _gremium(f: _Felder) -> OParlGremium:
    f.geloescht()
    return OParlGremium(
        id=f.url("id"),
        name=f.name("name"),
        kurzname=f.text("shortName"),
        art=f.text("organizationType"),
        einordnung=f.text("classification"),
        warnungen=f.ende(),
    )


def _koerperschaft(f: _Felder) -> OParlKoerperschaft:
    f.geloescht()
    return OParlKoerperschaft(
        id=f.url("id"),
        name=f.name("name"),
        kurzname=f.text("shortName"),
        gemeindeschluessel=_ags(f),
        warnungen=f.ende(),
    )


def _ags(f: _Felder) -> str | None:
    """The Amtlicher Gemeindeschlüssel; a leading zero lost (as SD.NET does) put back."""
    ags = f.text("ags")
    if ags is not None and len(ags) == 7 and ags.isascii() and ags.isdigit():
        f.lauf.warne(
            Warnungsart.FORMAT,
            f.ort("ags"),
            f"Gemeindeschlüssel „{ags}“ mit sieben Stellen: als „0{ags}“ gelesen",
        )
        return "0" + ags
    return ags


def _system(f: _Felder) -> OParlSystem:
    f.geloescht()
    return OParlSystem(
        id=f.url("id"),
        name=f.name("name"),
        version=f.url("oparlVersion"),
        hersteller=f.url("vendor"),
        produkt=f.url("product"),
        warnungen=f.ende(),
    )


_LESER: Final[Mapping[str, Callable[[_Felder], OParlObjekt]]] = {
    "Paper": _vorlage,
    "Consultation": _beratung,
    "Meeting": _sitzung,
    "AgendaItem": _punkt_allein,
    "File": _datei,
    "Organization": _gremium,
    "Body": _koerperschaft,
    "System": _system,
}


# --- what the caller fetched -----------------------------------------------------------


def _geholt(lauf: _Lauf, url: str) -> Mapping[str, Any]:
    gefunden = lauf.objekte.get(url)
    return gefunden if isinstance(gefunden, Mapping) else {}


def _gremium_name(lauf: _Lauf, urls: list[str]) -> str | None:
    """The names of the Organizations the caller fetched, joined; placeholders left out."""
    namen = (_geholt(lauf, url).get("name") for url in urls)
    normal = (_normal(name) for name in namen if isinstance(name, str))
    return _verbinde(", ", *(name for name in normal if name.casefold() not in _PLATZHALTER))


def _sitzungsdatum(lauf: _Lauf, url: str | None) -> date | None:
    """The day a Meeting the caller fetched begins."""
    beginn = None if url is None else _geholt(lauf, url).get("start")
    if not isinstance(beginn, str):
        return None
    zeitpunkt = _als_zeitpunkt(beginn.strip())
    return zeitpunkt.date() if zeitpunkt is not None else _als_datum(beginn.strip())


# --- values ----------------------------------------------------------------------------


def _text(lauf: _Lauf, wert: Any, pfad: str, *, zahl: bool = False) -> str | None:
    """A text without outer whitespace; None for empty text and placeholders.

    With ``zahl``, a number is read as its text.
    """
    if wert is None:
        return None
    if zahl and isinstance(wert, int | float) and not isinstance(wert, bool):
        lauf.warne(
            Warnungsart.FORMAT, pfad, f"eine Zahl ({wert}) statt eines Textes: als „{wert}“ gelesen"
        )
        return str(wert)
    if not isinstance(wert, str):
        lauf.warne(
            Warnungsart.FORMAT,
            pfad,
            f"{_art_von(wert)} ({_zeige(wert)}) statt eines Textes: übergangen",
        )
        return None
    text = wert.strip()
    if not text:
        lauf.warne(
            Warnungsart.LEERER_WERT, pfad, f"leerer Wert {_zeige(wert)}: als fehlend gelesen"
        )
        return None
    if _normal(text).casefold() in _PLATZHALTER:
        lauf.warne(Warnungsart.PLATZHALTER, pfad, f"Platzhalter „{text}“: als fehlend gelesen")
        return None
    return text


def _name(lauf: _Lauf, wert: Any, pfad: str) -> str | None:
    """A name on one line: line breaks and runs of spaces made one space."""
    if isinstance(wert, str):
        normal = _normal(wert)
        if normal and normal != wert:
            lauf.warne(
                Warnungsart.LEERRAUM,
                pfad,
                f"Zeilenumbrüche oder mehrfache Leerzeichen in {_zeige(wert)}: "
                f"als „{_kurz(normal)}“ gelesen",
            )
        wert = normal
    return _text(lauf, wert, pfad, zahl=True)


def _url(lauf: _Lauf, wert: Any, pfad: str) -> str | None:
    """A URL; of an object given where OParl puts its URL, the object's ``id``."""
    if isinstance(wert, Mapping):
        ident = wert.get("id")
        if isinstance(ident, str) and ident.strip():
            lauf.warne(
                Warnungsart.FORMAT,
                pfad,
                f"ein Objekt statt seiner URL: seine id „{ident.strip()}“ gelesen",
            )
            return ident.strip()
    return _text(lauf, wert, pfad)


def _liste(lauf: _Lauf, wert: Any, pfad: str) -> list[tuple[str, Any]]:
    """The entries of a list with their paths; null left out, a single value a list of one."""
    if wert is None:
        return []
    if isinstance(wert, list):
        eintraege = []
        for index, eintrag in enumerate(wert):
            eintrag_pfad = _pfad(pfad, str(index))
            if eintrag is None:
                lauf.warne(Warnungsart.NULL, eintrag_pfad, "null in der Liste: übergangen")
            else:
                eintraege.append((eintrag_pfad, eintrag))
        return eintraege
    if isinstance(wert, str) and _text(lauf, wert, pfad) is None:
        return []
    lauf.warne(
        Warnungsart.OBJEKT_STATT_LISTE,
        pfad,
        f"{_art_von(wert)} statt einer Liste: als Liste mit einem Eintrag gelesen",
    )
    return [(pfad, wert)]


def _datum(lauf: _Lauf, wert: Any, pfad: str) -> date | None:
    text = _text(lauf, wert, pfad)
    if text is None:
        return None
    tag = _als_datum(text)
    if tag is not None:
        return tag
    zeitpunkt = _als_zeitpunkt(text)
    if zeitpunkt is not None:
        lauf.warne(
            Warnungsart.FORMAT, pfad, f"Zeitpunkt „{text}“ statt eines Datums: sein Tag gelesen"
        )
        return zeitpunkt.date()
    lauf.warne(
        Warnungsart.FORMAT, pfad, f"„{_kurz(text)}“ ist kein Datum der Form JJJJ-MM-TT: übergangen"
    )
    return None


def _zeitpunkt(lauf: _Lauf, wert: Any, pfad: str) -> datetime | None:
    text = _text(lauf, wert, pfad)
    if text is None:
        return None
    zeitpunkt = _als_zeitpunkt(text)
    if zeitpunkt is None:
        lauf.warne(
            Warnungsart.FORMAT,
            pfad,
            f"„{_kurz(text)}“ ist kein Zeitpunkt der Form JJJJ-MM-TTThh:mm:ss±hh:mm: übergangen",
        )
    return zeitpunkt


def _als_datum(text: str) -> date | None:
    if _DATUM.fullmatch(text) is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:  # a day that does not exist: 2021-02-30
        return None


def _als_zeitpunkt(text: str) -> datetime | None:
    if _ZEITPUNKT.fullmatch(text) is None:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _wahr(lauf: _Lauf, wert: Any, pfad: str) -> bool | None:
    if wert is None or isinstance(wert, bool):
        return wert
    if isinstance(wert, str) and _text(lauf, wert, pfad) is None:
        return None
    lauf.warne(Warnungsart.FORMAT, pfad, f"{_zeige(wert)} statt true oder false: übergangen")
    return None


def _zahl(lauf: _Lauf, wert: Any, pfad: str) -> int | None:
    """A whole number ≥ 0; a float without fraction or a text of digits read as one."""
    if wert is None:
        return None
    if isinstance(wert, int) and not isinstance(wert, bool) and wert >= 0:
        return wert
    if isinstance(wert, str) and _text(lauf, wert, pfad) is None:
        return None
    zahl = _als_zahl(wert)
    if zahl is None:
        lauf.warne(
            Warnungsart.FORMAT, pfad, f"{_zeige(wert)} ist keine ganze Zahl ab 0: übergangen"
        )
    else:
        lauf.warne(Warnungsart.FORMAT, pfad, f"{_zeige(wert)} statt einer Zahl: als {zahl} gelesen")
    return zahl


def _als_zahl(wert: Any) -> int | None:
    if isinstance(wert, float) and wert.is_integer() and wert >= 0:
        return int(wert)
    if isinstance(wert, str):
        ziffern = wert.strip()
        # int() refuses texts of more than 4,300 digits: no size or order has that many
        if ziffern.isascii() and ziffern.isdigit() and len(ziffern) <= 18:
            return int(ziffern)
    return None


def _mime(lauf: _Lauf, wert: Any, pfad: str) -> str | None:
    """A MIME type; a file extension ("pdf") read as the type it stands for."""
    text = _text(lauf, wert, pfad)
    if text is None or _MIME.fullmatch(text):
        return text
    gedeutet = _MIME_TYPEN.get(text.casefold().removeprefix("."))
    folge = "übergangen" if gedeutet is None else f"als „{gedeutet}“ gelesen"
    lauf.warne(Warnungsart.FORMAT, pfad, f"„{_kurz(text)}“ ist kein MIME-Typ: {folge}")
    return gedeutet


# --- helpers ---------------------------------------------------------------------------


def _normal(text: str) -> str:
    """``text`` on one line, trimmed; no-break spaces inside kept."""
    return _LEERRAUM.sub(" ", text).strip()


def _verbinde(zwischen: str, *teile: str | None) -> str | None:
    return zwischen.join(teil for teil in teile if teil) or None


def _pfad(basis: str, teil: str) -> str:
    return f"{basis}.{teil}" if basis else teil


def _kurz(text: str, laenge: int = 80) -> str:
    return text if len(text) <= laenge else text[: laenge - 1] + "…"


def _zeige(wert: object) -> str:
    """A value as JSON for a message, shortened, line breaks escaped."""
    try:
        text = json.dumps(wert, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = reprlib.repr(wert)
    return _kurz(text)


def _art_von(wert: object) -> str:
    """What a JSON value is, in words."""
    if wert is None:
        return "null"
    if isinstance(wert, bool):
        return "ein Wahrheitswert"
    if isinstance(wert, int | float):
        return "eine Zahl"
    if isinstance(wert, str):
        return "ein Text"
    if isinstance(wert, list | tuple):
        return "eine Liste"
    if isinstance(wert, Mapping):
        return "ein Objekt"
    return f"ein Wert vom Typ {type(wert).__name__}"
