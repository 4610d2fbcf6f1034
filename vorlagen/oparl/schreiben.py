"""A paper or a meeting as OParl 1.1, strictly, for a council information system to publish.

Every object has the 1.1 type URL, an id below the body's URL (``base_url``), and
``created``/``modified`` as given (a time or a clock: never the time of the call unless the
caller's clock says so). Optional fields without a value are left out: no ``null``, no
``""``, no ``[]``. Ids are built from what identifies a thing in the paper (its number, a
Gremium's name, a meeting's Gremium and date), so that a paper and its meeting, exported
apart, point at each other: an agenda item's ``consultation`` is the id of the Consultation
its paper's export has for that Gremium on that day.

What is not public is exported only on request, and then as its number (or label) and a
neutral name, with nothing else of it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from io import BytesIO
from typing import Any, Final
from zoneinfo import ZoneInfo

from vorlagen.formatting import Hausstil
from vorlagen.formatting.tagesordnung import top_nummern
from vorlagen.schemas import (
    Sitzung,
    Sitzungsvorlage,
    Tagesordnungspunkt,
    Unterpunkt,
    Vorlagenart,
    Zustaendigkeit,
)

__all__ = ["Zeit", "to_meeting", "to_paper"]

#: A point in time, or a clock that gives one (called once per export).
Zeit = datetime | Callable[[], datetime]

_TYPE: Final = "https://schema.oparl.org/1.1/"
#: Times without a zone are the body's local time.
_ZONE: Final = ZoneInfo("Europe/Berlin")
NICHTOEFFENTLICHE_VORLAGE: Final = "Nichtöffentliche Vorlage"
NICHTOEFFENTLICHER_PUNKT: Final = "Nichtöffentlicher Tagesordnungspunkt"
_MIME_PDF: Final = "application/pdf"
_MIME_DOCX: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# papers that a Fraktion or members bring in: the organisation named is their originator
_EINGEBRACHT: Final = frozenset({Vorlagenart.ANTRAG, Vorlagenart.ANFRAGE})


def to_paper(
    vorlage: Sitzungsvorlage,
    *,
    base_url: str,
    erstellt: Zeit,
    geaendert: Zeit | None = None,
    datei: bytes | None = None,
    dateiname: str | None = None,
    datei_url: str | None = None,
    nichtoeffentlich: bool = False,
) -> dict[str, Any]:
    """The paper as an OParl 1.1 Paper, its Beratungsfolge as its Consultations.

    Args:
        vorlage: the paper.
        base_url: the URL of the body in the OParl API (``https://ris.example/oparl/body/1``);
            every id is built below it.
        erstellt: when the paper was created (``created``); a naive time is German time.
        geaendert: when it was last changed (``modified``); ``erstellt`` if not given.
        datei: the rendered document (PDF or DOCX) to publish as ``mainFile``, with its
            size and SHA-512 checksum; one rendered by this library must be this paper's
            public version (``fassung="oeffentlich"``).
        dateiname: the file's name (``fileName``); by default the paper's number and type.
        datei_url: where the file can be fetched (``accessUrl``); by default below the
            file's id.
        nichtoeffentlich: export a non-public paper (as its number and a neutral name only).

    The Gremium of each Beratung and the paper's Federführung are Organization references
    built from the base URL (``underDirectionOf``; for an Antrag or an Anfrage, who brings
    it in: ``originatorOrganization``). A Consultation's ``role`` is the Zuständigkeit,
    ``authoritative`` is true exactly for the Entscheidung.

    Raises:
        ValueError: ``base_url`` is no http(s) URL, a time is not a datetime, the paper is
            not public and ``nichtoeffentlich`` is not set, or ``datei`` is no PDF or DOCX,
            or one of another paper, or an internal version.
    """
    urls = _Urls(base_url)
    stamps = _stamps(erstellt, geaendert)
    paper_id = urls.paper(vorlage.nummer)
    if not vorlage.oeffentlich:
        if not nichtoeffentlich:
            msg = (
                f"Vorlage {vorlage.nummer} ist nichtöffentlich: nur auf ausdrücklichen Wunsch "
                "auszugeben (nichtoeffentlich=True, auf der Kommandozeile --nichtoeffentlich), "
                "dann nur mit Nummer und neutralem Namen"
            )
            raise ValueError(msg)
        return _clean(
            {
                "id": paper_id,
                "type": _TYPE + "Paper",
                "body": urls.base,
                "name": NICHTOEFFENTLICHE_VORLAGE,
                "reference": vorlage.nummer,
                **stamps,
            }
        )
    organisation = [urls.organization(vorlage.federfuehrung)]
    eingebracht = vorlage.art in _EINGEBRACHT
    paper = {
        "id": paper_id,
        "type": _TYPE + "Paper",
        "body": urls.base,
        "name": vorlage.betreff,
        "reference": vorlage.nummer,
        "date": vorlage.datum.isoformat(),
        "paperType": vorlage.art.value,
        "mainFile": _file(vorlage, urls, stamps, datei, dateiname, datei_url),
        "originatorOrganization": organisation if eingebracht else None,
        "underDirectionOf": None if eingebracht else organisation,
        "consultation": [
            _consultation(vorlage, stelle, urls, stamps)
            for stelle in range(len(vorlage.beratungsfolge))
        ],
        **stamps,
    }
    return _clean(paper)


def to_meeting(
    sitzung: Sitzung,
    *,
    base_url: str,
    erstellt: Zeit,
    geaendert: Zeit | None = None,
    hausstil: Hausstil | None = None,
    nichtoeffentlich: bool = False,
) -> dict[str, Any]:
    """The meeting as an OParl 1.1 Meeting, its Tagesordnung as its AgendaItems.

    Each item (Unterpunkte after their item) has ``number``, the label the documents print
    ("Ö 3", "Ö 5.1": by the Hausstil's ``top_nummern``), ``order`` from 0, ``public``, its
    title as ``name`` and, where it has a paper whose Beratungsfolge names this Gremium on
    this day, ``consultation``: the id of that Consultation in the paper's export. The
    non-public items are left out unless ``nichtoeffentlich`` is set; then each has its
    label and a neutral name only.

    Raises:
        ValueError: ``base_url`` is no http(s) URL or a time is not a datetime.
    """
    urls = _Urls(base_url)
    stamps = _stamps(erstellt, geaendert)
    meeting_id = urls.meeting(sitzung)
    labels = top_nummern(sitzung, hausstil or Hausstil())
    items = [
        _agenda_item(sitzung, punkt, public, labels[id(punkt)], urls, stamps)
        for punkt, public in _punkte(sitzung)
        if public or nichtoeffentlich
    ]
    for order, item in enumerate(items):
        item["id"] = f"{meeting_id}/agendaitem/{order}"
        item["order"] = order
    ort = ", ".join(filter(None, (sitzung.ort, sitzung.raum)))
    meeting = {
        "id": meeting_id,
        "type": _TYPE + "Meeting",
        "name": sitzung.bezeichnung,
        "start": _timestamp(sitzung.beginn),
        "end": _timestamp(sitzung.ende) if sitzung.ende is not None else None,
        "location": {
            "id": urls.location(ort),
            "type": _TYPE + "Location",
            "description": ort,
            **stamps,
        },
        "organization": [urls.organization(sitzung.gremium)],
        "agendaItem": items,
        **stamps,
    }
    return _clean(meeting)


# -- parts ------------------------------------------------------------------------------------


def _consultation(
    vorlage: Sitzungsvorlage, stelle: int, urls: _Urls, stamps: Mapping[str, str]
) -> dict[str, Any]:
    beratung = vorlage.beratungsfolge[stelle]
    return {
        "id": urls.consultation(vorlage.nummer, stelle),
        "type": _TYPE + "Consultation",
        "paper": urls.paper(vorlage.nummer),
        "organization": [urls.organization(beratung.gremium)],
        "role": beratung.zustaendigkeit.value,
        "authoritative": beratung.zustaendigkeit is Zustaendigkeit.ENTSCHEIDUNG,
        **stamps,
    }


def _file(
    vorlage: Sitzungsvorlage,
    urls: _Urls,
    stamps: Mapping[str, str],
    data: bytes | None,
    file_name: str | None,
    access_url: str | None,
) -> dict[str, Any] | None:
    """The rendered document as a File: name, size, checksum, where to fetch it."""
    if data is None:
        return None
    mime_type, extension = _kind(data)
    _published_version(vorlage, data, mime_type)
    file_id = urls.file(vorlage.nummer)
    file_name = file_name or f"{vorlage.art.value} {_slug(vorlage.nummer)}.{extension}"
    return {
        "id": file_id,
        "type": _TYPE + "File",
        "name": f"{vorlage.art.value} {vorlage.nummer}",
        "fileName": file_name,
        "mimeType": mime_type,
        "date": vorlage.datum.isoformat(),
        "size": len(data),
        "sha512Checksum": hashlib.sha512(data).hexdigest(),
        "accessUrl": access_url or f"{file_id}/{_slug(file_name.rpartition('.')[0])}.{extension}",
        **stamps,
    }


def _published_version(vorlage: Sitzungsvorlage, data: bytes, mime_type: str) -> None:
    """Refuse a document of this library that is not the public version of this paper.

    A document made elsewhere carries no data to tell; one made by this library does.
    """
    from vorlagen.daten import carried
    from vorlagen.errors import DataError

    if mime_type == _MIME_PDF:
        from vorlagen.pdfdaten import pdf_payload

        try:
            payload: dict[str, Any] | None = pdf_payload(data)[0]
        except DataError:
            payload = None
    else:
        payload = carried(data)
    if payload is None:
        return
    found = payload.get("vorlage")
    carries: dict[str, Any] = found if isinstance(found, dict) else {}
    if carries.get("nummer") != vorlage.nummer:
        msg = (
            f"datei: das Dokument ist das der Vorlage {carries.get('nummer')}, nicht der "
            f"Vorlage {vorlage.nummer}"
        )
        raise ValueError(msg)
    if carries.get("fassung") != "oeffentlich":
        msg = (
            "datei: das Dokument ist die interne Fassung (mit Sachbearbeitung): zu "
            'veröffentlichen ist die öffentliche, render(…, fassung="oeffentlich") oder auf der '
            "Kommandozeile render --oeffentlich"
        )
        raise ValueError(msg)


def _kind(data: bytes) -> tuple[str, str]:
    """The MIME type and file extension of a rendered document."""
    if data.startswith(b"%PDF-"):
        return _MIME_PDF, "pdf"
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            if "word/document.xml" in z.namelist():
                return _MIME_DOCX, "docx"
    except zipfile.BadZipFile:
        pass
    msg = "datei: weder PDF noch DOCX (erwartet: das gerenderte Dokument der Vorlage)"
    raise ValueError(msg)


def _punkte(sitzung: Sitzung) -> Iterator[tuple[Tagesordnungspunkt | Unterpunkt, bool]]:
    """Every item and Unterpunkt in order, and whether it is public."""
    for top in sitzung.tagesordnung:
        yield top, top.oeffentlich
        for unterpunkt in top.unterpunkte:
            yield unterpunkt, top.oeffentlich


def _agenda_item(
    sitzung: Sitzung,
    punkt: Tagesordnungspunkt | Unterpunkt,
    public: bool,
    label: str,
    urls: _Urls,
    stamps: Mapping[str, str],
) -> dict[str, Any]:
    """An agenda item; its id and order follow once the items to export are chosen."""
    item: dict[str, Any] = {
        "id": None,
        "type": _TYPE + "AgendaItem",
        "meeting": urls.meeting(sitzung),
        "number": label.replace("\xa0", " "),
        "order": None,
        "name": punkt.titel if public else NICHTOEFFENTLICHER_PUNKT,
        "public": public,
    }
    day = sitzung.beginn.date()
    if public and punkt.vorlage is not None:
        for stelle, beratung in enumerate(punkt.vorlage.beratungsfolge):
            if beratung.gremium == sitzung.gremium and beratung.sitzungsdatum == day:
                item["consultation"] = urls.consultation(punkt.vorlage.nummer, stelle)
                break
    return {**item, **stamps}


# -- ids, times, values -----------------------------------------------------------------------


class _Urls:
    """The ids of the exported objects, below the body's URL."""

    def __init__(self, base_url: str) -> None:
        base = base_url.strip().rstrip("/")
        if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", base):
            msg = (
                f"base_url: keine http(s)-URL ohne Abfrage und Anker: „{base_url}“ "
                "(erwartet z. B. „https://ris.kreis-lindenau.de/oparl/body/1“)"
            )
            raise ValueError(msg)
        self.base = base

    def paper(self, nummer: str) -> str:
        return f"{self.base}/paper/{_slug(nummer)}"

    def consultation(self, nummer: str, stelle: int) -> str:
        """The Consultation of a paper's Beratung at ``stelle`` (from 0) of its Beratungsfolge."""
        return f"{self.base}/consultation/{_slug(nummer)}-{stelle + 1}"

    def organization(self, name: str) -> str:
        return f"{self.base}/organization/{_slug(name)}"

    def file(self, nummer: str) -> str:
        return f"{self.base}/file/{_slug(nummer)}"

    def meeting(self, sitzung: Sitzung) -> str:
        tag = sitzung.beginn.date().isoformat()
        return f"{self.base}/meeting/{_slug(sitzung.gremium)}-{tag}-{sitzung.nummer}"

    def location(self, ort: str) -> str:
        return f"{self.base}/location/{_slug(ort)}"


_UMLAUTE: Final = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _slug(text: str) -> str:
    """A part of a URL for a number or a name: lower case, ASCII, words joined by "-".

    >>> _slug("0187/2026"), _slug("Ausschuss für Schule und Bildung")
    ('0187-2026', 'ausschuss-fuer-schule-und-bildung')
    """
    composed = unicodedata.normalize("NFC", text).lower()
    ascii_text = composed.translate(_UMLAUTE).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def _stamps(erstellt: Zeit, geaendert: Zeit | None) -> dict[str, str]:
    created = _timestamp(_at(erstellt, "erstellt"))
    modified = _timestamp(_at(geaendert, "geaendert")) if geaendert is not None else created
    return {"created": created, "modified": modified}


def _at(zeit: Zeit, name: str) -> datetime:
    value = zeit() if callable(zeit) else zeit
    if not isinstance(value, datetime):
        msg = f"{name}: ein Zeitpunkt (datetime) oder eine Uhr, die einen gibt, erwartet"
        raise ValueError(msg)
    return value


def _timestamp(value: datetime) -> str:
    """A time as OParl writes it: ``2026-12-09T17:00:00+01:00`` (naive: German time)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=_ZONE)
    return value.isoformat(timespec="seconds")


def _clean(value: dict[str, Any]) -> dict[str, Any]:
    """An object without ``None``, ``""``, ``[]`` and ``{}`` in it (``False`` and 0 stay)."""
    cleaned = {k: _cleaned(v) for k, v in value.items()}
    return {k: v for k, v in cleaned.items() if not _empty(v)}


def _cleaned(value: Any) -> Any:
    if isinstance(value, dict):
        return _clean(value)
    if isinstance(value, list):
        return [c for c in (_cleaned(v) for v in value) if not _empty(c)]
    return value


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)
