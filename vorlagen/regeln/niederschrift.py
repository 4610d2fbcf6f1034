"""The checks of the minutes.

Who signs, a result for each decision, the votes of members who were befangen; and the
checks of the meeting.
"""

from __future__ import annotations

from collections import Counter

from vorlagen.regeln.befund import Befund, Schwere
from vorlagen.regeln.geschaeftsordnung import Geschaeftsordnung, Koerperschaftsart
from vorlagen.regeln.sitzung import sitzung_befunde
from vorlagen.regeln.vorlage import ist_gesetzlich
from vorlagen.schemas import Ergebnis, Niederschrift, Sitzungsvorlage, Zustaendigkeit

__all__ = ["niederschrift_befunde"]


def niederschrift_befunde(n: Niederschrift, go: Geschaeftsordnung) -> list[Befund]:
    """Every finding on the minutes ``n``, and on its meeting (below ``sitzung``)."""
    art = go.art(n.sitzung.koerperschaft)
    befunde = [*_vorsitz(n, go, art), *_ergebnisse(n, go, art)]
    for nummer, ergebnis in enumerate(n.ergebnisse):
        befunde += _befangen(n, ergebnis, nummer, go, art)
    return befunde + sitzung_befunde(n.sitzung, go, "sitzung")


def _niederschrift_stelle(n: Niederschrift, go: Geschaeftsordnung, art: Koerperschaftsart) -> str:
    """Where the law asks for the minutes of this meeting's Gremium.

    § 37 KrO NRW for the Kreistag and the Kreisausschuss, § 52 GO NRW for the Rat; for
    another committee the Geschäftsordnung.
    """
    if ist_gesetzlich(n.sitzung.gremium, go, art):
        return "§ 37 KrO NRW" if art == "kreis" else "§ 52 GO NRW"
    return go.stelle(go.niederschrift_paragraph, "Niederschrift")


def _vorsitz(n: Niederschrift, go: Geschaeftsordnung, art: Koerperschaftsart) -> list[Befund]:
    vorsitz = n.sitzung.vorsitz.name
    if any(m.name == vorsitz for m in n.anwesend) or any(t.name == vorsitz for t in n.verwaltung):
        return []
    leitung = [m.name for m in n.anwesend if m.rolle and "vorsitz" in m.rolle.casefold()]
    wer = f"die Leitung ({', '.join(leitung)})" if leitung else "wer die Sitzung leitete"
    return [
        Befund(
            schwere=Schwere.WARNUNG,
            regel="unterschrift-vorsitz",
            feld="anwesend",
            meldung=f"{n.sitzung.vorsitz.funktion} {vorsitz} ist nicht als anwesend geführt: "
            f"die Niederschrift unterzeichnet {wer} mit der Schriftführung "
            f"({n.schriftfuehrung}); die Anwesenheit prüfen",
            quelle=_niederschrift_stelle(n, go, art),
        )
    ]


def _entscheidet(v: Sitzungsvorlage, n: Niederschrift) -> bool:
    """Whether the meeting decides (or approves) on the paper, by its Beratungsfolge."""
    tag = n.sitzung.beginn.date()
    return any(
        b.gremium == n.sitzung.gremium
        and b.sitzungsdatum == tag
        and b.zustaendigkeit in (Zustaendigkeit.ENTSCHEIDUNG, Zustaendigkeit.GENEHMIGUNG)
        for b in v.beratungsfolge
    )


def _ergebnisse(n: Niederschrift, go: Geschaeftsordnung, art: Koerperschaftsart) -> list[Befund]:
    vorhanden = {(e.top, e.unterpunkt) for e in n.ergebnisse}
    befunde = []
    for nummer, top in enumerate(n.sitzung.tagesordnung, start=1):
        if (n.teil == "oeffentlich" and not top.oeffentlich) or (
            n.teil == "nichtoeffentlich" and top.oeffentlich
        ):
            continue
        punkte: list[tuple[int | None, Sitzungsvorlage | None, str]] = [
            (None, top.vorlage, f"tagesordnung.{nummer - 1}")
        ]
        punkte += [
            (u, p.vorlage, f"tagesordnung.{nummer - 1}.unterpunkte.{u - 1}")
            for u, p in enumerate(top.unterpunkte, start=1)
        ]
        for unterpunkt, vorlage, ort in punkte:
            if vorlage is None or not _entscheidet(vorlage, n) or (nummer, unterpunkt) in vorhanden:
                continue
            punkt = f"{nummer}" if unterpunkt is None else f"{nummer}.{unterpunkt}"
            angabe = f"top: {nummer}" + (f", unterpunkt: {unterpunkt}" if unterpunkt else "")
            befunde.append(
                Befund(
                    schwere=Schwere.FEHLER,
                    regel="ergebnis-fehlt",
                    feld=f"sitzung.{ort}",
                    meldung=f"über die Vorlage {vorlage.nummer} (Punkt {punkt}) entscheidet "
                    "die Sitzung, die Niederschrift hat kein Ergebnis: ein Ergebnis mit "
                    f"„{angabe}“ aufnehmen (auch „vertagt“ oder „zurückgezogen“)",
                    quelle=_niederschrift_stelle(n, go, art),
                )
            )
    return befunde


def _befangen(
    n: Niederschrift, ergebnis: Ergebnis, nummer: int, go: Geschaeftsordnung, art: Koerperschaftsart
) -> list[Befund]:
    quelle = (
        "§ 31 GO NRW, § 43 Abs. 2 GO NRW"
        if art == "gemeinde"
        else go.stelle(go.befangenheit_paragraph, "Befangenheit")
    )
    bekannt = {m.name for m in n.anwesend} | {t.name for t in n.verwaltung}
    befunde = [
        Befund(
            schwere=Schwere.WARNUNG,
            regel="befangen-anwesend",
            feld=f"ergebnisse.{nummer}.befangen.{i}",
            meldung=f"{name} ist als befangen geführt, aber nicht als anwesend: den Namen wie "
            "in „anwesend“ schreiben",
            quelle=quelle,
        )
        for i, name in enumerate(ergebnis.befangen)
        if name not in bekannt
    ]
    return befunde + _befangen_abgestimmt(n, ergebnis, nummer, quelle)


def _befangen_abgestimmt(
    n: Niederschrift, ergebnis: Ergebnis, nummer: int, quelle: str
) -> list[Befund]:
    """Whether a Fraktion cast more votes than its members present who were not befangen."""
    if ergebnis.abstimmung is None:
        return []
    mitglieder = {m.name: m for m in n.anwesend}
    anwesend = Counter(m.fraktion for m in n.anwesend if m.fraktion)
    befangen = Counter(
        mitglieder[name].fraktion for name in ergebnis.befangen if name in mitglieder
    )
    befunde = []
    for i, stimmen in enumerate(ergebnis.abstimmung.fraktionen):
        abgegeben = stimmen.ja + stimmen.nein + stimmen.enthaltung
        moeglich = anwesend[stimmen.fraktion] - befangen[stimmen.fraktion]
        if stimmen.fraktion in anwesend and abgegeben > moeglich and befangen[stimmen.fraktion]:
            befunde.append(
                Befund(
                    schwere=Schwere.FEHLER,
                    regel="befangen-abgestimmt",
                    feld=f"ergebnisse.{nummer}.abstimmung.fraktionen.{i}",
                    meldung=f"die Fraktion {stimmen.fraktion} hat {abgegeben} Stimmen, aber nur "
                    f"{moeglich} ihrer Mitglieder durften mitstimmen ({anwesend[stimmen.fraktion]} "
                    f"anwesend, {befangen[stimmen.fraktion]} befangen): wer befangen ist, stimmt "
                    "nicht mit",
                    quelle=quelle,
                )
            )
    return befunde
