"""The result of a vote as minutes write it: numbers in, the German sentence out.

Real systems store votes as typed text ("einstimmig12 Ja-Stimmen"); here the numbers are
data and the sentence is made from them, always the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from vorlagen.schemas.niederschrift import Abstimmung, Fraktionsstimmen

__all__ = ["format_abstimmung"]


def _stimmen(anzahl: int, einzahl: str, mehrzahl: str) -> str:
    return f"{anzahl} {einzahl if anzahl == 1 else mehrzahl}"


def _aufzaehlung(teile: Sequence[str]) -> str:
    """``a``, ``a und b``, ``a, b und c``."""
    return teile[0] if len(teile) == 1 else f"{', '.join(teile[:-1])} und {teile[-1]}"


def format_abstimmung(abstimmung: Abstimmung) -> str:
    r"""The Abstimmungsergebnis as a sentence part, with the breakdown per Fraktion if given.

    >>> def a(ja, nein=0, enthaltung=0, **kw):
    ...     return format_abstimmung(Abstimmung(ja=ja, nein=nein, enthaltung=enthaltung, **kw))
    >>> a(14)
    'einstimmig'
    >>> a(12, enthaltung=2), a(12, enthaltung=1)
    ('einstimmig bei 2 Enthaltungen', 'einstimmig bei 1 Enthaltung')
    >>> a(12, 3, 1)
    'mehrheitlich mit 12 Ja-Stimmen, 3 Nein-Stimmen und 1 Enthaltung'
    >>> a(1, 1), a(0, 9)
    ('bei Stimmengleichheit mit 1 Ja-Stimme und 1 Nein-Stimme', 'einstimmig dagegen')
    >>> a(3, 10, 2)
    'mehrheitlich dagegen mit 3 Ja-Stimmen, 10 Nein-Stimmen und 2 Enthaltungen'
    >>> print(a(10, 4, fraktionen=[{"fraktion": "SPD", "ja": 6}, {"fraktion": "CDU", "ja": 4,
    ...       "nein": 2}, {"fraktion": "Grüne", "nein": 2}]).replace("; ", ";\n"))
    mehrheitlich mit 10 Ja-Stimmen und 4 Nein-Stimmen;
    dafür: 10 (6 SPD, 4 CDU), dagegen: 4 (2 CDU, 2 Grüne)
    """
    ja, nein, enthaltung = abstimmung.ja, abstimmung.nein, abstimmung.enthaltung
    if ja + nein == 0:
        satz = f"ohne Ja- und Nein-Stimmen bei {_stimmen(enthaltung, 'Enthaltung', 'Enthaltungen')}"
    elif nein == 0 or ja == 0:
        satz = "einstimmig" if nein == 0 else "einstimmig dagegen"
        if enthaltung:
            satz += f" bei {_stimmen(enthaltung, 'Enthaltung', 'Enthaltungen')}"
    else:
        teile = [
            _stimmen(ja, "Ja-Stimme", "Ja-Stimmen"),
            _stimmen(nein, "Nein-Stimme", "Nein-Stimmen"),
        ]
        if enthaltung:
            teile.append(_stimmen(enthaltung, "Enthaltung", "Enthaltungen"))
        wie = {1: "mehrheitlich", -1: "mehrheitlich dagegen", 0: "bei Stimmengleichheit"}
        satz = f"{wie[(ja > nein) - (ja < nein)]} mit {_aufzaehlung(teile)}"
    if abstimmung.fraktionen:
        satz += f"; {_nach_fraktionen(abstimmung.fraktionen)}"
    return satz


def _nach_fraktionen(fraktionen: Sequence[Fraktionsstimmen]) -> str:
    """``dafür: 10 (6 SPD, 4 CDU), dagegen: 4 (…), Enthaltungen: …``."""
    gruppen = []
    for name, feld in (("dafür", "ja"), ("dagegen", "nein"), ("Enthaltungen", "enthaltung")):
        stimmen = [(getattr(f, feld), f.fraktion) for f in fraktionen if getattr(f, feld)]
        if stimmen:
            summe = sum(anzahl for anzahl, _ in stimmen)
            liste = ", ".join(f"{anzahl} {fraktion}" for anzahl, fraktion in stimmen)
            gruppen.append(f"{name}: {summe} ({liste})")
    return ", ".join(gruppen)
