"""The checks of one paper.

Its Anlagen, the cover of unplanned spending, its number, a Dringlichkeitsentscheidung put
to the council, a decision prepared as the rules say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

from vorlagen.regeln.befund import Befund, Schwere
from vorlagen.regeln.geschaeftsordnung import Geschaeftsordnung, Koerperschaftsart
from vorlagen.schemas import Sitzungsvorlage, Vorlagenart, Zustaendigkeit

__all__ = ["grund_befunde", "ist_gesetzlich", "ist_vertretung", "texte", "vorlage_befunde"]

#: The source of the checks that follow from the paper itself, not from a rule of law.
AUFBAU: Final = "Aufbau der Vorlage"
_TEXTFELDER: Final = (
    "beschlussvorschlag",
    "sachdarstellung",
    "finanzielle_auswirkungen",
    "klimarelevanz",
)
# "Anlage 3", "Anlagen 1 und 2", "Anlagen 1, 2 und 4", "Anlagen 2 bis 4", "Anlage II"; not
# "PV-Anlage 2027" (a compound), not "Anlage 3 zur Hauptsatzung" (another document's)
_NUMMER: Final = r"(?:\d{1,2}|[IVX]{1,4})\b"
_ANLAGEN: Final = re.compile(
    rf"(?<![\w-])Anlagen?\s+({_NUMMER}(?:\s*(?:,|und|bis)\s*{_NUMMER})*)"
    r"(?!\s*(?:zu[mr]?|der|des)\s)",
    re.IGNORECASE,
)
_ROEMISCH: Final = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8,
                    "IX": 9, "X": 10}  # fmt: skip
# a sentence that says how the spending is covered, not that it is not
_DECKUNG: Final = re.compile(r"\b(?:Deckung|gedeckt)\b", re.IGNORECASE)
_VERNEINT: Final = re.compile(r"\b(?:nicht|keine?|ohne)\b", re.IGNORECASE)


def vorlage_befunde(v: Sitzungsvorlage, go: Geschaeftsordnung, pfad: str = "") -> list[Befund]:
    """Every finding on paper ``v``; ``pfad`` is its place in what is checked (a meeting)."""
    art = go.art(v.koerperschaft)
    grund = (
        []
        if v.oeffentlich
        else grund_befunde(v.nichtoeffentlich_grund, go, _ort(pfad, "nichtoeffentlich_grund"))
    )
    return [
        *grund,
        *_anlagen(v, pfad),
        *_deckung(v, go, art, pfad),
        *_nummer(v, go, pfad),
        *_dringlichkeit(v, go, art, pfad),
        *_vorberatung(v, go, art, pfad),
    ]


def texte(value: Any) -> Iterator[str]:
    """Every text in a model's content (rich content, lists, tables), in order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("typ", "daten", "stil", "ausrichtung"):
                yield from texte(item)
    elif isinstance(value, list):
        for item in value:
            yield from texte(item)


def _ort(pfad: str, feld: str) -> str:
    return f"{pfad}.{feld}" if pfad else feld


def _genannte_anlagen(text: str) -> set[int]:
    """The numbers of the Anlagen a text names.

    >>> sorted(_genannte_anlagen("siehe Anlagen 1 und 3; Anlage 5, Anlagen 6 bis 8"))
    [1, 3, 5, 6, 7, 8]
    >>> sorted(_genannte_anlagen("Anlagen 1 und 2 bis 4; Anlage II; Anlage 3 zur Satzung"))
    [1, 2, 3, 4]
    >>> sorted(_genannte_anlagen("die PV-Anlage 2027; Anlage 2 – 15 Seiten"))
    [2]
    """
    found: set[int] = set()
    for match in _ANLAGEN.finditer(text):
        teile = re.split(r"\s*(?:,|\bund\b)\s*", match[1])
        for teil in teile:
            grenzen = [_zahl(n) for n in re.split(r"\s*\bbis\b\s*", teil)]
            if len(grenzen) == 2 and grenzen[0] <= grenzen[1] <= grenzen[0] + 20:
                found.update(range(grenzen[0], grenzen[1] + 1))
            else:
                found.update(grenzen)
    return found


def _zahl(text: str) -> int:
    return int(text) if text.isdigit() else _ROEMISCH.get(text.upper(), 0)


def _anlagen(v: Sitzungsvorlage, pfad: str) -> list[Befund]:
    befunde: list[Befund] = []
    genannt: set[int] = set()
    data = v.model_dump(mode="json", include=set(_TEXTFELDER))
    for feld in _TEXTFELDER:
        nummern = set().union(*(_genannte_anlagen(t) for t in texte(data.get(feld))))
        genannt |= nummern
        fehlen = sorted(n for n in nummern if not 1 <= n <= len(v.anlagen))
        if not fehlen:
            continue
        vorhanden = {0: "hat keine Anlagen", 1: "hat nur eine Anlage"}.get(
            len(v.anlagen), f"hat nur {len(v.anlagen)} Anlagen"
        )
        genannte = " und ".join(
            [", ".join(f"{n}" for n in fehlen[:-1]), str(fehlen[-1])]
            if len(fehlen) > 1
            else [str(fehlen[0])]
        )
        befunde.append(
            Befund(
                schwere=Schwere.FEHLER,
                regel="anlage-fehlt",
                feld=_ort(pfad, feld),
                meldung=f"der Text nennt Anlage {genannte}, die Vorlage {vorhanden}: die "
                "Anlage in „anlagen“ aufführen oder den Verweis berichtigen",
                quelle=AUFBAU,
            )
        )
    for nummer, anlage in enumerate(v.anlagen, start=1):
        if nummer not in genannt:
            befunde.append(
                Befund(
                    schwere=Schwere.HINWEIS,
                    regel="anlage-unerwaehnt",
                    feld=_ort(pfad, f"anlagen.{nummer - 1}"),
                    meldung=f"Anlage {nummer} („{anlage.titel}“) wird im Text nicht genannt: "
                    f"in der Sachdarstellung auf „Anlage {nummer}“ verweisen",
                    quelle=AUFBAU,
                )
            )
    return befunde


def _deckung(
    v: Sitzungsvorlage, go: Geschaeftsordnung, art: Koerperschaftsart, pfad: str
) -> list[Befund]:
    finanzen = v.finanzielle_auswirkungen
    if finanzen is None:
        return []
    ungeplant = [
        (n, p) for n, p in enumerate(finanzen.positionen) if p.veranschlagung != "planmäßig"
    ]
    erlaeuterung = " ".join(texte(finanzen.model_dump(mode="json").get("erlaeuterung")))
    saetze = re.split(r"(?<=[.!?])\s+", erlaeuterung)
    gedeckt = any(_DECKUNG.search(satz) and not _VERNEINT.search(satz) for satz in saetze)
    if not ungeplant or gedeckt:
        return []
    nummer, position = ungeplant[0]
    quelle = (
        "§ 83 Abs. 1 Satz 2 GO NRW"
        if art == "gemeinde"
        else go.stelle(go.deckung_paragraph, "Deckung über- und außerplanmäßiger Aufwendungen")
    )
    return [
        Befund(
            schwere=Schwere.FEHLER,
            regel="deckung-fehlt",
            feld=_ort(pfad, "finanzielle_auswirkungen.erlaeuterung"),
            meldung=f"„{position.bezeichnung}“ ist {position.veranschlagung} (Position "
            f"{nummer + 1}), die Erläuterung nennt keine Deckung: angeben, wodurch die "
            "Aufwendungen im Haushaltsjahr gedeckt sind",
            quelle=quelle,
        )
    ]


def _nummer(v: Sitzungsvorlage, go: Geschaeftsordnung, pfad: str) -> list[Befund]:
    if go.nummernmuster is None or re.fullmatch(go.nummernmuster, v.nummer):
        return []
    return [
        Befund(
            schwere=Schwere.FEHLER,
            regel="nummer-muster",
            feld=_ort(pfad, "nummer"),
            meldung=f"die Vorlagen-Nr. „{v.nummer}“ folgt nicht dem Muster {go.nummernmuster}",
            quelle=go.stelle(go.nummernmuster_paragraph, "Vorlagen-Nr."),
        )
    ]


def grund_befunde(grund: str | None, go: Geschaeftsordnung, feld: str) -> list[Befund]:
    """Whether a reason for a non-public item is one the Geschäftsordnung allows."""
    if grund is None or any(g.passt(grund) for g in go.nichtoeffentlich_gruende):
        return []
    katalog = "; ".join(g.bezeichnung for g in go.nichtoeffentlich_gruende)
    return [
        Befund(
            schwere=Schwere.FEHLER,
            regel="nichtoeffentlich-grund",
            feld=feld,
            meldung=f"der Grund „{grund}“ steht nicht im Katalog der Geschäftsordnung "
            f"({katalog}): einen Grund daraus nennen oder den Punkt öffentlich beraten",
            quelle=go.stelle(go.nichtoeffentlich_paragraph, "Ausschluss der Öffentlichkeit"),
        )
    ]


def ist_vertretung(gremium: str, go: Geschaeftsordnung, art: Koerperschaftsart) -> bool:
    """Whether ``gremium`` is the body's council (Kreistag, Rat).

    >>> go = Geschaeftsordnung()
    >>> ist_vertretung("Rat der Stadt Lindenau", go, "gemeinde"), ist_vertretung(
    ...     "Beirat für Menschen mit Behinderung", go, "gemeinde")
    (True, False)
    """
    if go.vertretung is not None:
        return gremium == go.vertretung
    if art == "kreis":
        return gremium.startswith("Kreistag")
    return re.match(r"(Stadt|Gemeinde)?[Rr]at\b", gremium) is not None


def ist_gesetzlich(gremium: str, go: Geschaeftsordnung, art: Koerperschaftsart) -> bool:
    """Whether the law's rules on meetings name ``gremium``.

    The council, and for a Kreis also the Kreisausschuss (§ 52 Abs. 3 KrO NRW).
    """
    kreisausschuss = art == "kreis" and gremium.startswith("Kreisausschuss")
    return ist_vertretung(gremium, go, art) or kreisausschuss


def _dringlichkeit(
    v: Sitzungsvorlage, go: Geschaeftsordnung, art: Koerperschaftsart, pfad: str
) -> list[Befund]:
    if v.art is not Vorlagenart.DRINGLICHKEITSENTSCHEIDUNG:
        return []
    # the council approves (§ 60 Abs. 1 GO NRW), or the committee that was to decide (Abs. 2)
    if any(b.zustaendigkeit is Zustaendigkeit.GENEHMIGUNG for b in v.beratungsfolge):
        return []
    vertretung = go.vertretung or ("Kreistag" if art == "kreis" else "Rat")
    quelle = (
        "§ 60 GO NRW"
        if art == "gemeinde"
        else go.stelle(go.dringlichkeit_paragraph, "Dringlichkeitsentscheidung")
    )
    return [
        Befund(
            schwere=Schwere.FEHLER,
            regel="dringlichkeit-genehmigung",
            feld=_ort(pfad, "beratungsfolge"),
            meldung=f"eine Dringlichkeitsentscheidung ist dem {vertretung} (oder dem Ausschuss, "
            "für den entschieden wurde) in seiner nächsten Sitzung zur Genehmigung vorzulegen: "
            "die Beratungsfolge um diese Sitzung mit der Zuständigkeit „Genehmigung“ ergänzen",
            quelle=quelle,
        )
    ]


def _vorberatung(
    v: Sitzungsvorlage, go: Geschaeftsordnung, art: Koerperschaftsart, pfad: str
) -> list[Befund]:
    regeln = go.vorberatung_fuer(art)
    befunde: list[Befund] = []
    for regel in regeln:
        for nummer, beratung in enumerate(v.beratungsfolge):
            if (
                beratung.zustaendigkeit is not Zustaendigkeit.ENTSCHEIDUNG
                or beratung.gremium != regel.entscheidung
            ):
                continue
            vorher = [
                b
                for n, b in enumerate(v.beratungsfolge)
                if b.gremium in regel.vorberatung
                and (b.sitzungsdatum, n) < (beratung.sitzungsdatum, nummer)
            ]
            if vorher:
                continue
            wer = " oder ".join(f"„{g}“" for g in regel.vorberatung)
            befunde.append(
                Befund(
                    # the default (a Kreis' Kreisausschuss) is a presumption: a warning
                    schwere=Schwere.FEHLER if go.vorberatung is not None else Schwere.WARNUNG,
                    regel="vorberatung-fehlt",
                    feld=_ort(pfad, f"beratungsfolge.{nummer}"),
                    meldung=f"vor der Entscheidung im Gremium „{beratung.gremium}“ berät {wer} "
                    "vor: die Vorberatung mit früherem Sitzungsdatum in die Beratungsfolge "
                    "aufnehmen",
                    quelle=go.stelle(regel.paragraph, "Vorberatung"),
                )
            )
    return befunde
