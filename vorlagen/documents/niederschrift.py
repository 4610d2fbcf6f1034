"""The Niederschrift of a meeting: its public and its non-public part, each a document."""

from __future__ import annotations

from typing import Literal

from vorlagen.api import TemplateLike, resolve_template
from vorlagen.formatting.tagesordnung import top_nummern
from vorlagen.rendering.engine import Properties
from vorlagen.schemas import Niederschrift
from vorlagen.template import HausstilLike, hausstil_of

__all__ = ["render_niederschrift"]

#: The part of a meeting a Niederschrift records.
Teil = Literal["oeffentlich", "nichtoeffentlich"]


def render_niederschrift(
    niederschrift: Niederschrift,
    teil: Teil = "oeffentlich",
    template: TemplateLike = None,
    hausstil: HausstilLike | None = None,
) -> bytes:
    """The Niederschrift of one part of the meeting as DOCX bytes.

    The public part holds nothing of a non-public item, not even its title
    (:meth:`~vorlagen.Niederschrift.oeffentliche_fassung`); the non-public part records the
    non-public items, with the whole Tagesordnung.

    Raises:
        TypeError: ``niederschrift`` is no Niederschrift.
        ValueError: ``teil`` is neither part.
        TemplateError: the template cannot be used.
    """
    if not isinstance(niederschrift, Niederschrift):
        msg = f"Niederschrift erwartet, erhalten: {type(niederschrift).__name__}"
        raise TypeError(msg)
    if teil not in ("oeffentlich", "nichtoeffentlich"):
        msg = f"teil muss 'oeffentlich' oder 'nichtoeffentlich' sein, nicht {teil!r}"
        raise ValueError(msg)
    tpl = resolve_template(template, hausstil, dokument="niederschrift")
    stil = hausstil_of(tpl, hausstil)
    if teil == "oeffentlich":
        version = niederschrift.oeffentliche_fassung(stil.unterzeichner_oeffentlich)
    else:
        version = niederschrift.model_copy(update={"teil": "nichtoeffentlich"})
    sitzung = version.sitzung
    zusatz = " (öffentlicher Teil)" if teil == "oeffentlich" else " (nichtöffentlicher Teil)"
    properties = Properties(
        title=f"Niederschrift über die {sitzung.bezeichnung}{zusatz}",
        subject=f"{sitzung.gremium}, {sitzung.beginn:%d.%m.%Y}",
        author=sitzung.koerperschaft,
        created=version.ende.date(),
    )
    return tpl.fill(version, properties, stil, top_nummern(sitzung, stil))
