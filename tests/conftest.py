"""Shared fixtures: the example papers, rendering to python-docx, LibreOffice when present.

Property tests run about 100 examples each on a developer's machine and 2,000 in CI (where
``CI=true``). A test sets only what its work needs (``deadline=None`` where an example may
take long, as rendering a document does), never its own number of examples.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.document import Document
from hypothesis import settings

import vorlagen

settings.register_profile("dev", max_examples=100)
settings.register_profile("ci", max_examples=2000)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


def example_data(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


def example(name: str) -> vorlagen.Sitzungsvorlage:
    return vorlagen.Sitzungsvorlage.model_validate(example_data(name))


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def minimal_data(**changes: Any) -> dict[str, Any]:
    """The smallest valid Beschlussvorlage, with ``changes`` applied."""
    data: dict[str, Any] = {
        "art": "Beschlussvorlage",
        "nummer": "0001/2026",
        "datum": "2026-05-01",
        "betreff": "Ein Betreff",
        "koerperschaft": "Kreis Lindenau",
        "federfuehrung": "Fachbereich 10",
        "beratungsfolge": [
            {"gremium": "Kreistag", "sitzungsdatum": "2026-06-01", "zustaendigkeit": "Entscheidung"}
        ],
        "beschlussvorschlag": "Der Kreistag beschließt.",
        "sachdarstellung": "Begründung.",
    }
    data.update(changes)
    return data


SITZUNG_FILE = EXAMPLES / "sitzung-kreistag.yaml"


def example_sitzung() -> vorlagen.Sitzung:
    """The example meeting, its papers read from the files it names."""
    data = yaml.safe_load(SITZUNG_FILE.read_text(encoding="utf-8"))
    return vorlagen.Sitzung.model_validate(data, context={"basis": EXAMPLES})


def minimal_sitzung(**changes: Any) -> dict[str, Any]:
    """The smallest valid meeting: one public item, with ``changes`` applied."""
    data: dict[str, Any] = {
        "koerperschaft": "Kreis Lindenau",
        "gremium": "Kreistag",
        "nummer": 6,
        "beginn": "2026-06-01T17:00",
        "ort": "Kreishaus",
        "einladungsdatum": "2026-05-20",
        "vorsitz": {"funktion": "Landrat", "name": "Bernd Hollmann"},
        "tagesordnung": [{"titel": "Eröffnung der Sitzung"}],
    }
    data.update(changes)
    return data


@pytest.fixture
def make_paper() -> Callable[..., vorlagen.Sitzungsvorlage]:
    def make(**changes: Any) -> vorlagen.Sitzungsvorlage:
        return vorlagen.Sitzungsvorlage.model_validate(minimal_data(**changes))

    return make


def _libreoffice_missing() -> str | None:
    missing = [tool for tool in ("soffice", "pdftotext") if shutil.which(tool) is None]
    if not missing:
        return None
    return (
        f"{' and '.join(missing)} not found; install with "
        "'apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation2'"
    )


def require_libreoffice() -> None:
    """Skip a test without LibreOffice and pdftotext; in CI, fail it."""
    reason = _libreoffice_missing()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"LibreOffice is required in CI: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def to_pdf_text() -> Iterator[Callable[[bytes], str]]:
    """Convert DOCX bytes to PDF (vorlagen.to_pdf) and return pdftotext's text."""
    require_libreoffice()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "paper.pdf"

        def convert(data: bytes) -> str:
            pdf.write_bytes(vorlagen.to_pdf(data))
            return subprocess.run(
                ["pdftotext", str(pdf), "-"],
                check=True,
                capture_output=True,
                text=True,
                timeout=60,
            ).stdout

        yield convert
