"""A paper's data in its PDF: an embedded file associated as the document's data (PDF/A-3b).

LibreOffice writes a PDF/A-2b; embedding any file but a PDF/A needs PDF/A-3, which allows
it where the file is associated with the document (``/AF`` in the catalog) and says how
(``/AFRelationship /Data``), as e-invoice formats (ZUGFeRD, Factur-X) embed their XML. The
identification in the XMP metadata becomes part 3; nothing else of the PDF changes, so the
same document gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from typing import Any, Final

import pikepdf

from vorlagen.errors import DataError

__all__ = ["ATTACHMENT", "into_pdf", "pdf_payload"]

#: The name of the embedded file.
ATTACHMENT: Final = "vorlage.json"

_DESCRIPTION: Final = "Daten der Vorlage (JSON, Format des Pakets vorlagen)"


def into_pdf(pdf: bytes, payload: dict[str, Any]) -> bytes:
    """``pdf`` as a PDF/A-3b that carries ``payload`` (with the hash of its pages) as data."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        payload = {**payload, "seiten_sha256": _pages_sha256(document)}
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        # LibreOffice writes UTC as "D:20261130005102Z'": the date of the PDF, well-formed
        stamp = re.sub(r"Z'$", "Z", str(document.docinfo.get("/CreationDate", "")))
        spec = pikepdf.AttachedFileSpec(
            document,
            data,
            description=_DESCRIPTION,
            filename=ATTACHMENT,
            mime_type="application/json",
            creation_date=stamp,
            mod_date=stamp,
            relationship=pikepdf.Name.Data,
        )
        document.attachments[ATTACHMENT] = spec
        document.Root.AF = pikepdf.Array([spec.obj])
        with document.open_metadata(set_pikepdf_as_editor=False) as metadata:
            metadata["pdfaid:part"] = "3"
        out = io.BytesIO()
        document.save(out, deterministic_id=True)
        return out.getvalue()


def pdf_payload(pdf: bytes) -> tuple[dict[str, Any], bool]:
    """The data a PDF carries, and whether its pages no longer match it.

    Raises:
        DataError: not a PDF that can be read, or one that carries no data of this library.
    """
    try:
        document = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PdfError as e:
        msg = f"kein lesbares PDF: {e}"
        raise DataError(msg) from e
    with document:
        spec = document.attachments.get(ATTACHMENT)
        if spec is None:
            msg = f"das PDF trägt keine Daten einer Vorlage (keine Datei „{ATTACHMENT}“)"
            raise DataError(msg)
        try:
            payload = json.loads(spec.get_file().read_bytes())
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            msg = f"die Datei „{ATTACHMENT}“ im PDF ist kein JSON"
            raise DataError(msg) from e
        if not isinstance(payload, dict):
            msg = f"die Datei „{ATTACHMENT}“ im PDF ist kein JSON-Objekt"
            raise DataError(msg)
        pages = payload.get("seiten_sha256") != _pages_sha256(document)
        return payload, pages or payload.get("text_geaendert") is True


def _pages_sha256(document: pikepdf.Pdf) -> str:
    """A hash of what every page shows: its content streams, decoded, page by page."""
    digest = hashlib.sha256()
    for page in document.pages:
        contents = page.obj.get("/Contents")
        streams = contents if isinstance(contents, pikepdf.Array) else [contents]
        for stream in streams:
            if isinstance(stream, pikepdf.Stream):
                digest.update(stream.read_bytes())
        digest.update(b"\f")
    return digest.hexdigest()
