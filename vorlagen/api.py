"""The module-level functions: render, save and render many papers in one call each."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from vorlagen.atomic import write_atomic
from vorlagen.schemas import Sitzungsvorlage
from vorlagen.template import Dokument, Fassung, HausstilLike, Template

if TYPE_CHECKING:
    from vorlagen.batch import Progress, RenderResult

__all__ = ["render", "render_many", "render_pdf", "resolve_template", "save"]

#: A template: loaded, a path to a Word file, the name of a shipped one, or None (default).
TemplateLike = Template | str | os.PathLike[str] | None


def resolve_template(
    template: TemplateLike, hausstil: HausstilLike | None = None, dokument: Dokument = "vorlage"
) -> Template:
    """The Template to render with: the given one, one loaded from a path, or a shipped one.

    A name without folder and extension (``"stadt"``) that is no file names a shipped
    template (:func:`~vorlagen.template.shipped_templates`); None is ``"default"``. A
    template loaded from a path takes ``hausstil`` instead of its house style file.
    ``dokument`` says what a template loaded or looked up here is for.

    Raises:
        TemplateError: the template cannot be used, or no template has that name.
    """
    if template is None:
        return Template.shipped("default", hausstil, dokument)
    if isinstance(template, Template):
        return template
    path = Path(template)
    if _names_shipped(path):
        return Template.shipped(path.name, hausstil, dokument)
    return Template.from_path(path, hausstil, dokument)


def _names_shipped(path: Path) -> bool:
    """Whether ``path`` is meant as the name of a shipped template rather than a file."""
    return not path.suffix and len(path.parts) == 1 and not path.exists()


def render(
    vorlage: Sitzungsvorlage,
    template: TemplateLike = None,
    hausstil: HausstilLike | None = None,
    fassung: Fassung = "intern",
) -> bytes:
    """Render a paper to DOCX bytes (default template, and its house style, unless given).

    ``hausstil`` is a :class:`~vorlagen.Hausstil` or its fields as a mapping.
    """
    return resolve_template(template, hausstil).render(vorlage, fassung, hausstil=hausstil)


def render_pdf(
    vorlage: Sitzungsvorlage,
    template: TemplateLike = None,
    hausstil: HausstilLike | None = None,
    fassung: Fassung = "intern",
    timeout: float = 120,
) -> bytes:
    """Render a paper to PDF (LibreOffice): a PDF/A-3b that carries the paper's data.

    Raises:
        ConversionError: LibreOffice is missing or fails.
    """
    from vorlagen.pdf import to_pdf

    return to_pdf(render(vorlage, template, hausstil, fassung), timeout)


def save(
    vorlage: Sitzungsvorlage,
    path: str | os.PathLike[str],
    template: TemplateLike = None,
    hausstil: HausstilLike | None = None,
    fassung: Fassung = "intern",
) -> Path:
    """Render a paper and write it to ``path`` atomically; returns the path."""
    return write_atomic(Path(path), render(vorlage, template, hausstil, fassung))


def render_many(
    papers: Iterable[Sitzungsvorlage],
    template: TemplateLike = None,
    hausstil: HausstilLike | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    fassung: Fassung = "intern",
) -> Iterator[RenderResult]:
    """Render papers on ``workers`` processes (default: one per CPU); results in input order.

    A paper that fails becomes a result with its error; the others are rendered all the
    same. ``progress`` is called after each paper with the number done and the total.
    """
    return resolve_template(template, hausstil).render_many(
        papers, workers=workers, progress=progress, fassung=fassung, hausstil=hausstil
    )
