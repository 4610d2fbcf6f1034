"""The Niederschrift of a meeting: its public and its non-public part, each a document."""

from __future__ import annotations

from typing import Literal

from vorlagen.api import TemplateLike, resolve_template
from vorlagen.errors import RenderError
from vorlagen.formatting.tagesordnung import top_nummern
from vorlagen.formatting.werte import NBSP
from vorlagen.rendering.engine import Properties
from vorlagen.schemas import Beschlussauszug, Niederschrift, Tagesordnungspunkt
from vorlagen.schemas.niederschrift import Protokollpunkt
from vorlagen.template import HausstilLike, expect, hausstil_of

__all__ = ["render_auszug", "render_niederschrift"]

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
    expect(niederschrift, Niederschrift)
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


def render_auszug(
    niederschrift: Niederschrift,
    top: str | int,
    template: TemplateLike = None,
    hausstil: HausstilLike | None = None,
) -> bytes:
    """The Beschlussauszug of one item: its decision and vote, certified by the Schriftführung.

    ``top`` is the item's label as the documents print it ("Ö 3", "N 2", "Ö 5.1", in the
    house style's scheme) or its place in the Tagesordnung (from 1).

    Raises:
        RenderError: no item has that label or place.
        TemplateError: the template cannot be used.
    """
    expect(niederschrift, Niederschrift)
    tpl = resolve_template(template, hausstil, dokument="auszug")
    stil = hausstil_of(tpl, hausstil)
    labels = top_nummern(niederschrift.sitzung, stil)
    punkt = _punkt(niederschrift, top, labels)
    sitzung = niederschrift.sitzung
    properties = Properties(
        title=f"Auszug aus der Niederschrift über die {sitzung.bezeichnung}: {punkt.punkt.titel}",
        subject=f"{sitzung.gremium}, {sitzung.beginn:%d.%m.%Y}",
        author=sitzung.koerperschaft,
        created=niederschrift.ende.date(),
    )
    auszug = Beschlussauszug.model_construct(niederschrift=niederschrift, punkt=punkt)
    return tpl.fill(auszug, properties, stil, labels)


def _punkt(niederschrift: Niederschrift, top: str | int, labels: dict[int, str]) -> Protokollpunkt:
    """The item ``top`` names, by its label or its place."""
    punkte = niederschrift.punkte
    if isinstance(top, int):
        tops = [p for p in punkte if isinstance(p.punkt, Tagesordnungspunkt)]
        if 1 <= top <= len(tops):
            return tops[top - 1]
    else:
        wanted = " ".join(top.replace(NBSP, " ").split())
        for punkt in punkte:
            if labels[id(punkt.punkt)].replace(NBSP, " ") == wanted:
                return punkt
    known = ", ".join(labels[id(p.punkt)].replace(NBSP, " ") for p in punkte)
    msg = f"kein Tagesordnungspunkt „{top}“; die Sitzung hat: {known}"
    raise RenderError(msg, field="top")
