"""The checks of a meeting.

The Ladungsfrist, items added late, the public and the non-public part, each paper's
Beratungsfolge against the meeting, unique paper numbers; and each paper's own checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from vorlagen.regeln.befund import Befund, Schwere
from vorlagen.regeln.geschaeftsordnung import Frist, Geschaeftsordnung, Koerperschaftsart, tage
from vorlagen.regeln.kalender import feiertage, tage_zwischen
from vorlagen.regeln.vorlage import grund_befunde, ist_gesetzlich, ist_vertretung, vorlage_befunde
from vorlagen.schemas import Sitzung, Sitzungsvorlage, Tagesordnungspunkt

__all__ = ["sitzung_befunde"]


def sitzung_befunde(s: Sitzung, go: Geschaeftsordnung, pfad: str = "") -> list[Befund]:
    """Every finding on meeting ``s`` and its papers."""
    art = go.art(s.koerperschaft)
    befunde = [*_ladungsfrist(s, go, art, pfad), *_nummern(s, pfad)]
    for nummer, top in enumerate(s.tagesordnung):
        ort = _ort(pfad, f"tagesordnung.{nummer}")
        befunde += _nachtrag(s, top, go, art, ort)
        befunde += _nichtoeffentlich(top, go, ort)
    for ort, vorlage, oeffentlich in _vorlagen(s, pfad):
        befunde += _beratung(s, vorlage, oeffentlich, go, ort)
        befunde += vorlage_befunde(vorlage, go, ort)
    return befunde


def _ort(pfad: str, feld: str) -> str:
    return f"{pfad}.{feld}" if pfad else feld


def _vorlagen(s: Sitzung, pfad: str) -> Iterator[tuple[str, Sitzungsvorlage, bool]]:
    """Each paper of the meeting, its path and whether its item is public."""
    for nummer, top in enumerate(s.tagesordnung):
        if top.vorlage is not None:
            yield _ort(pfad, f"tagesordnung.{nummer}.vorlage"), top.vorlage, top.oeffentlich
        for unter, punkt in enumerate(top.unterpunkte):
            if punkt.vorlage is not None:
                ort = _ort(pfad, f"tagesordnung.{nummer}.unterpunkte.{unter}.vorlage")
                yield ort, punkt.vorlage, top.oeffentlich


def _datum(tag: date) -> str:
    return tag.strftime("%d.%m.%Y")


def _frist_stelle(
    frist: Frist, go: Geschaeftsordnung, art: Koerperschaftsart, gremium: str, was: str
) -> str:
    """The GeschO's paragraph, and the KrO that leaves the deadline to it.

    The KrO only for the Kreistag and the Kreisausschuss (§ 52 Abs. 3 KrO NRW).
    """
    stelle = go.stelle(frist.paragraph, was)
    gesetzlich = art == "kreis" and ist_gesetzlich(gremium, go, art)
    return f"{stelle}; § 32 Abs. 2 KrO NRW" if gesetzlich else stelle


def _spaetestens(bis: date, frist: Frist, go: Geschaeftsordnung) -> date:
    """The last day to act for ``frist`` days to lie between it and ``bis``."""
    tag = bis - timedelta(days=1)
    while tage_zwischen(tag, bis, frist, go.land, go.samstag_werktag) < frist.tage:
        tag -= timedelta(days=1)
    return tag


def _feiertage_zwischen(von: date, bis: date, land: str) -> list[str]:
    tage = (von + timedelta(days=n) for n in range(1, (bis - von).days))
    return [
        f"{feiertage(land, t.year)[t]} ({_datum(t)})" for t in tage if t in feiertage(land, t.year)
    ]


def _ladungsfrist(
    s: Sitzung, go: Geschaeftsordnung, art: Koerperschaftsart, pfad: str
) -> list[Befund]:
    frist = go.ladungsfrist_dringlich if s.dringlich else go.ladungsfrist
    tag = s.beginn.date()
    zwischen = tage_zwischen(s.einladungsdatum, tag, frist, go.land, go.samstag_werktag)
    if zwischen >= frist.tage:
        return []
    art_der_frist = "die abgekürzte Ladungsfrist" if s.dringlich else "die Ladungsfrist"
    feiertag = _feiertage_zwischen(s.einladungsdatum, tag, go.land)
    zusatz = f" (Feiertage dazwischen: {', '.join(feiertag)})" if feiertag else ""
    return [
        Befund(
            schwere=Schwere.FEHLER,
            regel="ladungsfrist",
            feld=_ort(pfad, "einladungsdatum"),
            meldung=f"zwischen Einladung ({_datum(s.einladungsdatum)}) und Sitzung "
            f"({_datum(tag)}) {'liegt' if zwischen == 1 else 'liegen'} "
            f"{tage(zwischen, frist.zaehlung)}{zusatz}, "
            f"{art_der_frist} verlangt {frist}: spätestens am "
            f"{_datum(_spaetestens(tag, frist, go))} einladen oder die Sitzung verlegen",
            quelle=_frist_stelle(frist, go, art, s.gremium, "Ladungsfrist"),
        )
    ]


def _nachtrag(
    s: Sitzung, top: Tagesordnungspunkt, go: Geschaeftsordnung, art: Koerperschaftsart, ort: str
) -> list[Befund]:
    if top.nachtrag is None or top.dringlich:
        return []
    frist = go.nachtragsfrist
    tag = s.beginn.date()
    if not s.einladungsdatum <= top.nachtrag <= tag:
        wann = "vor der Einladung" if top.nachtrag < s.einladungsdatum else "nach der Sitzung"
        bezug = s.einladungsdatum if top.nachtrag < s.einladungsdatum else tag
        return [
            Befund(
                schwere=Schwere.HINWEIS,
                regel="nachtrag-datum",
                feld=f"{ort}.nachtrag",
                meldung=f"als Nachtrag vom {_datum(top.nachtrag)} geführt, {wann} "
                f"({_datum(bezug)}): das Datum prüfen",
                quelle=go.stelle(frist.paragraph, "Nachtrag"),
            )
        ]
    if tage_zwischen(top.nachtrag, tag, frist, go.land, go.samstag_werktag) >= frist.tage:
        return []
    quelle = go.stelle(frist.paragraph, "Nachtrag")
    if art == "gemeinde" and ist_vertretung(s.gremium, go, art):
        quelle = f"§ 48 Abs. 1 Satz 5 GO NRW; {quelle}"
    return [
        Befund(
            schwere=Schwere.FEHLER,
            regel="nachtrag-dringlichkeit",
            feld=f"{ort}.nachtrag",
            meldung=f"am {_datum(top.nachtrag)} nachgetragen, weniger als {frist} vor der "
            "Sitzung: so spät nur, wenn die Angelegenheit keinen Aufschub duldet oder von "
            "äußerster Dringlichkeit ist („dringlich: true“ und die Dringlichkeit begründen), "
            "sonst in der nächsten Sitzung",
            quelle=quelle,
        )
    ]


def _nichtoeffentlich(top: Tagesordnungspunkt, go: Geschaeftsordnung, ort: str) -> list[Befund]:
    """The reason of a non-public item, where the item gives its own.

    A paper's reason is checked with the paper, where it is written.
    """
    if top.oeffentlich:
        return []
    vorlage = top.vorlage
    if vorlage is not None and top.nichtoeffentlich_grund == vorlage.nichtoeffentlich_grund:
        return []  # the paper's reason: checked with the paper, where it is written
    return grund_befunde(top.nichtoeffentlich_grund, go, f"{ort}.nichtoeffentlich_grund")


def _beratung(
    s: Sitzung, v: Sitzungsvorlage, oeffentlich: bool, go: Geschaeftsordnung, ort: str
) -> list[Befund]:
    tag = s.beginn.date()
    hier = [
        (n, b)
        for n, b in enumerate(v.beratungsfolge)
        if b.gremium == s.gremium and b.sitzungsdatum == tag
    ]
    if not hier:
        return [
            Befund(
                schwere=Schwere.FEHLER,
                regel="beratungsfolge-sitzung",
                feld=f"{ort}.beratungsfolge",
                meldung=f"die Vorlage {v.nummer} nennt „{s.gremium}“ am {_datum(tag)} nicht in "
                "ihrer Beratungsfolge: die Beratungsfolge ergänzen oder den Punkt streichen",
                quelle="Beratungsfolge der Vorlage",
            )
        ]
    befunde = []
    for nummer, beratung in hier:
        if beratung.oeffentlich != oeffentlich:
            soll = "öffentlich" if oeffentlich else "nichtöffentlich"
            ist = "öffentlich" if beratung.oeffentlich else "nichtöffentlich"
            befunde.append(
                Befund(
                    schwere=Schwere.FEHLER,
                    regel="beratung-oeffentlichkeit",
                    feld=f"{ort}.beratungsfolge.{nummer}.oeffentlich",
                    meldung=f"die Vorlage {v.nummer} sieht die Beratung {ist} vor, der Punkt "
                    f"steht im {soll}en Teil: Beratungsfolge oder Tagesordnung angleichen",
                    quelle=go.stelle(go.nichtoeffentlich_paragraph, "Öffentlichkeit"),
                )
            )
    return befunde


def _nummern(s: Sitzung, pfad: str) -> list[Befund]:
    gesehen: dict[str, str] = {}
    befunde = []
    for ort, vorlage, _ in _vorlagen(s, pfad):
        if vorlage.nummer in gesehen:
            befunde.append(
                Befund(
                    schwere=Schwere.FEHLER,
                    regel="nummer-doppelt",
                    feld=f"{ort}.nummer",
                    meldung=f"die Vorlagen-Nr. {vorlage.nummer} steht schon bei "
                    f"{gesehen[vorlage.nummer]}: jede Vorlage braucht ihre eigene Nummer",
                    quelle="Nummerierung der Vorlagen",
                )
            )
        gesehen.setdefault(vorlage.nummer, ort)
    return befunde
