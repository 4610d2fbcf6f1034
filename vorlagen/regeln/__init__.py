"""The council's rules, checked before anything is sent: findings with their legal source.

The model refuses what can never be valid; these checks find what is wrong for this body
on these dates: an Einladung sent too late, an item added after the Einladung without
urgency, a non-public item for a reason the Geschäftsordnung does not allow, a paper whose
Beratungsfolge does not know the meeting, a Dringlichkeitsentscheidung never put to the
council, an Anlage named but missing, unplanned spending without its cover, minutes
without a result for a decision. Each :class:`Befund` names its rule, the field, what to
do, and its source: the law where it rules (only paragraphs confirmed), else the
Geschäftsordnung's own paragraph from :class:`Geschaeftsordnung`.

>>> import vorlagen
>>> from vorlagen.regeln import pruefen
>>> befunde = pruefen(vorlagen.Sitzungsvorlage.model_validate({
...     "art": "Mitteilungsvorlage", "nummer": "0001/2026", "datum": "2026-05-04",
...     "betreff": "Bericht", "koerperschaft": "Kreis Lindenau", "federfuehrung": "Amt 10",
...     "beratungsfolge": [{"gremium": "Kreistag", "sitzungsdatum": "2026-06-01",
...                         "zustaendigkeit": "Kenntnisnahme"}],
...     "sachdarstellung": "Einzelheiten in Anlage 2."}))
>>> befunde[0].regel, befunde[0].feld, befunde[0].schwere.value
('anlage-fehlt', 'sachdarstellung', 'fehler')
>>> befunde[0].meldung.split(":")[0]
'der Text nennt Anlage 2, die Vorlage hat keine Anlagen'
"""

from __future__ import annotations

from vorlagen.regeln.befund import Befund, Schwere
from vorlagen.regeln.geschaeftsordnung import Frist, Geschaeftsordnung, Grund, Vorberatung
from vorlagen.regeln.niederschrift import niederschrift_befunde
from vorlagen.regeln.sitzung import sitzung_befunde
from vorlagen.regeln.vorlage import vorlage_befunde
from vorlagen.schemas import Niederschrift, Sitzung, Sitzungsvorlage

__all__ = ["Befund", "Frist", "Geschaeftsordnung", "Grund", "Schwere", "Vorberatung", "pruefen"]


def pruefen(
    obj: Sitzungsvorlage | Sitzung | Niederschrift,
    geschaeftsordnung: Geschaeftsordnung | None = None,
) -> list[Befund]:
    """Every finding on a paper, a meeting (with its papers) or minutes (with the meeting).

    ``geschaeftsordnung`` is the body's (:meth:`Geschaeftsordnung.from_toml`); without it
    the defaults for NRW apply.

    Raises:
        TypeError: ``obj`` is none of these.
    """
    go = geschaeftsordnung or Geschaeftsordnung()
    if isinstance(obj, Sitzungsvorlage):
        return vorlage_befunde(obj, go)
    if isinstance(obj, Sitzung):
        return sitzung_befunde(obj, go)
    if isinstance(obj, Niederschrift):
        return niederschrift_befunde(obj, go)
    msg = (
        "pruefen: erwartet eine Sitzungsvorlage, Sitzung oder Niederschrift, erhalten: "
        f"{type(obj).__name__}"
    )
    raise TypeError(msg)
