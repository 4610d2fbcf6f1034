"""The module-level functions: render, save and render many papers in one call each."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from vorlagen.atomic import write_atomic
from vorlagen.formatting.hausstil import Hausstil
from vorlagen.schemas import Sitzungsvorlage
from vorlagen.template import Fassung, Template

if TYPE_CHECKING:
    from vorlagen.batch import Progress, RenderResult

__all__ = ["render", "render_many", "resolve_template", "save"]

TemplateLike = Template | str | os.PathLike[str] | None


@cache
def _default() -> Template:
    data = resources.files("vorlagen").joinpath("templates/default.docx").read_bytes()
    return Template.from_bytes(data, name="default.docx")


def resolve_template(template: TemplateLike, hausstil: Hausstil | None = None) -> Template:
    """The Template to render with: the given one, one loaded from a path, or the default.

    A template loaded from a path takes ``hausstil`` instead of its house style file.
    """
    if template is None:
        return _default()
    if isinstance(template, Template):
        return template
    return Template.from_path(template, hausstil)


def render(
    vorlage: Sitzungsvorlage,
    template: TemplateLike = None,
    hausstil: Hausstil | None = None,
    fassung: Fassung = "intern",
) -> bytes:
    """Render a paper to DOCX bytes (default template, and its house style, unless given)."""
    return resolve_template(template, hausstil).render(vorlage, fassung, hausstil=hausstil)


def save(
    vorlage: Sitzungsvorlage,
    path: str | os.PathLike[str],
    template: TemplateLike = None,
    hausstil: Hausstil | None = None,
    fassung: Fassung = "intern",
) -> Path:
    """Render a paper and write it to ``path`` atomically; returns the path."""
    return write_atomic(Path(path), render(vorlage, template, hausstil, fassung))


def render_many(
    papers: Iterable[Sitzungsvorlage],
    template: TemplateLike = None,
    hausstil: Hausstil | None = None,
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
