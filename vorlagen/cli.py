"""The command line: ``python -m vorlagen render|example|check|schema``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from tqdm import tqdm

from vorlagen.batch import render_many
from vorlagen.errors import ConversionError, VorlagenError
from vorlagen.formatting import Hausstil
from vorlagen.pdf import to_pdf_many
from vorlagen.schemas import Sitzungsvorlage
from vorlagen.schemas.bild import BASIS
from vorlagen.schemas.fehler import fehlermeldungen
from vorlagen.template import check_template, resolve_template, write_atomic

__all__ = ["example_json", "load_paper", "main", "schema_json"]

EXAMPLE = "beschlussvorlage.json"


def load_paper(path: Path) -> Sitzungsvorlage:
    """Read a paper from a JSON or YAML file and validate it.

    Image paths in the paper (``bild`` blocks, Markdown images) are relative to the file's
    directory and may not leave it.
    """
    text = path.read_text(encoding="utf-8")
    context = {BASIS: path.resolve().parent}
    if path.suffix.lower() in {".yaml", ".yml"}:
        data: Any = yaml.safe_load(text)
        return Sitzungsvorlage.model_validate(data, context=context)
    return Sitzungsvorlage.model_validate_json(text, context=context)


def example_json(name: str = EXAMPLE) -> str:
    """The text of a shipped example paper (in an installed wheel or a source checkout)."""
    packaged = resources.files("vorlagen").joinpath("examples", name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parent.parent / "examples" / name
    return checkout.read_text(encoding="utf-8")


def schema_json() -> str:
    """The JSON Schema of a Sitzungsvorlage, as shipped in ``vorlagen/schemas``."""
    return json.dumps(Sitzungsvorlage.model_json_schema(), ensure_ascii=False, indent=2) + "\n"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vorlagen", description="Sitzungsvorlagen als DOCX erzeugen."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    r = commands.add_parser("render", help="eine Vorlage (JSON oder YAML) als DOCX ausgeben")
    r.add_argument("papers", type=Path, nargs="+", help="Vorlagen als .json oder .yaml")
    r.add_argument(
        "-o",
        "--output",
        type=Path,
        help="Zieldatei, bei mehreren Vorlagen ein Verzeichnis (Standard: wie die Vorlage, .docx)",
    )
    r.add_argument("--template", type=Path, help="eigene DOCX-Dokumentvorlage")
    r.add_argument("--waehrung", choices=["€", "EUR"], help="Währungszeichen (Hausstil)")
    r.add_argument(
        "--workers", type=int, help="Prozesse für mehrere Vorlagen (Standard: einer je CPU)"
    )
    r.add_argument(
        "--oeffentlich",
        action="store_true",
        help="öffentliche Fassung: ohne Sachbearbeitung (und je nach Hausstil ohne Unterzeichner)",
    )
    r.add_argument(
        "--pdf", action="store_true", help="zusätzlich PDF/A erzeugen (braucht LibreOffice)"
    )
    e = commands.add_parser("example", help="eine vollständige Beispielvorlage als JSON schreiben")
    e.add_argument("-o", "--output", type=Path, help="Zieldatei (Standard: Ausgabe auf stdout)")
    c = commands.add_parser("check", help="eine DOCX-Dokumentvorlage prüfen")
    c.add_argument("template", type=Path, help="die Dokumentvorlage (.docx)")
    s = commands.add_parser("schema", help="das JSON Schema einer Sitzungsvorlage ausgeben")
    s.add_argument("-o", "--output", type=Path, help="Zieldatei (Standard: stdout)")
    return parser


def _write_text(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text.encode("utf-8"))
        print(f"{output} geschrieben", file=sys.stderr)


def _load(path: Path) -> Sitzungsvorlage | None:
    """A paper from its file, or None after printing why it cannot be read."""
    try:
        return load_paper(path)
    except OSError as e:
        print(f"{path}: nicht lesbar: {e.strerror or e}", file=sys.stderr)
    except yaml.YAMLError as e:
        print(f"{path}: kein gültiges YAML: {e}", file=sys.stderr)
    except ValidationError as e:
        print(f"{path}: die Vorlage ist ungültig:", file=sys.stderr)
        for line in fehlermeldungen(e):
            print(f"  {line}", file=sys.stderr)
    return None


def _targets(papers: Sequence[Path], output: Path | None) -> list[Path] | None:
    """Where each paper's DOCX goes; None (after a message) if ``output`` cannot hold them."""
    if output is None:
        return [paper.with_suffix(".docx") for paper in papers]
    if len(papers) == 1 and not output.is_dir() and not str(output).endswith(("/", os.sep)):
        return [output]
    if not output.is_dir():
        print(f"{output}: Verzeichnis nicht gefunden", file=sys.stderr)
        return None
    targets = [output / paper.with_suffix(".docx").name for paper in papers]
    if len(set(targets)) < len(targets):
        print(f"{output}: mehrere Vorlagen hätten denselben Dateinamen", file=sys.stderr)
        return None
    return targets


def _render(args: argparse.Namespace) -> int:
    targets = _targets(args.papers, args.output)
    if targets is None:
        return 1
    hausstil = Hausstil(waehrung=args.waehrung) if args.waehrung else None
    try:
        template = resolve_template(args.template, hausstil)
    except VorlagenError as e:
        print(e, file=sys.stderr)
        return 1
    loaded = [
        (path, target, _load(path)) for path, target in zip(args.papers, targets, strict=True)
    ]
    valid = [(path, target, paper) for path, target, paper in loaded if paper is not None]
    failed = len(loaded) - len(valid)
    workers = args.workers if len(valid) > 1 else 1
    written: list[tuple[Path, bytes]] = []
    with tqdm(total=len(valid), unit=" Vorlagen", disable=None, file=sys.stderr) as bar:

        def advance(done: int, total: int | None) -> None:
            bar.update(1)

        results = render_many(
            [paper for _, _, paper in valid],
            template,
            workers=workers,
            progress=advance,
            fassung="oeffentlich" if args.oeffentlich else "intern",
        )
        for (path, target, _), result in zip(valid, results, strict=True):
            if result.docx is None:
                bar.write(f"{path}: {result.error}", file=sys.stderr)
                failed += 1
                continue
            try:
                write_atomic(target, result.docx)
            except OSError as e:
                bar.write(f"{target}: nicht schreibbar: {e.strerror or e}", file=sys.stderr)
                failed += 1
                continue
            written.append((target, result.docx))
            if len(valid) == 1:
                bar.write(f"{target} geschrieben", file=sys.stderr)
    if args.pdf and written:
        failed += _write_pdfs(written)
    if len(args.papers) > 1:
        done = len(args.papers) - failed
        print(f"{done} von {len(args.papers)} Vorlagen geschrieben", file=sys.stderr)
    return 1 if failed else 0


def _write_pdfs(documents: list[tuple[Path, bytes]]) -> int:
    """Convert the written documents with one LibreOffice run; the number that failed."""
    try:
        pdfs = to_pdf_many([data for _, data in documents])
    except ConversionError as e:
        print(f"PDF: {e}", file=sys.stderr)
        return len(documents)
    for (target, _), pdf in zip(documents, pdfs, strict=True):
        write_atomic(target.with_suffix(".pdf"), pdf)
        if len(documents) == 1:
            print(f"{target.with_suffix('.pdf')} geschrieben", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 failed, 2 usage)."""
    args = _parser().parse_args(argv)
    if args.command == "render":
        return _render(args)
    if args.command == "check":
        problems = check_template(args.template)
        for problem in problems:
            print(problem)
        if not problems:
            print(f"{args.template}: keine Probleme gefunden")
        return 1 if problems else 0
    text = example_json() if args.command == "example" else schema_json()
    try:
        _write_text(text, args.output)
    except OSError as e:
        print(f"{args.output}: nicht schreibbar: {e.strerror or e}", file=sys.stderr)
        return 1
    return 0
