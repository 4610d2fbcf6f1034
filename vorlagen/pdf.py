"""PDF from DOCX with headless LibreOffice: PDF/A-2b, tagged for accessibility (PDF/UA).

LibreOffice is found through the environment variable ``VORLAGEN_SOFFICE`` or on the PATH
(``soffice``, ``libreoffice``). Every conversion runs with a profile of its own in a
temporary folder, under a timeout, and leaves no process behind. Many documents are
converted by one LibreOffice process: its start is most of the cost of a single conversion.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from vorlagen.errors import ConversionError

__all__ = ["SOFFICE_ENV", "find_soffice", "outline_pages", "to_pdf", "to_pdf_many"]

#: The environment variable that names the LibreOffice program to use.
SOFFICE_ENV: Final = "VORLAGEN_SOFFICE"

_INSTALL_HINT: Final = (
    "LibreOffice installieren (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) "
    f"oder {SOFFICE_ENV}=/pfad/zu/soffice setzen"
)
# PDF/A-2b, tagged, PDF/UA: headings become H1, H2, ..., tables Table with TH, the document
# language and title are carried over, every font is embedded.
_EXPORT: Final = {
    "SelectPdfVersion": {"type": "long", "value": "2"},
    "PDFUACompliance": {"type": "boolean", "value": "true"},
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "ExportBookmarks": {"type": "boolean", "value": "true"},
    "DisplayPDFDocumentTitle": {"type": "boolean", "value": "true"},
}
_FILTER: Final = "pdf:writer_pdf_Export:" + json.dumps(_EXPORT, separators=(",", ":"))


def find_soffice() -> str:
    """The LibreOffice program to convert with; ConversionError if there is none."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        if shutil.which(configured) is None:
            msg = f"{SOFFICE_ENV}={configured}: kein ausführbares Programm; {_INSTALL_HINT}"
            raise ConversionError(msg)
        return configured
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found is not None:
            return found
    msg = f"LibreOffice (soffice) nicht gefunden: {_INSTALL_HINT}"
    raise ConversionError(msg)


def to_pdf(docx: bytes, timeout: float = 120) -> bytes:
    """Convert one DOCX document to PDF/A-2b (tagged).

    A paper's DOCX carries its data (:mod:`vorlagen.daten`); its PDF carries it too, as an
    embedded file, which makes it a PDF/A-3b.
    """
    (pdf,) = to_pdf_many([docx], timeout=timeout)
    return pdf


def outline_pages(pdf: bytes) -> tuple[dict[str, int], int]:
    """The page (from 0) each top-level bookmark of a PDF leads to, by title; the page count."""
    import pikepdf  # only reading a PDF back needs it

    with pikepdf.open(io.BytesIO(pdf)) as document, document.open_outline() as outline:
        pages: dict[str, int] = {}
        for item in outline.root:
            destination = item.destination
            if isinstance(destination, pikepdf.Array) and len(destination):
                pages.setdefault(
                    str(item.title), document.pages.index(pikepdf.Page(destination[0]))
                )
        return pages, len(document.pages)


def to_pdf_many(documents: Sequence[bytes], timeout: float | None = None) -> list[bytes]:
    """Convert DOCX documents to PDF with one LibreOffice process; PDFs in input order.

    ``timeout`` is for the whole batch (default: 60 s plus 10 s per document).
    """
    if not documents:
        return []
    soffice = find_soffice()
    limit = timeout if timeout is not None else 60 + 10 * len(documents)
    with tempfile.TemporaryDirectory(prefix="vorlagen-pdf-") as folder:
        work = Path(folder)
        inputs = [work / f"vorlage-{number:05d}.docx" for number in range(len(documents))]
        for path, data in zip(inputs, documents, strict=True):
            path.write_bytes(data)
        out = work / "pdf"
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profil').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            _FILTER,
            "--outdir",
            str(out),
            *map(str, inputs),
        ]
        stderr = _run(command, limit, work)
        pdfs = []
        for number, path in enumerate(inputs):
            pdf = out / path.with_suffix(".pdf").name
            if not pdf.is_file() or pdf.stat().st_size == 0:
                msg = f"LibreOffice hat Dokument {number + 1} nicht umgewandelt: {stderr[-500:]}"
                raise ConversionError(msg)
            pdfs.append(_with_data(documents[number], pdf.read_bytes()))
        return pdfs


def _with_data(docx: bytes, pdf: bytes) -> bytes:
    """The PDF, carrying the data its DOCX carries (a paper's: PDF/A-3b), if any.

    A DOCX whose text was changed after rendering passes that on: its PDF's data says so.
    """
    from vorlagen.daten import carried, docx_payload

    if carried(docx) is None:
        return pdf
    from vorlagen.pdfdaten import into_pdf

    payload, changed = docx_payload(docx)
    return into_pdf(pdf, {**payload, "text_geaendert": True} if changed else payload)


def _run(command: list[str], timeout: float, home: Path) -> str:
    """Run LibreOffice in a process group of its own and end the whole group afterwards."""
    env = {**os.environ, "HOME": str(home)}  # nothing of the user's profile is read or written
    try:
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            env=env,
        )
    except OSError as e:
        msg = f"LibreOffice ließ sich nicht starten ({command[0]}): {e}; {_INSTALL_HINT}"
        raise ConversionError(msg) from e
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as e:
        _kill_group(process.pid)
        process.communicate()
        msg = f"LibreOffice hat nach {timeout:.0f} s nicht fertig umgewandelt"
        raise ConversionError(msg) from e
    finally:
        _kill_group(process.pid)  # soffice.bin must not outlive the conversion
    text = stderr.decode("utf-8", "replace")
    if process.returncode != 0:
        msg = f"LibreOffice endete mit Status {process.returncode}: {text[-500:]}"
        raise ConversionError(msg)
    return text


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError, AttributeError):
        os.killpg(pid, signal.SIGKILL)
