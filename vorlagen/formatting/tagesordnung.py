"""The labels of a Tagesordnung: "Ö 3", "N 1", "Ö 2.1", in the scheme a house style chooses.

A TOP carries no number; its label follows from its place in the public or the non-public
part. In the scheme "1.", the numbers run on through both parts, headed "A." and "B.".
"""

from __future__ import annotations

from typing import Final

from vorlagen.formatting.hausstil import Hausstil
from vorlagen.formatting.werte import NBSP
from vorlagen.schemas import Sitzung, Teil

__all__ = ["teil_titel", "top_nummern"]

_TEILE: Final = {True: ("A", "Öffentlicher Teil"), False: ("B", "Nichtöffentlicher Teil")}


def top_nummern(sitzung: Sitzung, stil: Hausstil) -> dict[int, str]:
    """The label of each TOP and Unterpunkt of ``sitzung``, by the ``id`` of the object.

    >>> sitzung = Sitzung.model_validate({
    ...     "koerperschaft": "Kreis Lindenau", "gremium": "Kreistag", "nummer": 6,
    ...     "beginn": "2026-12-09T17:00", "ort": "Kreishaus", "einladungsdatum": "2026-11-25",
    ...     "vorsitz": {"funktion": "Landrat", "name": "Bernd Hollmann"},
    ...     "tagesordnung": [
    ...         {"titel": "Eröffnung"},
    ...         {"titel": "Radwege", "unterpunkte": [{"titel": "Bericht"}, {"titel": "Plan"}]},
    ...         {"titel": "Personal", "oeffentlich": False, "nichtoeffentlich_grund": "Personal"},
    ...     ]})
    >>> eroeffnung, radwege, personal = sitzung.tagesordnung
    >>> labels = top_nummern(sitzung, Hausstil())
    >>> [labels[id(top)].replace(NBSP, " ") for top in sitzung.tagesordnung]
    ['Ö 1', 'Ö 2', 'N 1']
    >>> labels[id(radwege.unterpunkte[1])].replace(NBSP, " ")
    'Ö 2.2'
    >>> fortlaufend = top_nummern(sitzung, Hausstil(top_nummern="1."))
    >>> fortlaufend[id(personal)], fortlaufend[id(radwege.unterpunkte[0])]
    ('3.', '2.1')
    >>> top_nummern(sitzung, Hausstil(top_nummern="TOP Ö 1"))[id(personal)].replace(NBSP, " ")
    'TOP N 1'
    """
    labels: dict[int, str] = {}
    running = 0
    for teil in (sitzung.oeffentlicher_teil, sitzung.nichtoeffentlicher_teil):
        if teil is None:
            continue
        for position, top in enumerate(teil.tops, start=1):
            running += 1
            number = running if stil.top_nummern == "1." else position
            labels[id(top)] = _label(teil.oeffentlich, str(number), stil, top=True)
            for sub, punkt in enumerate(top.unterpunkte, start=1):
                labels[id(punkt)] = _label(teil.oeffentlich, f"{number}.{sub}", stil, top=False)
    return labels


def _label(oeffentlich: bool, number: str, stil: Hausstil, *, top: bool) -> str:
    if stil.top_nummern == "1.":
        return f"{number}." if top else number
    part = "Ö" if oeffentlich else "N"
    prefix = f"TOP{NBSP}" if stil.top_nummern == "TOP Ö 1" else ""
    return f"{prefix}{part}{NBSP}{number}"


def teil_titel(teil: Teil, stil: Hausstil) -> str:
    """The heading of a part of the Tagesordnung.

    >>> teil = Teil(oeffentlich=False, tops=[])
    >>> teil_titel(teil, Hausstil()), teil_titel(teil, Hausstil(top_nummern="1."))
    ('Nichtöffentlicher Teil', 'B. Nichtöffentlicher Teil')
    """
    letter, title = _TEILE[teil.oeffentlich]
    return f"{letter}. {title}" if stil.top_nummern == "1." else title
