"""The data a rendered document carries: the paper as JSON, to be read back exactly.

Every paper the library renders carries its model, as JSON with a format version, the way
an e-invoice carries its XML: in the DOCX a custom XML part (``customXml/itemN.xml``, as
Word keeps a document's own data), in the PDF an embedded file ``vorlage.json`` associated
with the document as its data (PDF/A-3b, ``AFRelationship /Data``). :func:`read` gives the
paper back from either.

The public version of a paper carries the public version of its model: the data is the
model the document was rendered from. Beside the data lies a hash of the document's
visible text (the body's text in the DOCX, the pages' content in the PDF), so that a
document changed by hand after rendering is recognised and its stale data is not read
silently.

The JSON (format ``vorlagen/1``)::

    {"format": "vorlagen/1", "text_sha256": "…", "vorlage": {…the Sitzungsvorlage…}}

and in the PDF also ``"seiten_sha256"``.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import uuid
import zipfile
from collections.abc import Mapping
from typing import Any, Final

from lxml import etree
from pydantic import ValidationError

from vorlagen.docx.ns import REL_NS
from vorlagen.docx.package import XML_DECLARATION, add_part, drop_part
from vorlagen.errors import DataError
from vorlagen.schemas import Sitzungsvorlage

__all__ = [
    "FORMAT",
    "NAMESPACE",
    "carried",
    "data_part",
    "docx_payload",
    "read",
    "with_data_part",
]

#: The format of the data; a reader refuses any other.
FORMAT: Final = "vorlagen/1"
#: The namespace of the custom XML part's root element ``daten``.
NAMESPACE: Final = "urn:vorlagen:daten"

_CUSTOM_XML: Final = f"{REL_NS}/customXml"
_CUSTOM_XML_PROPS: Final = f"{REL_NS}/customXmlProps"
_PROPS_TYPE: Final = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
# the item's id in the document's data store: one for every document of this library
_ITEM_ID: Final = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE)).upper() + "}"
_ITEM: Final = re.compile(r"customXml/item(\d+)\.xml")
# the data part holds images as Base64: a text node may pass libxml2's 10 MB default
_DATA_PARSER: Final = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
)


def with_data_part(files: dict[str, bytes]) -> str:
    """Add to a template's package the custom XML part a rendered paper fills; its name.

    The part is related from the body as Word relates a document's custom XML, with its
    properties part (its id in the data store); a template's own custom XML stays.
    """
    for name in sorted(files):
        found = _ITEM.fullmatch(name)
        if found and _is_data(files[name]):
            # a template saved from a rendered paper: that paper's data does not go on
            drop_part(files, name)
            drop_part(files, f"customXml/itemProps{found[1]}.xml")
    taken = {int(m[1]) for name in files if (m := _ITEM.fullmatch(name))}
    number = next(n for n in range(1, len(taken) + 2) if n not in taken)
    item = f"customXml/item{number}.xml"
    add_part(files, item, "application/xml", _CUSTOM_XML, f'<daten xmlns="{NAMESPACE}"/>')
    add_part(
        files,
        f"customXml/itemProps{number}.xml",
        _PROPS_TYPE,
        _CUSTOM_XML_PROPS,
        f'<ds:datastoreItem ds:itemID="{_ITEM_ID}" xmlns:ds="{_DS}"><ds:schemaRefs>'
        f'<ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>',
        source=item,
    )
    return item


def _is_data(content: bytes) -> bool:
    """Whether a custom XML part is the data of a paper."""
    return NAMESPACE.encode() in content[:500] and b"daten" in content[:500]


def data_part(vorlage: Sitzungsvorlage, parts: Mapping[str, bytes]) -> bytes:
    """The custom XML part of a rendered paper: its data, and the hash of its visible text.

    ``parts`` are the rendered package's parts by name.
    """
    payload = {
        "format": FORMAT,
        "text_sha256": _sha256(visible_text(parts)),
        "vorlage": vorlage.model_dump(mode="json"),
    }
    text = html.escape(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), quote=False)
    return f'{XML_DECLARATION}<daten xmlns="{NAMESPACE}">{text}</daten>'.encode()


# a run's text, a character written as an element, or the end of a paragraph (text cannot
# hold a "<": this finds only markup; one literal "<" first: the regex engine skips to each
# "<" fast). A tab stop (w:tab with attributes) and a page break (w:br w:type=...) are no
# characters of the text: a program may write them otherwise.
_TEXT: Final = re.compile(
    rb"<(?:w:t(?:\s[^>]*)?>([^<]*)</w:t>|(/w:p>|w:p(?:\s[^>]*)?/>)"
    rb"|w:(softHyphen|noBreakHyphen|tab|br|cr)\s*/>)"
)
_CHARACTERS: Final = {
    b"softHyphen": b"\xc2\xad",  # U+00AD
    b"noBreakHyphen": b"\xe2\x80\x91",  # U+2011
    b"tab": b"\t",
    b"br": b"\n",
    b"cr": b"\n",
}


def body_text(document: bytes) -> str:
    r"""The text of a main document part: its runs' text, a line per paragraph.

    Markup that shows no text (runs split otherwise, bookmarks, properties) does not count,
    so that a program that opens and saves the document keeps the same text.

    >>> body_text(b'<w:p><w:r><w:t>Kreis&amp;</w:t></w:r><w:r><w:t xml:space="preserve">'
    ...           b' Stadt</w:t></w:r></w:p><w:p/>')
    'Kreis& Stadt\n\n'
    """
    raw = b"".join(
        m[1] if m[1] is not None else b"\n" if m[2] is not None else _CHARACTERS[m[3]]
        for m in _TEXT.finditer(document)
    )
    return html.unescape(raw.decode("utf-8"))


_HEADER_OR_FOOTER: Final = re.compile(r"word/(?:header|footer)\d*\.xml")
# what a field shows (a page number, a count): a program updates it as it lays out the pages
_FIELD_RESULT: Final = re.compile(
    rb'<w:fldChar w:fldCharType="separate"\s*/>.*?<w:fldChar w:fldCharType="end"\s*/>'
    rb"|<w:fldSimple\b[^>]*>.*?</w:fldSimple>",
    re.DOTALL,
)


def visible_text(parts: Mapping[str, bytes]) -> str:
    """The text a document shows, as a program that opens and saves it keeps it.

    The body's text, then each different text of its headers and footers (without what
    their fields show: page numbers are laid out anew), in order.
    """
    margins = {
        body_text(_FIELD_RESULT.sub(b"", parts[name])).strip()
        for name in parts
        if _HEADER_OR_FOOTER.fullmatch(name)
    }
    body = body_text(parts.get("word/document.xml", b""))
    return "\n".join([body, *sorted(m for m in margins if m)])


def carried(docx: bytes) -> dict[str, Any] | None:
    """The data a DOCX carries (as its JSON object), or None if it carries none."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            for name in sorted(n for n in z.namelist() if _ITEM.fullmatch(n)):
                root = etree.fromstring(z.read(name), _DATA_PARSER)
                if root.tag == f"{{{NAMESPACE}}}daten" and root.text:
                    payload = json.loads(root.text)
                    return payload if isinstance(payload, dict) else None
    except (zipfile.BadZipFile, etree.XMLSyntaxError, json.JSONDecodeError, KeyError):
        return None
    return None


def read(data: bytes, *, auch_geaendert: bool = False) -> Sitzungsvorlage:
    """The paper a DOCX or PDF rendered by this library carries.

    The model equals the one the document was rendered from (for a public version: the
    public version of the paper).

    Args:
        data: the DOCX or PDF, as bytes.
        auch_geaendert: read the data even where the document's text was changed after
            rendering (else that raises): the data is then the paper as rendered, not as
            the document now reads.

    Raises:
        DataError: the document carries no data of this library, data of another format,
            or data that is no valid paper; or its text was changed after rendering.
    """
    if data.startswith(b"%PDF-"):
        from vorlagen.pdfdaten import pdf_payload  # only a PDF needs pikepdf

        payload, changed = pdf_payload(data)
    else:
        payload, changed = docx_payload(data)
    if changed and not auch_geaendert:
        msg = (
            "der Text des Dokuments wurde nach dem Erzeugen geändert: die mitgeführten Daten "
            "sind die der ursprünglichen Fassung (lesen mit auch_geaendert=True, auf der "
            "Kommandozeile mit --auch-geaendert)"
        )
        raise DataError(msg)
    return _vorlage(payload)


def docx_payload(data: bytes) -> tuple[dict[str, Any], bool]:
    """The data a DOCX carries, and whether its text no longer matches it.

    Raises:
        DataError: not a DOCX, or one that carries no data.
    """
    if not data.startswith(b"PK"):
        msg = "weder DOCX noch PDF: nur Dokumente dieser Bibliothek tragen ihre Daten"
        raise DataError(msg)
    payload = carried(data)
    if payload is None:
        msg = "das Dokument trägt keine Daten einer Vorlage (mit dieser Bibliothek erzeugt?)"
        raise DataError(msg)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {
            n: z.read(n)
            for n in z.namelist()
            if n == "word/document.xml" or _HEADER_OR_FOOTER.fullmatch(n)
        }
    return payload, payload.get("text_sha256") != _sha256(visible_text(parts))


def _vorlage(payload: Mapping[str, Any]) -> Sitzungsvorlage:
    if payload.get("format") != FORMAT:
        msg = f"Daten im Format „{payload.get('format')}“: diese Version liest „{FORMAT}“"
        raise DataError(msg)
    try:
        return Sitzungsvorlage.model_validate(payload.get("vorlage"))
    except ValidationError as e:
        msg = f"die mitgeführten Daten sind keine gültige Vorlage: {e.error_count()} Fehler"
        raise DataError(msg) from e


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
