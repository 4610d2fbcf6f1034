"""The command line: ``python -m vorlagen render|sitzung|niederschrift|auszug|oparl|lesen|…``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

from pydantic import BaseModel, ValidationError

from vorlagen import __version__, schemas
from vorlagen.api import render_many, resolve_template
from vorlagen.atomic import write_atomic
from vorlagen.errors import ConversionError, VorlagenError
from vorlagen.formatting import DIN_5008, Hausstil
from vorlagen.schemas import Sitzungsvorlage
from vorlagen.schemas.bild import BASIS
from vorlagen.schemas.fehler import fehlermeldungen
from vorlagen.template import Fassung, Template, check_template

if TYPE_CHECKING:
    from vorlagen.batch import RenderResult
    from vorlagen.documents.niederschrift import Teil
    from vorlagen.regeln import Geschaeftsordnung
    from vorlagen.schemas import Niederschrift, Sitzung

__all__ = [
    "example_json",
    "example_sitzung_json",
    "load_paper",
    "load_sitzung",
    "main",
    "schema_json",
]

EXAMPLE = "beschlussvorlage.json"
EXAMPLE_SITZUNG = "sitzung-kreistag.yaml"
#: Appended to a paper's name for its public version, so that it never replaces the internal one.
_PUBLIC_SUFFIX = " (öffentlich)"

# A paper read from its file, where its DOCX goes, and the validated paper.
_Job = tuple[Path, Path, Sitzungsvorlage]


M = TypeVar("M", Sitzungsvorlage, "Sitzung", "Niederschrift")


def _load_model(path: Path, model: type[M]) -> M:
    """Read a model from a JSON or YAML file; paths in it are relative to the file's folder."""
    text = path.read_text(encoding="utf-8")
    context = {BASIS: path.resolve().parent}
    if path.suffix.lower() in {".yaml", ".yml"}:
        import yaml  # only YAML input pays for loading it

        data: Any = yaml.safe_load(text)
        return model.model_validate(data, context=context)
    return model.model_validate_json(text, context=context)


def load_paper(path: Path) -> Sitzungsvorlage:
    """Read a paper from a JSON or YAML file and validate it.

    Image paths in the paper (``bild`` blocks, Markdown images) are relative to the file's
    directory and may not leave it.
    """
    return _load_model(path, Sitzungsvorlage)


def load_sitzung(path: Path) -> Sitzung:
    """Read a meeting from a JSON or YAML file and validate it.

    A TOP's ``vorlage`` may be the path of a paper's file, relative to the meeting file's
    directory and inside it.
    """
    return _load_model(path, schemas.Sitzung)


def _examples() -> Path:
    """The folder of the shipped examples (in an installed wheel or a source checkout)."""
    packaged = Path(str(resources.files("vorlagen").joinpath("examples")))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "examples"


def example_sitzung_json() -> str:
    """The example meeting with its papers in one JSON document."""
    sitzung = load_sitzung(_examples() / EXAMPLE_SITZUNG)
    return sitzung.model_dump_json(indent=2, exclude_unset=True) + "\n"


def example_json(name: str = EXAMPLE) -> str:
    """The text of a shipped example paper (in an installed wheel or a source checkout)."""
    packaged = resources.files("vorlagen").joinpath("examples", name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parent.parent / "examples" / name
    return checkout.read_text(encoding="utf-8")


#: The models a caller sends as JSON, by the name of their shipped schema file.
SCHEMAS: Final = ("sitzungsvorlage", "sitzung", "niederschrift", "geschaeftsordnung")


def schema_json(was: str = "sitzungsvorlage") -> str:
    """The JSON Schema (2020-12, in German) of a model, as shipped in ``vorlagen/schemas``.

    ``was`` is one of :data:`SCHEMAS`.
    """
    from vorlagen.regeln import Geschaeftsordnung
    from vorlagen.schemas.deutsch import deutsch
    from vorlagen.schemas.regeln_schema import fuer_andere

    models: dict[str, type[BaseModel]] = {
        "sitzungsvorlage": Sitzungsvorlage,
        "sitzung": schemas.Sitzung,
        "niederschrift": schemas.Niederschrift,
        "geschaeftsordnung": Geschaeftsordnung,
    }
    model = models[was]
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    schema.update(deutsch(fuer_andere(model.model_json_schema())))
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vorlagen", description="Sitzungsvorlagen als DOCX erzeugen."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    r = commands.add_parser("render", help="eine Vorlage (JSON oder YAML) als DOCX ausgeben")
    r.add_argument("papers", type=Path, nargs="+", help="Vorlagen als .json oder .yaml")
    r.add_argument(
        "-o",
        "--output",
        help="Zieldatei oder Ordner (mit / am Ende; bei mehreren Vorlagen immer ein Ordner, "
        "fehlende Ordner werden angelegt; Standard: wie die Vorlage, .docx)",
    )
    r.add_argument(
        "--template",
        help="eigene Dokumentvorlage (.docx, .dotx) oder eine mitgelieferte: default, stadt",
    )
    r.add_argument("--waehrung", choices=["€", "EUR"], help="Währungszeichen (Hausstil)")
    r.add_argument(
        "--workers", type=int, help="Prozesse für mehrere Vorlagen (Standard: einer je CPU)"
    )
    _public_and_pdf(
        r,
        "öffentliche Fassung: ohne Sachbearbeitung (und je nach Hausstil ohne Unterzeichner); "
        "Standardname „vorlage (öffentlich).docx“",
    )
    _pruefen_option(r)
    m = commands.add_parser(
        "sitzung", help="Einladung oder Sitzungsmappe einer Sitzung (JSON oder YAML) als DOCX"
    )
    m.add_argument("sitzung", type=Path, help="die Sitzung als .json oder .yaml")
    what = m.add_mutually_exclusive_group()
    what.add_argument(
        "--einladung",
        action="store_true",
        help="die Einladung mit der Tagesordnung ausgeben (Standard)",
    )
    what.add_argument(
        "--mappe",
        action="store_true",
        help="die Sitzungsmappe: die Einladung und alle Vorlagen in der Reihenfolge der "
        "Tagesordnung, ein Dokument",
    )
    m.add_argument(
        "-o",
        "--output",
        type=Path,
        help="Zieldatei (Standard: „<sitzung> Einladung.docx“ oder „<sitzung> Mappe.docx“)",
    )
    m.add_argument(
        "--template",
        help="eigene Einladungsvorlage (.docx, .dotx) oder eine mitgelieferte: default, stadt",
    )
    m.add_argument(
        "--vorlagen-template",
        help="die Dokumentvorlage der Vorlagen in der Mappe (Standard: default)",
    )
    _public_and_pdf(
        m,
        "öffentliche Fassung: nichtöffentliche Punkte nur mit Titel (je nach Hausstil ohne), "
        "in der Mappe nur öffentliche Vorlagen; Standardname „… (öffentlich).docx“",
    )
    _pruefen_option(m)
    n = commands.add_parser("niederschrift", help="die Niederschrift einer Sitzung als DOCX")
    n.add_argument("niederschrift", type=Path, help="die Niederschrift als .json oder .yaml")
    n.add_argument(
        "--nichtoeffentlich",
        action="store_true",
        help="den nichtöffentlichen Teil ausgeben (Standard: den öffentlichen)",
    )
    n.add_argument(
        "-o",
        "--output",
        type=Path,
        help="Zieldatei (Standard: „<niederschrift> (öffentlicher Teil).docx“)",
    )
    n.add_argument("--template", help="eigene Dokumentvorlage oder eine mitgelieferte")
    n.add_argument(
        "--pdf", action="store_true", help="zusätzlich PDF/A erzeugen (braucht LibreOffice)"
    )
    x = commands.add_parser("auszug", help="den Beschlussauszug eines Punktes als DOCX")
    x.add_argument("niederschrift", type=Path, help="die Niederschrift als .json oder .yaml")
    x.add_argument("--top", required=True, help="der Punkt: seine Nummer wie „Ö 3“ oder Stelle")
    x.add_argument(
        "-o", "--output", type=Path, help="Zieldatei (Standard: „<niederschrift> Auszug Ö 3.docx“)"
    )
    x.add_argument("--template", help="eigene Dokumentvorlage oder eine mitgelieferte")
    x.add_argument(
        "--pdf", action="store_true", help="zusätzlich PDF/A erzeugen (braucht LibreOffice)"
    )
    e = commands.add_parser("example", help="eine vollständige Beispielvorlage als JSON schreiben")
    e.add_argument("-o", "--output", type=Path, help="Zieldatei (Standard: Ausgabe auf stdout)")
    e.add_argument(
        "--sitzung",
        action="store_true",
        help="eine Beispielsitzung mit ihren Vorlagen (eine JSON-Datei) statt einer Vorlage",
    )
    o = commands.add_parser(
        "oparl", help="eine Vorlage oder Sitzung (JSON oder YAML) als OParl 1.1 (JSON) ausgeben"
    )
    o.add_argument("datei", type=Path, help="die Vorlage oder Sitzung als .json oder .yaml")
    o.add_argument(
        "--base-url",
        required=True,
        help="die URL der Körperschaft in der OParl-Schnittstelle, unter der alle ids entstehen "
        "(z. B. https://ris.kreis-lindenau.de/oparl/body/1)",
    )
    o.add_argument(
        "--datei",
        dest="dokument",
        type=Path,
        help="das erzeugte Dokument der Vorlage (PDF oder DOCX) als mainFile",
    )
    o.add_argument(
        "--erstellt",
        type=datetime.fromisoformat,
        help="Zeitpunkt für created/modified, z. B. 2026-11-02T09:30 (deutsche Zeit); "
        "Standard: die Änderungszeit der Datei (in UTC)",
    )
    o.add_argument(
        "--nichtoeffentlich",
        action="store_true",
        help="auch Nichtöffentliches ausgeben (nur mit Nummer und neutralem Namen)",
    )
    o.add_argument(
        "--template",
        help="für eine Sitzung: die Einladungsvorlage, deren Hausstil die Punkte nummeriert "
        "(wie bei „vorlagen sitzung“; Standard: default)",
    )
    o.add_argument("-o", "--output", type=Path, help="Zieldatei (Standard: stdout)")
    p = commands.add_parser(
        "pruefen",
        help="eine Vorlage, Sitzung oder Niederschrift gegen die Regeln der Geschäftsordnung "
        "prüfen",
    )
    p.add_argument("datei", type=Path, help="die Vorlage, Sitzung oder Niederschrift")
    _go(p)
    g = commands.add_parser(
        "lesen", help="die Daten einer Vorlage aus ihrem DOCX oder PDF als JSON ausgeben"
    )
    g.add_argument("dokument", type=Path, help="ein mit vorlagen erzeugtes DOCX oder PDF")
    g.add_argument(
        "--auch-geaendert",
        action="store_true",
        help="auch lesen, wenn der Text nach dem Erzeugen geändert wurde (die Daten sind dann "
        "die der ursprünglichen Fassung)",
    )
    g.add_argument("-o", "--output", type=Path, help="Zieldatei (Standard: stdout)")
    c = commands.add_parser("check", help="eine DOCX-Dokumentvorlage prüfen")
    c.add_argument("template", type=Path, help="die Dokumentvorlage (.docx oder .dotx)")
    s = commands.add_parser(
        "schema", help="das JSON Schema einer Sitzungsvorlage (oder Sitzung, …) ausgeben"
    )
    welches = s.add_mutually_exclusive_group()
    for name, was in (
        ("sitzung", "einer Sitzung"),
        ("niederschrift", "einer Niederschrift"),
        ("geschaeftsordnung", "einer Geschäftsordnung (TOML, als JSON beschrieben)"),
    ):
        welches.add_argument(
            f"--{name}", dest="was", action="store_const", const=name, help=f"das Schema {was}"
        )
    s.add_argument("-o", "--output", type=Path, help="Zieldatei (Standard: stdout)")
    return parser


def _go(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--go",
        type=Path,
        help="die Geschäftsordnung als .toml (Standard: die Vorgaben für NRW)",
    )


def _pruefen_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pruefen",
        action="store_true",
        help="vorher nach der Geschäftsordnung prüfen; bei einem Fehler nichts ausgeben",
    )
    _go(parser)


def _public_and_pdf(parser: argparse.ArgumentParser, public: str) -> None:
    """The options ``--oeffentlich`` (explained by ``public``) and ``--pdf``."""
    parser.add_argument("--oeffentlich", action="store_true", help=public)
    parser.add_argument(
        "--pdf", action="store_true", help="zusätzlich PDF/A erzeugen (braucht LibreOffice)"
    )


def _write_text(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text.encode("utf-8"))
        print(f"{output} geschrieben", file=sys.stderr)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _yaml_error() -> type[Exception]:
    import yaml

    return yaml.YAMLError


def _load(path: Path, model: type[M] = Sitzungsvorlage) -> M | None:  # type: ignore[assignment]
    """A paper (or meeting) from its file, or None after printing why it cannot be read."""
    try:
        return _load_model(path, model)
    except OSError as e:
        _say(f"{path}: nicht lesbar: {e.strerror or e}")
    except ValidationError as e:
        what = {Sitzungsvorlage: "die Vorlage", schemas.Sitzung: "die Sitzung"}.get(
            model, "die Niederschrift"
        )
        _say(f"{path}: {what} ist ungültig:")
        for line in fehlermeldungen(e):
            _say(f"  {line}")
    # An except clause is evaluated only when an error reaches it: JSON input never loads yaml.
    except _yaml_error() as e:
        _say(f"{path}: kein gültiges YAML: {e}")
    return None


def _docx_name(paper: Path, public: bool) -> str:
    """The default file name of a paper's document: ``vorlage.docx``, ``vorlage (öffentlich).docx``.

    >>> _docx_name(Path("sitzung/vorlage.json"), public=True)
    'vorlage (öffentlich).docx'
    """
    return paper.stem + (_PUBLIC_SUFFIX if public else "") + ".docx"


def _targets(
    papers: Sequence[Path], raw: str | None, *, public: bool
) -> tuple[list[Path], Path | None] | None:
    """Where each paper's DOCX goes, and the folder to create for them if it is missing.

    None (after a message) if the output ``raw`` (``-o`` as typed: a ``Path`` would drop the
    trailing separator that marks a folder) cannot hold them.
    """
    if raw is None:
        return [paper.with_name(_docx_name(paper, public)) for paper in papers], None
    output = Path(raw)
    folder = output.is_dir() or raw.endswith(("/", os.sep))
    if len(papers) == 1 and not folder:
        internal = papers[0].with_suffix(".docx")
        if public and output.exists() and output.resolve() == internal.resolve():
            _say(
                f"{output}: hier steht die interne Fassung; die öffentliche Fassung wird nicht "
                f"darübergeschrieben (ohne -o: „{_docx_name(papers[0], public)}“)"
            )
            return None
        return [output], None
    if not _may_be_folder(output, folder):
        several = ", wenn mehrere Vorlagen angegeben sind" if len(papers) > 1 else ""
        _say(f"{output}: -o muss ein Ordner sein{several}")
        return None
    targets = [output / _docx_name(paper, public) for paper in papers]
    if len(set(targets)) < len(targets):
        _say(f"{output}: mehrere Vorlagen hätten denselben Dateinamen")
        return None
    return targets, None if output.is_dir() else output


def _may_be_folder(output: Path, as_folder: bool) -> bool:
    """Whether ``-o`` may be the folder of several papers' documents.

    Not a file, nor (unless typed as a folder, with a trailing separator) a document's name:
    a folder of that name is not meant.
    """
    if output.exists():
        return output.is_dir()
    return as_folder or output.suffix.lower() not in {".docx", ".pdf"}


def _jobs(papers: Sequence[Path], targets: Sequence[Path], args: argparse.Namespace) -> list[_Job]:
    """The papers that could be read, are valid (and pass the checks), each with its target."""
    jobs: list[_Job] = []
    for path, target in zip(papers, targets, strict=True):
        paper = _load(path)
        if paper is not None and _geprueft(paper, args, path):
            jobs.append((path, target, paper))
    return jobs


def _write_results(
    jobs: Sequence[_Job], results: Iterable[RenderResult], say: Callable[[str], None]
) -> list[tuple[Path, bytes]]:
    """Write each rendered document to its target; the documents written."""
    written: list[tuple[Path, bytes]] = []
    for (path, target, _), result in zip(jobs, results, strict=True):
        if result.docx is None:
            say(f"{path}: {result.error}")
            continue
        try:
            write_atomic(target, result.docx)
        except OSError as e:
            say(f"{target}: nicht schreibbar: {e.strerror or e}")
            continue
        written.append((target, result.docx))
        if len(jobs) == 1:
            say(f"{target} geschrieben")
    return written


def _render_jobs(
    jobs: Sequence[_Job], template: Template, workers: int | None, fassung: Fassung
) -> list[tuple[Path, bytes]]:
    """Render and write the papers: one in this process, many on ``workers`` with a bar."""
    papers = [paper for _, _, paper in jobs]
    if len(jobs) <= 1:
        results = render_many(papers, template, workers=1, fassung=fassung)
        return _write_results(jobs, results, _say)
    from tqdm import tqdm  # a progress bar is for many papers; one starts faster without

    with tqdm(total=len(jobs), unit=" Vorlagen", disable=None, file=sys.stderr) as bar:

        def advance(done: int, total: int | None) -> None:
            bar.update(1)

        results = render_many(papers, template, workers=workers, progress=advance, fassung=fassung)
        return _write_results(jobs, results, lambda message: bar.write(message, file=sys.stderr))


def _write_pdfs(documents: list[tuple[Path, bytes]]) -> int:
    """Convert the written documents with one LibreOffice run; the number that failed."""
    from vorlagen.pdf import to_pdf_many  # only --pdf needs LibreOffice's runner

    try:
        pdfs = to_pdf_many([data for _, data in documents])
    except ConversionError as e:
        _say(f"PDF: {e}")
        return len(documents)
    for (target, _), pdf in zip(documents, pdfs, strict=True):
        write_atomic(target.with_suffix(".pdf"), pdf)
        if len(documents) == 1:
            _say(f"{target.with_suffix('.pdf')} geschrieben")
    return 0


def _render(args: argparse.Namespace) -> int:
    found = _targets(args.papers, args.output, public=args.oeffentlich)
    if found is None:
        return 1
    targets, folder = found
    try:
        template = resolve_template(args.template)
    except VorlagenError as e:
        _say(str(e))
        return 1
    if args.waehrung:  # the template's house style (from its file, if it has one), but this
        stil = template.hausstil.model_dump()
        template = template.with_hausstil(
            Hausstil.model_validate({**stil, "waehrung": args.waehrung})
        )
    fassung: Fassung = "oeffentlich" if args.oeffentlich else "intern"
    jobs = _jobs(args.papers, targets, args)
    if jobs and folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            _say(f"{folder}: Ordner nicht anlegbar: {e.strerror or e}")
            return 1
    written = _render_jobs(jobs, template, args.workers, fassung)
    failed = len(args.papers) - len(written)
    if args.pdf and written:
        failed += _write_pdfs(written)
    if len(args.papers) > 1:
        _say(f"{len(args.papers) - failed} von {len(args.papers)} Vorlagen geschrieben")
    return 1 if failed else 0


def _sitzung(args: argparse.Namespace) -> int:
    """Render the Einladung or the Mappe of a meeting (public versions with --oeffentlich)."""
    from vorlagen.documents import render_einladung, render_mappe

    sitzung = _load(args.sitzung, schemas.Sitzung)
    if sitzung is None or not _geprueft(sitzung, args, args.sitzung):
        return 1
    fassung: Fassung = "oeffentlich" if args.oeffentlich else "intern"
    kind = " Mappe" if args.mappe else " Einladung"
    name = args.sitzung.stem + kind + (_PUBLIC_SUFFIX if args.oeffentlich else "")
    target: Path = args.output or args.sitzung.with_name(name + ".docx")
    data = _write_document(
        target,
        lambda: (
            render_mappe(sitzung, args.vorlagen_template, args.template, fassung=fassung)
            if args.mappe
            else render_einladung(sitzung, template=args.template, fassung=fassung)
        ),
    )
    if data is None:
        return 1
    if not args.pdf:
        return 0
    if not args.mappe:
        return _write_pdfs([(target, data)])
    return _mappe_pdf(sitzung, args, fassung, target)


def _mappe_pdf(sitzung: Sitzung, args: argparse.Namespace, fassung: Fassung, target: Path) -> int:
    """Write the Mappe's PDF beside its DOCX: the page counts of its papers need it made here."""
    from vorlagen.documents import render_mappe_pdf

    try:
        pdf = render_mappe_pdf(sitzung, args.vorlagen_template, args.template, fassung=fassung)
        write_atomic(target.with_suffix(".pdf"), pdf)
    except (ConversionError, OSError) as e:
        _say(f"PDF: {e}")
        return 1
    _say(f"{target.with_suffix('.pdf')} geschrieben")
    return 0


def _niederschrift(args: argparse.Namespace) -> int:
    """Render one part of a meeting's Niederschrift."""
    from vorlagen.documents import render_niederschrift

    niederschrift = _load(args.niederschrift, schemas.Niederschrift)
    if niederschrift is None:
        return 1
    teil: Teil = "nichtoeffentlich" if args.nichtoeffentlich else "oeffentlich"
    zusatz = " (nichtöffentlicher Teil)" if args.nichtoeffentlich else " (öffentlicher Teil)"
    target: Path = args.output or args.niederschrift.with_name(
        args.niederschrift.stem + zusatz + ".docx"
    )
    data = _write_document(
        target, lambda: render_niederschrift(niederschrift, teil, template=args.template)
    )
    if data is None:
        return 1
    return _write_pdfs([(target, data)]) if args.pdf else 0


def _auszug(args: argparse.Namespace) -> int:
    """Render the Beschlussauszug of one item of a Niederschrift."""
    from vorlagen.documents import render_auszug

    niederschrift = _load(args.niederschrift, schemas.Niederschrift)
    if niederschrift is None:
        return 1
    top: str | int = int(args.top) if args.top.isdigit() else args.top
    name = f"{args.niederschrift.stem} Auszug {args.top}.docx"
    target: Path = args.output or args.niederschrift.with_name(name)
    data = _write_document(target, lambda: render_auszug(niederschrift, top, args.template))
    if data is None:
        return 1
    return _write_pdfs([(target, data)]) if args.pdf else 0


def _oparl(args: argparse.Namespace) -> int:
    """Print a paper or a meeting as OParl 1.1."""
    from vorlagen.oparl import to_meeting, to_paper

    try:
        erstellt = args.erstellt or datetime.fromtimestamp(args.datei.stat().st_mtime, tz=UTC)
        dokument = args.dokument.read_bytes() if args.dokument is not None else None
    except OSError as e:
        _say(f"{e.filename}: nicht lesbar: {e.strerror or e}")
        return 1
    options: dict[str, Any] = {
        "base_url": args.base_url,
        "erstellt": erstellt,
        "nichtoeffentlich": args.nichtoeffentlich,
    }
    model = _model_of(args.datei)
    if model is None:
        return 1
    meeting = model is schemas.Sitzung
    if not meeting and args.template is not None:
        _say(f"{args.datei}: --template gilt nur für eine Sitzung (die Nummern ihrer Punkte)")
        return 1
    try:
        if meeting:
            sitzung = _load(args.datei, schemas.Sitzung)
            # the items are numbered as the meeting's Einladung prints them
            hausstil = DIN_5008 if args.template is None else _house_style(args.template)
            if sitzung is None or hausstil is None:
                return 1
            exported = to_meeting(sitzung, hausstil=hausstil, **options)
        else:
            vorlage = _load(args.datei)
            if vorlage is None:
                return 1
            exported = to_paper(vorlage, datei=dokument, **options)
    except ValueError as e:
        _say(f"{args.datei}: {e}")
        return 1
    return _output(json.dumps(exported, ensure_ascii=False, indent=2) + "\n", args.output)


def _house_style(einladung: str) -> Hausstil | None:
    """The house style of an Einladung template named on the command line (or None)."""
    try:
        return resolve_template(einladung, dokument="einladung").hausstil
    except VorlagenError as e:
        _say(str(e))
        return None


def _model_of(path: Path) -> type[Sitzungsvorlage] | type[Sitzung] | type[Niederschrift] | None:
    """Which model a file holds, by its top-level fields; None after saying why not."""
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() in {".yaml", ".yml"}:
            import yaml

            data: Any = yaml.safe_load(text)
        else:
            data = json.loads(text)
    except OSError as e:
        _say(f"{path}: nicht lesbar: {e.strerror or e}")
        return None
    except (ValueError, _yaml_error()) as e:
        _say(f"{path}: weder JSON noch YAML: {e}")
        return None
    keys = set(data) if isinstance(data, dict) else set()
    if "tagesordnung" in keys:
        return schemas.Sitzung
    if keys & {"ergebnisse", "anwesend", "schriftfuehrung"}:
        return schemas.Niederschrift
    return Sitzungsvorlage


def _geschaeftsordnung(path: Path | None) -> Geschaeftsordnung | None:
    """The Geschäftsordnung of ``--go``, the NRW defaults without; None after saying why not."""
    from vorlagen.regeln import Geschaeftsordnung

    if path is None:
        return Geschaeftsordnung()
    try:
        return Geschaeftsordnung.from_toml(path)
    except OSError as e:
        _say(f"{path}: nicht lesbar: {e.strerror or e}")
    except ValidationError as e:
        _say(f"{path}: die Geschäftsordnung ist ungültig:")
        for line in fehlermeldungen(e):
            _say(f"  {line}")
    except ValueError as e:  # tomllib.TOMLDecodeError
        _say(f"{path}: kein gültiges TOML: {e}")
    return None


def _befunde(obj: Sitzungsvorlage | Sitzung | Niederschrift, go: Geschaeftsordnung) -> int:
    """Print the findings on ``obj``; the number of errors among them."""
    from vorlagen.regeln import Schwere, pruefen

    befunde = pruefen(obj, go)
    for befund in befunde:
        print(befund)
    fehler = sum(b.schwere is Schwere.FEHLER for b in befunde)
    return fehler


def _pruefen(args: argparse.Namespace) -> int:
    """Check a paper, a meeting or minutes; exit 1 on any error."""
    go = _geschaeftsordnung(args.go)
    model = _model_of(args.datei)
    if go is None or model is None:
        return 1
    obj: Sitzungsvorlage | Sitzung | Niederschrift | None
    if model is schemas.Sitzung:
        obj = _load(args.datei, schemas.Sitzung)
    elif model is schemas.Niederschrift:
        obj = _load(args.datei, schemas.Niederschrift)
    else:
        obj = _load(args.datei)
    if obj is None:
        return 1
    fehler = _befunde(obj, go)
    _say(f"{args.datei}: {fehler} Fehler" if fehler else f"{args.datei}: kein Fehler")
    return 1 if fehler else 0


def _geprueft(obj: Sitzungsvorlage | Sitzung, args: argparse.Namespace, path: Path) -> bool:
    """Whether ``obj`` may be written: without ``--pruefen``, or checked without an error."""
    if not args.pruefen:
        return True
    go = _geschaeftsordnung(args.go)
    if go is None:
        return False
    if _befunde(obj, go):
        _say(f"{path}: nicht ausgegeben, die Prüfung fand Fehler")
        return False
    return True


def _lesen(args: argparse.Namespace) -> int:
    """Print the paper a rendered DOCX or PDF carries."""
    from vorlagen.daten import read

    try:
        vorlage = read(args.dokument.read_bytes(), auch_geaendert=args.auch_geaendert)
    except OSError as e:
        _say(f"{args.dokument}: nicht lesbar: {e.strerror or e}")
        return 1
    except VorlagenError as e:
        _say(f"{args.dokument}: {e}")
        return 1
    return _output(vorlage.model_dump_json(indent=2, exclude_none=True) + "\n", args.output)


def _output(text: str, output: Path | None) -> int:
    """Write ``text`` to ``output`` (stdout if None); the exit status."""
    try:
        _write_text(text, output)
    except OSError as e:
        _say(f"{output}: nicht schreibbar: {e.strerror or e}")
        return 1
    return 0


def _write_document(target: Path, render: Callable[[], bytes]) -> bytes | None:
    """Render a document and write it to ``target``; None after saying why not."""
    try:
        data = render()
    except VorlagenError as e:
        _say(str(e))
        return None
    try:
        write_atomic(target, data)
    except OSError as e:
        _say(f"{target}: nicht schreibbar: {e.strerror or e}")
        return None
    _say(f"{target} geschrieben")
    return data


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 failed, 2 usage)."""
    args = _parser().parse_args(argv)
    if args.command == "render":
        return _render(args)
    if args.command == "sitzung":
        return _sitzung(args)
    if args.command == "niederschrift":
        return _niederschrift(args)
    if args.command == "auszug":
        return _auszug(args)
    if args.command == "oparl":
        return _oparl(args)
    if args.command == "lesen":
        return _lesen(args)
    if args.command == "pruefen":
        return _pruefen(args)
    if args.command == "check":
        problems = check_template(args.template)
        for problem in problems:
            print(problem)
        if not problems:
            print(f"{args.template}: keine Probleme gefunden")
        return 1 if problems else 0
    if args.command == "example":
        text = example_sitzung_json() if args.sitzung else example_json()
    else:
        text = schema_json(args.was or "sitzungsvorlage")
    return _output(text, args.output)
