"""Template: a DOCX template loaded, checked and prepared once, then rendered many times.

A Template is immutable and may be shared between threads. Its Jinja context holds one name,
``vorlage``; typed values are formatted on output in the template's Hausstil, and rich content
placed with ``{{p ...}}`` becomes real paragraphs, lists and tables in the template's styles.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import os
import re
import tempfile
import tomllib
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup
from pydantic import BaseModel, ValidationError

from vorlagen.checker.checks import UNSUPPORTED, TagTypes, check_parts
from vorlagen.docx import content as _ooxml
from vorlagen.docx.package import MAX_TEMPLATE_BYTES, package_problems, tag_parts
from vorlagen.docx.styles import Styles, needs_preparing, prepare_styles, read_styles
from vorlagen.errors import RenderError, TemplateError, TemplateProblem
from vorlagen.formatting.hausstil import DIN_5008, Hausstil
from vorlagen.formatting.prosa import typografie_teile
from vorlagen.formatting.werte import format_betrag, format_datum, format_vorschrift, format_zahl
from vorlagen.render.engine import BLOCK_FILTER, Engine, Rendered, make_environment, normalize_zip
from vorlagen.schemas import (
    Betrag,
    BetragWert,
    DatumWert,
    Erlass,
    Freitext,
    Inhalt,
    Inline,
    Norm,
    Sitzungsvorlage,
    ZahlWert,
)
from vorlagen.schemas.fehler import fehlermeldungen

if TYPE_CHECKING:
    from vorlagen.batch import Progress, RenderResult

__all__ = ["Fassung", "Template", "check_template", "render", "resolve_template", "save"]

#: Which version of a paper: for the administration and council ("intern", everything) or
#: for the public ("oeffentlich", without the personal data of staff).
Fassung = Literal["intern", "oeffentlich"]

_STATE: contextvars.ContextVar[_ooxml.RenderState] = contextvars.ContextVar("render_state")
_CONTEXT_NAMES = frozenset({"vorlage"})


@dataclass(frozen=True)
class Template:
    """A checked, prepared DOCX template with its house style.

    Build one with :meth:`from_path` or :meth:`from_bytes`; it is immutable and thread-safe.
    """

    name: str
    data: bytes = field(repr=False)
    hausstil: Hausstil = DIN_5008
    _styles: Styles = field(default_factory=Styles, repr=False, compare=False)
    _engine: Engine | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_path(
        cls, path: str | os.PathLike[str] | bytes, hausstil: Hausstil | None = None
    ) -> Template:
        """Load a template from a ``.docx`` file (or its bytes) and check it.

        Without ``hausstil``, the house style comes from a TOML file of the same name beside
        the template (``kreis.docx``: ``kreis.toml``), or is DIN 5008 if there is none.

        Raises:
            TemplateError: listing every problem found, each with its place.
        """
        if isinstance(path, bytes):
            return cls.from_bytes(path, hausstil=hausstil)
        data, hausstil, problems = _read(Path(path), hausstil)
        if data is None:
            raise TemplateError(str(path), problems)
        return cls.from_bytes(data, name=str(path), hausstil=hausstil)

    @classmethod
    def from_bytes(
        cls, data: bytes, name: str = "<bytes>", hausstil: Hausstil | None = None
    ) -> Template:
        """Load a template from DOCX bytes and check it; raises TemplateError."""
        template, problems = cls._load(data, name, hausstil)
        if template is None:
            raise TemplateError(name, problems)
        return template

    @classmethod
    def _load(
        cls, data: bytes, name: str, hausstil: Hausstil | None
    ) -> tuple[Template | None, list[TemplateProblem]]:
        """The checked, prepared template, or None and every problem found."""
        problems = package_problems(data)
        if problems:
            return None, problems
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            files = {n: z.read(n) for n in z.namelist() if not n.endswith("/")}
        styles = _styles_of(files)
        if needs_preparing(files, styles):
            files = prepare_styles(files, styles.needed())
            styles = _styles_of(files)
            data = normalize_zip(_zip(files))
        template = cls(name, data, hausstil or DIN_5008, styles)
        env = template._environment()
        types = TagTypes(
            names={"vorlage": Sitzungsvorlage},
            rich=(Inhalt,),
            printable=(Norm, Erlass, Freitext),
            filters=frozenset(env.filters),
            tests=frozenset(env.tests),
        )
        problems = check_parts({n: files[n] for n in tag_parts(files)}, env, types)
        problems += _property_problems(files.get("docProps/core.xml"))
        if problems:
            return None, problems
        engine = Engine(data, env, _CONTEXT_NAMES)
        # Whatever the tag-by-tag check cannot see, Jinja's own parse of each part still can.
        problems = engine.check()
        if problems:
            return None, problems
        _ = engine.prepared  # prepared now, not in the first render
        object.__setattr__(template, "_engine", engine)
        return template, []

    def with_hausstil(self, hausstil: Hausstil) -> Template:
        """The same template with another house style."""
        if hausstil == self.hausstil:
            return self
        return Template.from_bytes(self.data, self.name, hausstil)

    def render(self, vorlage: Sitzungsvorlage, fassung: Fassung = "intern") -> bytes:
        """Render a paper to DOCX bytes.

        ``fassung="oeffentlich"`` renders the version for the public: without the
        Sachbearbeitung (and the signer's name, if the Hausstil says so); a non-public paper
        has no such version (RenderError).
        """
        if not isinstance(vorlage, Sitzungsvorlage):
            msg = f"Sitzungsvorlage erwartet, erhalten: {type(vorlage).__name__}"
            raise TypeError(msg)
        if fassung == "oeffentlich":
            try:
                vorlage = vorlage.oeffentliche_fassung(self.hausstil.unterzeichner_oeffentlich)
            except ValueError as e:
                raise RenderError(str(e), field="oeffentlich") from e
        elif fassung != "intern":
            msg = f"fassung muss 'intern' oder 'oeffentlich' sein, nicht {fassung!r}"
            raise ValueError(msg)
        assert self._engine is not None, "Template.from_bytes/from_path build templates"
        data = self._render_with(self._engine.render, vorlage)
        if data is None:
            # hyperlinks and images need relationships, which only docxtpl's path writes
            return self._render_reference(vorlage)
        return data

    def render_many(
        self,
        papers: Iterable[Sitzungsvorlage],
        workers: int | None = None,
        progress: Progress | None = None,
        fassung: Fassung = "intern",
    ) -> Iterator[RenderResult]:
        """Render many papers on several processes; see :func:`vorlagen.render_many`."""
        from vorlagen.batch import render_many

        return render_many(papers, self, workers=workers, progress=progress, fassung=fassung)

    def _render_reference(self, vorlage: Sitzungsvorlage) -> bytes:
        """Render through docxtpl alone: slower, the same bytes as :meth:`render` (tested)."""
        assert self._engine is not None, "Template.from_bytes/from_path build templates"
        data = self._render_with(self._engine.render_reference, vorlage, True)
        assert data is not None
        return data

    def _render_with(
        self,
        render: Callable[[Mapping[str, Any]], Rendered],
        vorlage: Sitzungsvorlage,
        relationships: bool = False,
    ) -> bytes | None:
        state = _ooxml.RenderState(self._styles)
        token = _STATE.set(state)
        try:
            rendered = render({"vorlage": vorlage})
        finally:
            _STATE.reset(token)
        if (state.links or state.images) and not relationships:
            return None
        rendered.add_numbering(state.nums)
        rendered.add_relationships(state.links, state.images)
        rendered.space_after_tables(120)
        rendered.set_properties(
            title=vorlage.betreff,
            subject=f"{vorlage.art} {vorlage.nummer}",
            author=vorlage.koerperschaft,
            created=vorlage.datum,
        )
        return rendered.to_bytes(vorlage.datum)

    def save(
        self, vorlage: Sitzungsvorlage, path: str | os.PathLike[str], fassung: Fassung = "intern"
    ) -> Path:
        """Render a paper and write it to ``path`` atomically; returns the path."""
        return write_atomic(Path(path), self.render(vorlage, fassung))

    def render_pdf(self, vorlage: Sitzungsvorlage, fassung: Fassung = "intern") -> bytes:
        """Render a paper to PDF/A-2b (tagged) through LibreOffice; see :mod:`vorlagen.pdf`."""
        from vorlagen.pdf import to_pdf

        return to_pdf(self.render(vorlage, fassung))

    # -- formatting hooks ------------------------------------------------------------------

    def _environment(self) -> Any:
        stil = self.hausstil
        return make_environment(
            self._finalize,
            {
                "datum": lambda d: format_datum(_checked(d, date, "datum"), stil.datum),
                "kopfdatum": lambda d: format_datum(
                    _checked(d, date, "kopfdatum"),
                    stil.datum_lang if stil.kopfdatum == "lang" else stil.datum,
                ),
                "datum_lang": lambda d: format_datum(
                    _checked(d, date, "datum_lang"), stil.datum_lang
                ),
                "betrag": lambda b: format_betrag(
                    _checked(b, Decimal | int, "betrag"), stil.waehrung
                ),
                "zahl": lambda z: format_zahl(_checked(z, Decimal | int, "zahl")),
                BLOCK_FILTER: self._blocks,
            },
        )

    def _inline(self, run: Inline) -> str:
        if isinstance(run, BetragWert):
            return format_betrag(run.wert, self.hausstil.waehrung)
        if isinstance(run, DatumWert):
            muster = self.hausstil.datum_lang if run.stil == "lang" else self.hausstil.datum
            return format_datum(run.wert, muster)
        if isinstance(run, ZahlWert):
            return format_zahl(run.wert)
        if isinstance(run, Norm):
            return format_vorschrift(run, self.hausstil)
        return str(run)  # pragma: no cover - bold/italic are unpacked by the caller

    def _blocks(self, value: Any) -> Markup:
        if isinstance(value, str):
            value = Inhalt.model_validate(value)
        if isinstance(value, Inhalt):
            context = _ooxml.Context(
                self._styles,
                _STATE.get(),
                self._inline,
                typografie_teile if self.hausstil.typografie else None,
            )
            return Markup(_ooxml.blocks_to_xml(value.root, context))
        msg = (
            f"{{{{p ...}}}} erwartet Inhalt (z. B. vorlage.sachdarstellung), "
            f"erhalten: {type(value).__name__}"
        )
        raise RenderError(msg)

    def _finalize(self, value: Any) -> Markup:
        """Format and escape every value a ``{{ ... }}`` tag prints, in the house style.

        All text goes through the one escape that also keeps docxtpl's ``{_{`` markers in
        the text from turning into tags.
        """
        if isinstance(value, Markup):
            return value
        return Markup(_ooxml.escape(self._text(value)))

    def _text(self, value: Any) -> str:
        stil = self.hausstil
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        if isinstance(value, bool):
            return "ja" if value else "nein"
        if isinstance(value, Enum):
            return str(value.value)
        if isinstance(value, Betrag):
            return format_betrag(value, stil.waehrung)
        if isinstance(value, date):
            return format_datum(value, stil.datum)
        if isinstance(value, int):
            return str(value)  # years, counters, loop.index: never grouped ("2016", not "2.016")
        if isinstance(value, Decimal):
            return format_zahl(value)
        if isinstance(value, float):
            return format_zahl(Decimal(repr(value)))
        if isinstance(value, Norm | Erlass | Freitext):
            return format_vorschrift(value, stil)
        if isinstance(value, Inhalt):
            msg = "Inhalt kann nur mit {{p ...}} in einem eigenen Absatz stehen"
            raise RenderError(msg)
        if isinstance(value, BaseModel | list | dict):
            msg = f"ein {type(value).__name__} kann nicht als Text ausgegeben werden"
            raise RenderError(msg)
        return str(value)


def _checked(value: Any, kind: Any, name: str) -> Any:
    """``value`` if a filter called ``name`` can format it; a RenderError otherwise."""
    if value is None:
        msg = f"Filter {name!r} auf einen leeren Wert angewandt; mit {{% if %}} absichern"
        raise RenderError(msg)
    if isinstance(value, bool) or not isinstance(value, kind):
        msg = f"Filter {name!r} passt nicht zu {type(value).__name__}"
        raise RenderError(msg)
    return value


def _styles_of(files: dict[str, bytes]) -> Styles:
    return read_styles(
        files.get("word/styles.xml"), files["word/document.xml"], files.get("word/numbering.xml")
    )


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            z.writestr(name, content)
    return out.getvalue()


def _property_problems(core_xml: bytes | None) -> list[TemplateProblem]:
    """Tags in the document properties: docxtpl would run them, so they are refused."""
    if core_xml and re.search(rb"\{\{|\{%", core_xml):
        return [
            TemplateProblem(
                "docProps/core.xml",
                "Tags in den Dokumenteigenschaften (Titel, Betreff, ...) werden nicht "
                "ausgewertet; Titel und Betreff setzt vorlagen selbst: Tags dort entfernen",
                kind=UNSUPPORTED,
            )
        ]
    return []


def check_template(template: str | os.PathLike[str] | bytes) -> list[TemplateProblem]:
    """Every problem of a template (a path or DOCX bytes), without raising; empty if usable.

    For a path, the house style file beside it (``.toml``) is checked too.
    """
    if isinstance(template, bytes):
        return Template._load(template, "<bytes>", None)[1]
    data, hausstil, problems = _read(Path(template), None)
    if data is None:
        return problems
    return Template._load(data, str(template), hausstil)[1]


def _read(
    path: Path, hausstil: Hausstil | None
) -> tuple[bytes | None, Hausstil | None, list[TemplateProblem]]:
    """A template's bytes and house style (given, or from its sidecar TOML), or the problems."""
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            too_big = f"größer als {MAX_TEMPLATE_BYTES // 2**20} MB"
            return None, None, [TemplateProblem(str(path), too_big, kind="paket")]
        data = path.read_bytes()
    except OSError as e:
        return (
            None,
            None,
            [TemplateProblem(str(path), f"nicht lesbar: {e.strerror or e}", kind="datei")],
        )
    sidecar = path.with_suffix(".toml")
    if hausstil is not None or not sidecar.is_file():
        return data, hausstil, []
    try:
        return data, Hausstil.from_toml(sidecar), []
    except ValidationError as e:
        problems = [
            TemplateProblem(sidecar.name, line, kind="hausstil") for line in fehlermeldungen(e)
        ]
    except (OSError, tomllib.TOMLDecodeError) as e:
        problems = [TemplateProblem(sidecar.name, f"nicht lesbar: {e}", kind="hausstil")]
    return None, None, problems


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once at import: os.umask can only be read by setting it, which is not thread-safe.
_UMASK = _umask()


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename.

    The data reaches the disk (fsync) before the rename, and the rename before this returns
    (fsync of the directory, where the system allows it). On any failure the previous file
    is untouched and no temporary file is left. The file gets the permissions of the file it
    replaces, or those a new file would get.
    """
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
    fd, temp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _sync_directory(path.parent)
    return path


def _sync_directory(folder: Path) -> None:
    try:
        fd = os.open(folder or ".", os.O_RDONLY)
    except OSError:  # not possible everywhere (Windows); the rename has happened all the same
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


@cache
def _default(hausstil: Hausstil) -> Template:
    data = resources.files("vorlagen").joinpath("templates/default.docx").read_bytes()
    return Template.from_bytes(data, name="default.docx", hausstil=hausstil)


def resolve_template(
    template: Template | str | os.PathLike[str] | None, hausstil: Hausstil | None = None
) -> Template:
    """The Template to render with: the given one, one loaded from a path, or the default."""
    if template is None:
        return _default(hausstil or DIN_5008)
    if isinstance(template, Template):
        return template if hausstil is None else template.with_hausstil(hausstil)
    return Template.from_path(template, hausstil)


def render(
    vorlage: Sitzungsvorlage,
    template: Template | str | os.PathLike[str] | None = None,
    hausstil: Hausstil | None = None,
    fassung: Fassung = "intern",
) -> bytes:
    """Render a paper to DOCX bytes (default template and DIN 5008 unless given)."""
    return resolve_template(template, hausstil).render(vorlage, fassung)


def save(
    vorlage: Sitzungsvorlage,
    path: str | os.PathLike[str],
    template: Template | str | os.PathLike[str] | None = None,
    hausstil: Hausstil | None = None,
    fassung: Fassung = "intern",
) -> Path:
    """Render a paper and write it to ``path`` atomically; returns the path."""
    return write_atomic(Path(path), render(vorlage, template, hausstil, fassung))
