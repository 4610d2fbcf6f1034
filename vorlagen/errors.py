"""The exceptions vorlagen raises, all below one base class.

The tree::

    VorlagenError                 every error this library raises on purpose
    ├── TemplateError             a template cannot be used; lists every TemplateProblem
    ├── RenderError               a valid paper could not be placed into a valid template
    ├── ConversionError           LibreOffice is missing or failed to convert
    ├── OParlError                what should be an OParl object is none (also a ValueError)
    └── DataError                 a document carries no paper's data, or data not readable

A paper that does not match the model is reported by pydantic's own
``ValidationError``, whose ``loc`` names the field at fault.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = [
    "ConversionError",
    "DataError",
    "OParlError",
    "ProblemKind",
    "RenderError",
    "TemplateError",
    "TemplateProblem",
    "VorlagenError",
]


class VorlagenError(Exception):
    """Base class of every error raised by vorlagen on purpose."""


class ProblemKind(StrEnum):
    """The kind of a template problem, for programs that sort or filter problems.

    The values are the German codes shown to the people who edit templates; a member
    compares equal to its value (``ProblemKind.SYNTAX == "syntax"``).

    Attributes:
        SYNTAX: a tag Jinja cannot parse, an empty tag, a closer without its opener.
        UNCLOSED_TAG: a tag not closed within its paragraph.
        UNCLOSED_BLOCK: an ``if`` or ``for`` without its ``endif`` or ``endfor``.
        STRAY_BLOCK: an ``elif``, ``else`` or end without the block it belongs to.
        SPLIT_BLOCK: a block whose start and end lie at different levels (text, table,
            cell), so that leaving out or repeating it would cut elements in half.
        UNKNOWN_FILTER: a filter or test the environment does not know.
        UNKNOWN_NAME: a name or field the context does not have.
        UNSAFE: access to Python internals or a call of a model's method.
        NOT_RICH: ``{{p ...}}`` on a value that is not paragraph content.
        RICH_IN_RUN: paragraph content placed inside a line of text.
        NOT_TEXT: a list or model printed as text, or a loop over what is no list.
        DROPPED_TEXT: text beside a tag that replaces its whole paragraph, row or cell.
        SMART_QUOTES: typographic quotation marks inside a tag.
        DELETED_TAG: a tag in a tracked deletion.
        UNSUPPORTED: a statement or a place for tags that templates do not support.
        XML: a part that is not plain, well-formed XML.
        HAUSSTIL: a house style file (``.toml`` beside the template) that is invalid.
        PACKAGE: an archive that cannot be used: too large, not a zip, with macros or paths
            outside the archive.
        FILE: a template file that cannot be read.
    """

    SYNTAX = "syntax"
    UNCLOSED_TAG = "tag_offen"
    UNCLOSED_BLOCK = "block_offen"
    STRAY_BLOCK = "block_ueberzaehlig"
    SPLIT_BLOCK = "block_zerteilt"
    UNKNOWN_FILTER = "filter_unbekannt"
    UNKNOWN_NAME = "name_unbekannt"
    UNSAFE = "unzulaessig"
    NOT_RICH = "kein_inhalt"
    RICH_IN_RUN = "inhalt_im_text"
    NOT_TEXT = "kein_text"
    DROPPED_TEXT = "text_verloren"
    SMART_QUOTES = "anfuehrungszeichen"
    DELETED_TAG = "geloeschter_tag"
    UNSUPPORTED = "nicht_unterstuetzt"
    XML = "xml"
    HAUSSTIL = "hausstil"
    PACKAGE = "paket"
    FILE = "datei"


@dataclass(frozen=True)
class TemplateProblem:
    """One problem found in a template, with the place where it is.

    Attributes:
        part: the package part, e.g. ``word/document.xml`` or ``word/footer1.xml``.
        message: what is wrong and how to fix it.
        paragraph: the 1-based number of the paragraph within the part (counting the
            paragraphs inside tables too), if known.
        tag: the template tag at fault, as written, if any.
        kind: the kind of problem (``ProblemKind.SYNTAX``, ``ProblemKind.UNKNOWN_NAME``, ...).
        table: the 1-based number of the table within the part, for a problem in a table.
        row: the 1-based row within that table.
        cell: the 1-based cell within that row.
        text: the text of the paragraph, shortened, to find it in Word.
    """

    part: str
    message: str
    paragraph: int | None = None
    tag: str | None = None
    kind: ProblemKind = ProblemKind.SYNTAX
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
        return f"{where}:{tag} – {self.message}" if self.tag else f"{where}: {self.message}"


class TemplateError(VorlagenError):
    """A template cannot be used; ``problems`` lists everything found, each with its place."""

    def __init__(self, source: str, problems: list[TemplateProblem]) -> None:
        self.source = source
        self.problems = list(problems)
        if len(self.problems) == 1 and self.problems[0].kind is ProblemKind.FILE:
            # a file that cannot be read is not faulty: say what it is
            super().__init__(f"Vorlage {source!r}: {self.problems[0].message}")
            return
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


class OParlError(VorlagenError, ValueError):
    """What was given as an OParl object is none: no object, or no OParl type of the kind.

    Data that is OParl with quirks never raises: reading it gives warnings.
    """


class DataError(VorlagenError, ValueError):
    """A document carries no paper's data, or data this version cannot read."""
