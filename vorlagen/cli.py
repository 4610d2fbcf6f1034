"""The command line: ``python -m vorlagen render|example|check|schema``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from vorlagen.errors import VorlagenError
from vorlagen.formatting import Hausstil
from vorlagen.schemas import Sitzungsvorlage
from vorlagen.schemas.bild import BASIS
from vorlagen.schemas.fehler import fehlermeldungen
from vorlagen.template import Template, check_template, render, write_atomic

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
    r.add_argument("paper", type=Path, help="die Vorlage als .json oder .yaml")
    r.add_argument("-o", "--output", type=Path, help="Zieldatei (Standard: wie paper, .docx)")
    r.add_argument("--template", type=Path, help="eigene DOCX-Dokumentvorlage")
    r.add_argument("--waehrung", choices=["€", "EUR"], help="Währungszeichen (Hausstil)")
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


def _render(args: argparse.Namespace) -> int:
    try:
        vorlage = load_paper(args.paper)
    except OSError as e:
        print(f"{args.paper}: nicht lesbar: {e.strerror or e}", file=sys.stderr)
        return 1
    except yaml.YAMLError as e:
        print(f"{args.paper}: kein gültiges YAML: {e}", file=sys.stderr)
        return 1
    except ValidationError as e:
        print(f"{args.paper}: die Vorlage ist ungültig:", file=sys.stderr)
        for line in fehlermeldungen(e):
            print(f"  {line}", file=sys.stderr)
        return 1
    hausstil = Hausstil(waehrung=args.waehrung) if args.waehrung else None
    output = args.output or args.paper.with_suffix(".docx")
    try:
        template = Template.from_path(args.template, hausstil) if args.template else None
        data = render(vorlage, template, hausstil)
        write_atomic(output, data)
    except VorlagenError as e:
        print(f"{args.paper}: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"{output}: nicht schreibbar: {e.strerror or e}", file=sys.stderr)
        return 1
    print(f"{output} geschrieben", file=sys.stderr)
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
