"""Template: a DOCX template loaded, checked and prepared once, then rendered many times.

A Template is immutable and may be shared between threads. Its Jinja context holds one name,
``vorlage``; typed values are formatted on output in a house style (the template's own, or
one given per render), and rich content placed with ``{{p ...}}`` becomes real paragraphs,
lists and tables in the template's styles.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import os
import re
import tomllib
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import ValidationError

from vorlagen import schemas
from vorlagen.atomic import write_atomic
from vorlagen.checker import TagTypes, check_parts
from vorlagen.daten import data_part, with_data_part
from vorlagen.docx.package import (
    CORE_REL,
    MAX_TEMPLATE_BYTES,
    NUMBERING_REL,
    as_document,
    pack,
    package_problems,
    related_part,
    tag_parts,
)
from vorlagen.docx.styles import Styles, needs_preparing, prepare_styles, read_styles
from vorlagen.errors import ProblemKind, RenderError, TemplateError, TemplateProblem
from vorlagen.formatting.formatter import formatter
from vorlagen.formatting.hausstil import DIN_5008, Hausstil
from vorlagen.rendering.engine import Engine, Properties
from vorlagen.rendering.hooks import FILTER_NAMES, RenderHooks
from vorlagen.rendering.sandbox import HOOKS, make_environment
from vorlagen.rendering.tags import BLOCK_FILTER
from vorlagen.schemas import Erlass, Freitext, Inhalt, Norm, Sitzungsvorlage
from vorlagen.schemas.fehler import fehlermeldungen

if TYPE_CHECKING:
    from vorlagen.batch import Progress, RenderResult

__all__ = [
    "Dokument",
    "Fassung",
    "HausstilLike",
    "Template",
    "check_template",
    "expect",
    "hausstil_of",
    "paper_properties",
    "shipped_templates",
]

#: Which version of a paper: for the administration and council ("intern", everything) or
#: for the public ("oeffentlich", without the personal data of staff).
Fassung = Literal["intern", "oeffentlich"]

#: A house style, or its fields as a mapping (``{"waehrung": "EUR"}``), validated into one.
HausstilLike = Hausstil | Mapping[str, Any]

#: What a template is for: a paper, or the Einladung of a meeting.
Dokument = Literal["vorlage", "einladung", "niederschrift", "auszug"]
#: The one name of each kind's Jinja context, and the name of the model it holds (in
#: vorlagen.schemas: the meeting's and the minutes' load when a template for them does).
_ROOTS: dict[str, tuple[str, str]] = {
    "vorlage": ("vorlage", "Sitzungsvorlage"),
    "einladung": ("sitzung", "Sitzung"),
    "niederschrift": ("niederschrift", "Niederschrift"),
    "auszug": ("auszug", "Beschlussauszug"),
}


def _root(dokument: str) -> tuple[str, type]:
    """The name of a kind's Jinja context, and the model it holds."""
    name, model = _ROOTS[dokument]
    return name, getattr(schemas, model)


@dataclass(frozen=True)
class _Prepared:
    """What loading a template makes once: its package, its styles, its compiled parts."""

    data: bytes
    styles: Styles = field(compare=False)
    engine: Engine = field(compare=False)
    # the custom XML part a paper's data goes into (vorlagen.daten); None for other documents
    data_part: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Template:
    """A checked, prepared DOCX template with its house style.

    Build one with :meth:`from_path` or :meth:`from_bytes`; it is immutable and thread-safe.
    The house style can also be given per render, which costs nothing extra.
    """

    name: str
    hausstil: Hausstil
    _prepared: _Prepared = field(repr=False)
    dokument: Dokument = "vorlage"

    @property
    def data(self) -> bytes:
        """The template's package as prepared: missing styles added, German as language."""
        return self._prepared.data

    @classmethod
    def from_path(
        cls,
        path: str | os.PathLike[str] | bytes,
        hausstil: HausstilLike | None = None,
        dokument: Dokument = "vorlage",
    ) -> Template:
        """Load a template from a Word file (``.docx``, or a Word template ``.dotx``) and check it.

        Without ``hausstil``, the house style comes from a TOML file of the same name beside
        the template (``kreis.docx``: ``kreis.toml``), or is DIN 5008 if there is none.
        ``dokument`` says what it is for: a paper (its tags name ``vorlage``) or the
        Einladung of a meeting (``"einladung"``: its tags name ``sitzung``).

        Raises:
            TemplateError: listing every problem found, each with its place.
            pydantic.ValidationError: ``hausstil`` given as a mapping is not a house style.
        """
        if isinstance(path, bytes):
            return cls.from_bytes(path, hausstil=hausstil, dokument=dokument)
        data, stil, problems = _read(Path(path), _hausstil(hausstil))
        if data is None:
            raise TemplateError(str(path), problems)
        try:
            return cls.from_bytes(data, name=str(path), hausstil=stil, dokument=dokument)
        except TemplateError as e:
            raise TemplateError(str(path), _named(e.problems, str(path))) from None

    @classmethod
    def from_bytes(
        cls,
        data: bytes,
        name: str = "<bytes>",
        hausstil: HausstilLike | None = None,
        dokument: Dokument = "vorlage",
    ) -> Template:
        """Load a template from the bytes of a Word file and check it; raises TemplateError."""
        stil = _hausstil(hausstil)
        prepared = _prepare(data, _dokument(dokument))
        if not isinstance(prepared, _Prepared):
            raise TemplateError(name, prepared)
        return cls(name, stil or DIN_5008, prepared, dokument)

    @classmethod
    def shipped(
        cls,
        name: str = "default",
        hausstil: HausstilLike | None = None,
        dokument: Dokument = "vorlage",
    ) -> Template:
        """A template shipped with vorlagen, by its name (see :func:`shipped_templates`).

        It is loaded and checked once per process; ``hausstil`` costs nothing extra.

        >>> Template.shipped("stadt").name
        'stadt'

        Raises:
            TemplateError: there is no shipped template of that name.
        """
        stil = _hausstil(hausstil)
        if name not in shipped_templates(dokument):
            known = ", ".join(f"„{n}“" for n in shipped_templates(dokument))
            message = (
                f"nicht gefunden: keine mitgelieferte Vorlage heißt so (mitgeliefert: {known})"
            )
            raise TemplateError(name, [TemplateProblem(name, message, kind=ProblemKind.FILE)])
        template = _shipped(name, dokument)
        return template if stil is None else template.with_hausstil(stil)

    def __reduce__(self) -> tuple[object, tuple[bytes, str, Hausstil, Dokument]]:
        # another process (a batch's worker) gets the bytes and prepares them itself
        return (Template.from_bytes, (self.data, self.name, self.hausstil, self.dokument))

    def with_hausstil(self, hausstil: HausstilLike) -> Template:
        """The same prepared template with another house style (nothing is loaded again)."""
        stil = _hausstil(hausstil) or DIN_5008
        return self if stil == self.hausstil else dataclasses.replace(self, hausstil=stil)

    def render(
        self,
        vorlage: Sitzungsvorlage,
        fassung: Fassung = "intern",
        *,
        hausstil: HausstilLike | None = None,
    ) -> bytes:
        """Render a paper to DOCX bytes, in ``hausstil`` or else the template's house style.

        ``hausstil`` is a :class:`Hausstil` or its fields as a mapping (``{"waehrung":
        "EUR"}``); a mapping that is not a house style raises pydantic's ValidationError.
        ``fassung="oeffentlich"`` renders the version for the public: without the
        Sachbearbeitung (and the signer's name, if the Hausstil says so); a non-public paper
        has no such version (RenderError).
        """
        expect(vorlage, Sitzungsvorlage)
        stil = hausstil_of(self, hausstil)
        vorlage = _fassung(vorlage, fassung, stil)
        return self.fill(vorlage, paper_properties(vorlage), stil)

    def fill(
        self,
        value: Any,
        properties: Properties,
        hausstil: Hausstil,
        labels: Mapping[int, str] | None = None,
    ) -> bytes:
        """Render the template with ``value`` as its context's one name, as it is.

        The documents of a meeting are made with this; ``labels`` are the labels of the
        items of a Tagesordnung (see :mod:`vorlagen.formatting.tagesordnung`).

        Raises:
            TypeError: ``value`` is not what the template is for (see ``dokument``).
        """
        context, hooks = self._context(value, hausstil, labels)
        part = self._prepared.data_part
        carry = None
        if part is not None and isinstance(value, Sitzungsvorlage):
            carry = (part, functools.partial(data_part, value))
        return self._prepared.engine.render(context, hooks.state, properties, carry)

    def fill_parts(
        self,
        value: Any,
        properties: Properties,
        hausstil: Hausstil,
        labels: Mapping[int, str] | None = None,
    ) -> dict[str, bytes]:
        """As :meth:`fill`, but the parts of the package by name, unzipped.

        For a document that becomes part of another (a Sitzungsmappe, see
        :func:`vorlagen.docx.compose.compose`): nothing is compressed to be unpacked again.
        """
        context, hooks = self._context(value, hausstil, labels)
        return self._prepared.engine.render_files(context, hooks.state, properties)

    def _context(
        self, value: Any, hausstil: Hausstil, labels: Mapping[int, str] | None
    ) -> tuple[dict[str, Any], RenderHooks]:
        """The Jinja context of a render of ``value``, and the hooks of that render."""
        root, model = _root(self.dokument)
        if not isinstance(value, model):
            msg = (
                f"die Vorlage „{self.name}“ ist für {model.__name__} "
                f"(dokument={self.dokument!r}), erhalten: {type(value).__name__}"
            )
            raise TypeError(msg)
        hooks = RenderHooks(formatter(hausstil), self._prepared.styles, labels)
        return {root: value, HOOKS: hooks}, hooks

    def save(
        self,
        vorlage: Sitzungsvorlage,
        path: str | os.PathLike[str],
        fassung: Fassung = "intern",
        *,
        hausstil: HausstilLike | None = None,
    ) -> Path:
        """Render a paper and write it to ``path`` atomically; returns the path."""
        return write_atomic(Path(path), self.render(vorlage, fassung, hausstil=hausstil))

    def render_pdf(
        self,
        vorlage: Sitzungsvorlage,
        fassung: Fassung = "intern",
        *,
        hausstil: HausstilLike | None = None,
    ) -> bytes:
        """Render a paper to PDF/A-3b (tagged, carrying its data) through LibreOffice."""
        from vorlagen.pdf import to_pdf

        return to_pdf(self.render(vorlage, fassung, hausstil=hausstil))

    def render_many(
        self,
        papers: Iterable[Sitzungsvorlage],
        workers: int | None = None,
        progress: Progress | None = None,
        fassung: Fassung = "intern",
        *,
        hausstil: HausstilLike | None = None,
    ) -> Iterator[RenderResult]:
        """Render many papers on several processes; see :func:`vorlagen.render_many`."""
        from vorlagen.batch import render_each

        template = self if hausstil is None else self.with_hausstil(hausstil)
        return render_each(
            papers, _RenderJob(template, fassung), workers=workers, progress=progress
        )


@dataclass(frozen=True)
class _RenderJob:
    """Renders papers with one template, in this process or in a worker process."""

    template: Template
    fassung: Fassung

    def __call__(self, paper: Sitzungsvorlage) -> bytes:
        return self.template.render(paper, self.fassung)


_T = TypeVar("_T")


def expect(value: object, kind: type[_T]) -> _T:
    """``value`` if it is a ``kind``; a TypeError naming both otherwise."""
    if not isinstance(value, kind):
        msg = f"{kind.__name__} erwartet, erhalten: {type(value).__name__}"
        raise TypeError(msg)
    return value


def paper_properties(vorlage: Sitzungsvorlage) -> Properties:
    """The document properties of a paper: its Betreff as title, kind and number as subject."""
    return Properties(
        title=vorlage.betreff,
        subject=f"{vorlage.art} {vorlage.nummer}",
        author=vorlage.koerperschaft,
        created=vorlage.datum,
    )


def hausstil_of(template: Template, hausstil: HausstilLike | None) -> Hausstil:
    """The house style a render uses: the one given for it, or else the template's."""
    return _hausstil(hausstil) or template.hausstil


def _hausstil(value: HausstilLike | None) -> Hausstil | None:
    """A house style given as one or as its fields; raises pydantic's ValidationError."""
    if value is None or isinstance(value, Hausstil):
        return value
    if not isinstance(value, Mapping):
        msg = (
            "Hausstil erwartet (vorlagen.Hausstil oder ein dict wie {'waehrung': 'EUR'}), "
            f"erhalten: {type(value).__name__}"
        )
        raise TypeError(msg)
    return Hausstil.model_validate(dict(value))


def shipped_templates(dokument: Dokument = "vorlage") -> list[str]:
    """The names of the templates shipped with vorlagen, for :meth:`Template.shipped`.

    >>> shipped_templates(), shipped_templates("einladung")
    (['default', 'stadt'], ['default', 'stadt'])
    """
    folder = _shipped_folder(_dokument(dokument))
    return sorted(
        entry.name.removesuffix(".docx")
        for entry in folder.iterdir()
        if entry.name.endswith(".docx")
    )


def _shipped_folder(dokument: Dokument) -> Any:
    """The folder of the shipped templates for ``dokument``: papers' at the top."""
    folder = resources.files("vorlagen").joinpath("templates")
    return folder if dokument == "vorlage" else folder.joinpath(dokument)


@cache
def _shipped(name: str, dokument: Dokument = "vorlage") -> Template:
    data = _shipped_folder(dokument).joinpath(f"{name}.docx").read_bytes()
    return Template.from_bytes(data, name=name, dokument=dokument)


def _dokument(value: str) -> Dokument:
    """``value`` if it names a kind of document; a ValueError naming the kinds otherwise."""
    if value not in _ROOTS:
        known = ", ".join(repr(k) for k in _ROOTS)
        msg = f"dokument muss eines von {known} sein, nicht {value!r}"
        raise ValueError(msg)
    return value  # type: ignore[return-value]


def _named(problems: list[TemplateProblem], name: str) -> list[TemplateProblem]:
    """The problems of a whole file (not a part of it) as the problems of ``name``."""
    return [dataclasses.replace(p, part=name) if not p.part else p for p in problems]


def _fassung(vorlage: Sitzungsvorlage, fassung: Fassung, hausstil: Hausstil) -> Sitzungsvorlage:
    """The paper in the version asked for."""
    if fassung == "intern":
        return vorlage
    if fassung != "oeffentlich":
        msg = f"fassung muss 'intern' oder 'oeffentlich' sein, nicht {fassung!r}"
        raise ValueError(msg)
    try:
        return vorlage.oeffentliche_fassung(hausstil.unterzeichner_oeffentlich)
    except ValueError as e:
        raise RenderError(str(e), field="oeffentlich") from e


def _prepare(data: bytes, dokument: Dokument = "vorlage") -> _Prepared | list[TemplateProblem]:
    """Check a template for ``dokument`` and prepare it; or every problem found."""
    problems = package_problems(data)
    if problems:
        return problems
    data, files, styles = _as_prepared_package(data)
    env = make_environment(FILTER_NAMES)
    types = TagTypes(
        names=dict([_root(dokument)]),
        rich=(Inhalt,),
        printable=(Norm, Erlass, Freitext),
        # the block filter is for {{p ...}} alone, which the checker reads as such
        filters=frozenset(env.filters) - {BLOCK_FILTER},
        tests=frozenset(env.tests),
    )
    problems = check_parts({n: files[n] for n in tag_parts(files)}, env, types)
    problems += _property_problems(files)
    # What the tag-by-tag check cannot see (a block that would cut the XML, whatever else
    # Jinja's own parse of a whole part finds), preparing the engine does.
    carried = with_data_part(files) if dokument == "vorlage" else None
    engine = Engine.prepare(files, env, frozenset({_ROOTS[dokument][0]}))
    if isinstance(engine, Engine) and not problems:
        return _Prepared(data, styles, engine, carried)
    found = [] if isinstance(engine, Engine) else engine
    if problems:  # the checker's reports are the more precise: add only what it cannot see
        found = [p for p in found if p.kind is ProblemKind.SPLIT_BLOCK]
    return problems + found


def _as_prepared_package(data: bytes) -> tuple[bytes, dict[str, bytes], Styles]:
    """A template's package as it is rendered, its parts and its styles.

    That is a document (not a Word template), in German, with every style rich content needs.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        files = {n: z.read(n) for n in z.namelist() if not n.endswith("/")}
    document = as_document(files)
    styles = _styles_of(document or files)
    if document is None and not needs_preparing(files, styles):
        return data, files, styles
    files = prepare_styles(document or files, styles.needed())
    return pack(files), files, _styles_of(files)


def _styles_of(files: dict[str, bytes]) -> Styles:
    numbering = related_part(files, "word/document.xml", NUMBERING_REL)
    return read_styles(
        files.get("word/styles.xml"),
        files["word/document.xml"],
        files[numbering] if numbering else None,
    )


def _property_problems(files: dict[str, bytes]) -> list[TemplateProblem]:
    """Tags in the document properties: they are not rendered, so they are refused."""
    core = related_part(files, "", CORE_REL)
    if core is not None and re.search(rb"\{\{|\{%", files[core]):
        return [
            TemplateProblem(
                core,
                "Tags in den Dokumenteigenschaften (Titel, Betreff, ...) werden nicht "
                "ausgewertet; Titel und Betreff setzt vorlagen selbst: Tags dort entfernen",
                kind=ProblemKind.UNSUPPORTED,
            )
        ]
    return []


def check_template(
    template: str | os.PathLike[str] | bytes, dokument: Dokument = "vorlage"
) -> list[TemplateProblem]:
    """Every problem of a template (a path or DOCX bytes), without raising; empty if usable.

    For a path, the house style file beside it (``.toml``) is checked too. ``dokument``:
    what the template is for (a paper, or ``"einladung"``).
    """
    if isinstance(template, bytes):
        data: bytes | None = template
        problems: list[TemplateProblem] = []
    else:
        data, _, problems = _read(Path(template), None)
    if data is None:
        return problems
    prepared = _prepare(data, _dokument(dokument))
    if isinstance(prepared, _Prepared):
        return []
    return prepared if isinstance(template, bytes) else _named(prepared, str(template))


def _unreadable(error: OSError) -> str:
    """Why a template file cannot be read, in the words of its user."""
    if isinstance(error, FileNotFoundError):
        return "nicht gefunden"
    if isinstance(error, IsADirectoryError):
        return "ist ein Ordner, keine Word-Datei"
    if isinstance(error, PermissionError):
        return "nicht lesbar: keine Leseberechtigung"
    return f"nicht lesbar: {error.strerror or error}"


def _read(
    path: Path, hausstil: Hausstil | None
) -> tuple[bytes | None, Hausstil | None, list[TemplateProblem]]:
    """A template's bytes and house style (given, or from its sidecar TOML), or the problems."""
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            too_big = f"größer als {MAX_TEMPLATE_BYTES // 2**20} MB"
            return None, None, [TemplateProblem(str(path), too_big, kind=ProblemKind.PACKAGE)]
        data = path.read_bytes()
    except OSError as e:
        return None, None, [TemplateProblem(str(path), _unreadable(e), kind=ProblemKind.FILE)]
    sidecar = path.with_suffix(".toml")
    if hausstil is not None or not sidecar.is_file():
        return data, hausstil, []
    try:
        return data, Hausstil.from_toml(sidecar), []
    except ValidationError as e:
        problems = [
            TemplateProblem(sidecar.name, line, kind=ProblemKind.HAUSSTIL)
            for line in fehlermeldungen(e)
        ]
    except (OSError, tomllib.TOMLDecodeError) as e:
        problems = [TemplateProblem(sidecar.name, f"nicht lesbar: {e}", kind=ProblemKind.HAUSSTIL)]
    return None, None, problems
