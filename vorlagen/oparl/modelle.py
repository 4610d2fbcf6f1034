"""What an OParl object read from a council information system yields.

Real systems publish OParl 1.0 and 1.1 with their own quirks (see :mod:`vorlagen.oparl.lesen`);
reading never fails on such data. Each result holds what can be known, ``None`` or an empty
list where the object does not say, and the warnings met on the way. References to other
objects stay URLs (``gremien``, ``sitzung``); where the caller passes the objects it fetched
(``objekte``), names and dates are taken from them.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from vorlagen.schemas import Vorlagenart, Zustaendigkeit

__all__ = [
    "OParlBeratung",
    "OParlDatei",
    "OParlGremium",
    "OParlKoerperschaft",
    "OParlObjekt",
    "OParlPunkt",
    "OParlSitzung",
    "OParlSystem",
    "OParlVorlage",
    "OParlWarnung",
    "Warnungsart",
]


class Warnungsart(StrEnum):
    """The kind of a quirk met while reading an OParl object; the value is a stable id."""

    VERSION_1_0 = "version-1.0"  # an OParl 1.0 type URL
    LEERER_WERT = "leerer-wert"  # "" or only whitespace where a value belongs
    PLATZHALTER = "platzhalter"  # "N/A" and the like for a missing value
    NULL = "null"  # null as a value or in a list ([null])
    ROLLE_UNBEKANNT = "rolle-unbekannt"  # a Consultation role that names no Zuständigkeit
    ROLLE_GEDEUTET = "rolle-gedeutet"  # a role read as a Zuständigkeit of another name
    OHNE_ORDER = "ohne-order"  # an AgendaItem without order: its place in the list taken
    LEERRAUM = "leerraum"  # line breaks or runs of spaces in a name, normalised
    HERSTELLERFELD = "herstellerfeld"  # a vendor field ("STERNBERG:RIMVersion"), ignored
    UNBEKANNTES_FELD = "unbekanntes-feld"  # a field OParl does not define, ignored
    FORMAT = "format"  # a value in the wrong format (a date, a MIME type), kept or dropped
    OBJEKT_STATT_LISTE = "objekt-statt-liste"  # one object where a list belongs
    VERWEIS = "verweis"  # a URL where OParl embeds the object: its content is unknown
    GELOESCHT = "geloescht"  # "deleted": true


class _Ergebnis(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class OParlWarnung(_Ergebnis):
    """A quirk met while reading: its kind, where (``consultation.2.role``), what was done."""

    art: Warnungsart
    pfad: str = Field(description="der Pfad im Objekt, z. B. „consultation.2.role“")
    meldung: str = Field(description="was vorgefunden und wie es gelesen wurde")


class OParlBeratung(_Ergebnis):
    """A Consultation: one Gremium dealing with the paper."""

    id: str | None = None
    vorlage: str | None = Field(default=None, description="URL der Vorlage (paper)")
    gremien: list[str] = Field(default_factory=list, description="URLs (organization)")
    gremium: str | None = Field(default=None, description="Name, wo bekannt")
    sitzung: str | None = Field(default=None, description="URL der Sitzung (meeting)")
    sitzungsdatum: date | None = Field(default=None, description="wo die Sitzung bekannt ist")
    tagesordnungspunkt: str | None = Field(default=None, description="URL (agendaItem)")
    rolle: str | None = Field(default=None, description="die Rolle wie angegeben (role)")
    zustaendigkeit: Zustaendigkeit | None = None
    massgeblich: bool | None = Field(default=None, description="authoritative")
    warnungen: list[OParlWarnung] = Field(default_factory=list)


class OParlDatei(_Ergebnis):
    """A File."""

    id: str | None = None
    name: str | None = None
    dateiname: str | None = Field(default=None, description="fileName")
    mime_typ: str | None = Field(default=None, description="mimeType")
    datum: date | None = None
    groesse: int | None = Field(default=None, description="size in Bytes")
    zugriff: str | None = Field(default=None, description="accessUrl")
    download: str | None = Field(default=None, description="downloadUrl")
    warnungen: list[OParlWarnung] = Field(default_factory=list)


class OParlVorlage(_Ergebnis):
    """A Paper: what can be known of the paper, not a whole Sitzungsvorlage."""

    id: str | None = None
    nummer: str | None = Field(default=None, description="reference, z. B. „48/2018“")
    betreff: str | None = Field(default=None, description="name, Leerraum normalisiert")
    datum: date | None = None
    vorlagentyp: str | None = Field(default=None, description="paperType wie angegeben")
    art: Vorlagenart | None = Field(default=None, description="wo paperType eine ist")
    beratungsfolge: list[OParlBeratung] = Field(default_factory=list)
    federfuehrung: list[str] = Field(default_factory=list, description="underDirectionOf")
    urheber: list[str] = Field(
        default_factory=list,
        description="originatorOrganization: wer die Vorlage einbringt (bei einem Antrag)",
    )
    hauptdatei: OParlDatei | None = Field(default=None, description="mainFile")
    anlagen: list[OParlDatei] = Field(default_factory=list, description="auxiliaryFile")
    web: str | None = None
    geloescht: bool = False
    warnungen: list[OParlWarnung] = Field(default_factory=list)


class OParlPunkt(_Ergebnis):
    """An AgendaItem."""

    id: str | None = None
    nummer: str | None = Field(default=None, description="number wie angegeben, z. B. „Ö 3“")
    reihenfolge: int = Field(description="order; ohne Angabe der Platz in der Liste, ab 0")
    titel: str | None = Field(default=None, description="name, Leerraum normalisiert")
    oeffentlich: bool | None = Field(default=None, description="public, wo angegeben")
    beratung: str | None = Field(default=None, description="URL der Consultation")
    ergebnis: str | None = Field(default=None, description="result")
    beschluss: str | None = Field(default=None, description="resolutionText")
    beschlussdatei: OParlDatei | None = Field(default=None, description="resolutionFile")
    warnungen: list[OParlWarnung] = Field(default_factory=list)


class OParlSitzung(_Ergebnis):
    """A Meeting with its agenda items."""

    id: str | None = None
    name: str | None = None
    beginn: datetime | None = None
    ende: datetime | None = None
    gremien: list[str] = Field(default_factory=list, description="URLs (organization)")
    gremium: str | None = Field(default=None, description="Name, wo bekannt")
    ort: str | None = Field(default=None, description="location: description, Anschrift")
    abgesagt: bool | None = Field(default=None, description="cancelled")
    punkte: list[OParlPunkt] = Field(default_factory=list)
    einladung: OParlDatei | None = Field(default=None, description="invitation")
    niederschrift: OParlDatei | None = Field(default=None, description="resultsProtocol")
    warnungen: list[OParlWarnung] = Field(default_factory=list)


class OParlGremium(_Ergebnis):
    """An Organization."""

    id: str | None = None
    name: str | None = None
    kurzname: str | None = Field(default=None, description="shortName")
    art: str | None = Field(default=None, description="organizationType")
    einordnung: str | None = Field(default=None, description="classification")
    warnungen: list[OParlWarnung] = Field(default_factory=list)


class OParlKoerperschaft(_Ergebnis):
    """A Body."""

    id: str | None = None
    name: str | None = None
    kurzname: str | None = Field(default=None, description="shortName")
    gemeindeschluessel: str | None = Field(default=None, description="ags")
    warnungen: list[OParlWarnung] = Field(default_factory=list)


class OParlSystem(_Ergebnis):
    """A System."""

    id: str | None = None
    name: str | None = None
    version: str | None = Field(default=None, description="oparlVersion")
    hersteller: str | None = Field(default=None, description="vendor")
    produkt: str | None = Field(default=None, description="product")
    warnungen: list[OParlWarnung] = Field(default_factory=list)


#: Any object :func:`vorlagen.oparl.lesen` returns.
OParlObjekt = (
    OParlVorlage
    | OParlBeratung
    | OParlSitzung
    | OParlPunkt
    | OParlDatei
    | OParlGremium
    | OParlKoerperschaft
    | OParlSystem
)
