"""The Sitzungsmappe: the Einladung and every paper of a meeting, in agenda order, as one DOCX.

Each paper keeps its section: its header and footer, page numbers from 1, its lists and
styles (:mod:`vorlagen.docx.compose`). A line in an outline style heads each paper with its
item's label and title ("Ö 4 – Erweiterung des Berufskollegs …"), and the paper's headings
move one level below it, so that the PDF's bookmarks list the items with each paper's
headings nested.
"""

from __future__ import annotations

from vorlagen.api import TemplateLike, resolve_template
from vorlagen.documents.einladung import render_einladung
from vorlagen.docx.compose import Section, compose, pages_by_reference
from vorlagen.formatting.tagesordnung import top_nummern
from vorlagen.schemas import Sitzung, Sitzungsvorlage
from vorlagen.template import Fassung, HausstilLike, expect, hausstil_of, paper_properties

__all__ = ["mappe_punkte", "render_mappe", "render_mappe_pdf"]


def mappe_punkte(sitzung: Sitzung, labels: dict[int, str]) -> list[tuple[str, Sitzungsvorlage]]:
    """Each paper of the meeting with the heading of its item: "Ö 4 – Titel", in order."""
    punkte: list[tuple[str, Sitzungsvorlage]] = []
    for top in sitzung.tagesordnung:
        eintraege = [(id(top), top.titel, top.vorlage)]
        eintraege += [(id(u), u.titel, u.vorlage) for u in top.unterpunkte]
        for key, titel, vorlage in eintraege:
            if vorlage is not None:
                punkte.append((f"{labels[key]} – {titel}", vorlage))
    return punkte


def render_mappe(
    sitzung: Sitzung,
    template: TemplateLike = None,
    einladung_template: TemplateLike = None,
    hausstil: HausstilLike | None = None,
    fassung: Fassung = "intern",
) -> bytes:
    """The Sitzungsmappe of ``sitzung`` as one DOCX: the Einladung, then every paper.

    ``template`` renders the papers, ``einladung_template`` the Einladung (each the shipped
    default unless given). ``fassung="oeffentlich"`` gives the public Mappe: the public
    announcement and the public items' papers, each in its public version; nothing of a
    non-public item but its title (if the house style names them).

    Raises:
        TypeError: ``sitzung`` is no Sitzung.
        TemplateError: a template cannot be used.
    """
    expect(sitzung, Sitzung)
    papers = resolve_template(template, hausstil)
    stil = hausstil_of(papers, hausstil)
    # one house style for the whole Mappe: the one given, or else the papers' template's
    einladung = render_einladung(sitzung, einladung_template, stil, fassung)
    if fassung == "oeffentlich":
        sitzung = sitzung.oeffentliche_fassung(
            stil.bekanntmachung_nichtoeffentliche_titel, stil.unterzeichner_oeffentlich
        )
    punkte = mappe_punkte(sitzung, top_nummern(sitzung, stil))
    sections = [Section(einladung)]
    sections += [
        Section(papers.fill_parts(v, paper_properties(v), stil), heading) for heading, v in punkte
    ]
    titel = "Sitzungsmappe (öffentlich)" if fassung == "oeffentlich" else "Sitzungsmappe"
    return compose(sections, title=f"{titel}: {sitzung.bezeichnung}")


def render_mappe_pdf(
    sitzung: Sitzung,
    template: TemplateLike = None,
    einladung_template: TemplateLike = None,
    hausstil: HausstilLike | None = None,
    fassung: Fassung = "intern",
    timeout: float = 600,
) -> bytes:
    """The Sitzungsmappe as one PDF/A-2b (tagged), its bookmarks the items and their papers.

    Each paper's footer counts that paper's pages ("Seite 2 von 3"), in one LibreOffice
    conversion (see :func:`vorlagen.docx.compose.pages_by_reference`).

    Raises:
        ConversionError: LibreOffice is missing or fails.
    """
    from vorlagen.pdf import to_pdf

    docx = render_mappe(sitzung, template, einladung_template, hausstil, fassung)
    return to_pdf(pages_by_reference(docx), timeout)
