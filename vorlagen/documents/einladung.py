"""The Einladung of a meeting, and its public version: the Bekanntmachung of the Tagesordnung."""

from __future__ import annotations

from vorlagen.api import TemplateLike, resolve_template
from vorlagen.formatting.tagesordnung import top_nummern
from vorlagen.rendering.engine import Properties
from vorlagen.schemas import Sitzung
from vorlagen.template import Fassung, HausstilLike, expect, hausstil_of

__all__ = ["render_einladung"]


def render_einladung(
    sitzung: Sitzung,
    template: TemplateLike = None,
    hausstil: HausstilLike | None = None,
    fassung: Fassung = "intern",
) -> bytes:
    """The Einladung of ``sitzung`` as DOCX bytes.

    ``fassung="oeffentlich"`` gives the public announcement (Bekanntmachung): public items
    with their papers' numbers; non-public ones by title alone, or only the note that a
    non-public part follows if the house style does not name them
    (``bekanntmachung_nichtoeffentliche_titel``).

    Raises:
        TypeError: ``sitzung`` is no Sitzung.
        TemplateError: the template cannot be used.
    """
    expect(sitzung, Sitzung)
    tpl = resolve_template(template, hausstil, dokument="einladung")
    stil = hausstil_of(tpl, hausstil)
    if fassung == "oeffentlich":
        sitzung = sitzung.oeffentliche_fassung(
            stil.bekanntmachung_nichtoeffentliche_titel, stil.unterzeichner_oeffentlich
        )
    elif fassung != "intern":
        msg = f"fassung muss 'intern' oder 'oeffentlich' sein, nicht {fassung!r}"
        raise ValueError(msg)
    titel = "Tagesordnung der" if fassung == "oeffentlich" else "Einladung zur"
    properties = Properties(
        title=f"{titel} {sitzung.bezeichnung}",
        subject=f"{sitzung.gremium}, {sitzung.beginn:%d.%m.%Y}",
        author=sitzung.koerperschaft,
        created=sitzung.einladungsdatum,
    )
    return tpl.fill(sitzung, properties, stil, top_nummern(sitzung, stil))
