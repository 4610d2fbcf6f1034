"""The exceptions vorlagen raises, all below one base class.

The tree::

    VorlagenError                 every error this library raises on purpose
    ├── TemplateError             a template cannot be used; lists every TemplateProblem
    ├── RenderError               a valid paper could not be placed into a valid template
    └── ConversionError           LibreOffice is missing or failed to convert

A paper that does not match the model is reported by pydantic's own
``ValidationError``, whose ``loc`` names the field at fault.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "ConversionError",
    "RenderError",
    "TemplateError",
    "TemplateProblem",
    "VorlagenError",
]


class VorlagenError(Exception):
    """Base class of every error raised by vorlagen on purpose."""


@dataclass(frozen=True)
class TemplateProblem:
    """One problem found in a template, with the place where it is.

    Attributes:
        part: the package part, e.g. ``word/document.xml`` or ``word/footer1.xml``.
        message: what is wrong and how to fix it.
        paragraph: the 1-based number of the paragraph within the part (counting the
            paragraphs inside tables too), if known.
        tag: the template tag at fault, as written, if any.
        kind: a short code for the kind of problem (``syntax``, ``name_unbekannt``, ...).
        table: the 1-based number of the table within the part, for a problem in a table.
        row: the 1-based row within that table.
        cell: the 1-based cell within that row.
        text: the text of the paragraph, shortened, to find it in Word.
    """

    part: str
    message: str
    paragraph: int | None = None
    tag: str | None = None
    kind: str = "fehler"
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    text: str | None = None

    def __str__(self) -> str:
        where = self.part
        if self.paragraph is not None:
            where += f", Absatz {self.paragraph}"
        if self.table is not None:
            where += f" (Tabelle {self.table}, Zeile {self.row}, Zelle {self.cell})"
        tag = f" {self.tag}" if self.tag else ""
        return f"{where}:{tag} – {self.message}"


class TemplateError(VorlagenError):
    """A template cannot be used; ``problems`` lists everything found, each with its place."""

    def __init__(self, source: str, problems: list[TemplateProblem]) -> None:
        self.source = source
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"Vorlage {source!r} ist fehlerhaft:\n{lines}")

    def __reduce__(self) -> tuple[type[TemplateError], tuple[str, list[TemplateProblem]]]:
        return (type(self), (self.source, self.problems))


class RenderError(VorlagenError):
    """A paper could not be rendered into the template.

    Attributes:
        field: the dotted path of the value at fault, if one is known.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)

    def __reduce__(self) -> Any:
        return (_render_error, (type(self), self.message, self.field))


def _render_error(cls: type[RenderError], message: str, field: str | None) -> RenderError:
    return cls(message, field=field)


class ConversionError(VorlagenError):
    """LibreOffice is not installed or did not convert the document."""
