"""The zip of a DOCX: checking a template's before anything reads it, and writing ours.

A template is refused before any part is decompressed if its archive could exhaust memory
(sizes and compression ratios declared in the zip), escape its folder (absolute or ``..``
names), carry macros, or hold XML with a DTD (entity expansion, external entities).

The archive written here is byte for byte what :mod:`zipfile` writes for the same entries
(``writestr`` with a fixed time, deflated, mode 0600): a test holds the two together.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Final

from lxml import etree

from vorlagen.docx.ns import CT_NS, PKG_REL_NS, REL_NS, WML_CONTENT_TYPE
from vorlagen.errors import ProblemKind, TemplateProblem

__all__ = [
    "CORE_REL",
    "EMPTY_RELS",
    "MAX_ENTRIES",
    "MAX_PART_BYTES",
    "MAX_RATIO",
    "MAX_TEMPLATE_BYTES",
    "MAX_TOTAL_BYTES",
    "NUMBERING_REL",
    "RATIO_FROM",
    "SAFE_PARSER",
    "TAG_PART_TYPES",
    "XML_DECLARATION",
    "Entry",
    "add_part",
    "add_relationship",
    "as_document",
    "content_types",
    "deflate",
    "drop_part",
    "free_id",
    "pack",
    "package_problems",
    "related_part",
    "relative",
    "rels_name",
    "serialize",
    "tag_parts",
    "write_zip",
    "zip_time",
]

#: Limits for templates; far beyond any real one (a county's template is under 5 MB).
MAX_TEMPLATE_BYTES: Final = 50 * 2**20  # the .docx file itself
MAX_PART_BYTES: Final = 50 * 2**20  # one part, uncompressed
MAX_TOTAL_BYTES: Final = 200 * 2**20  # all parts, uncompressed
MAX_RATIO: Final = 100  # uncompressed / compressed, for parts over RATIO_FROM
# smaller parts are bounded by their size: an EMF letterhead logo of 1.5 MB may well
# compress 130:1
RATIO_FROM: Final = 8 * 2**20
MAX_ENTRIES: Final = 5_000

_VERSION: Final = 20  # zipfile's default "version needed" for deflated entries
_SYSTEM: Final = zipfile.ZipInfo("x").create_system
_EXTERNAL_ATTR: Final = 0o600 << 16
_UTF8_FLAG: Final = 0x800
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_EPOCH: Final = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Entry:
    """One compressed zip entry: its name, CRC, uncompressed size and raw deflate data."""

    name: str
    crc: int
    size: int
    data: bytes


def deflate(name: str, content: bytes) -> Entry:
    """Compress ``content`` as zipfile does (default level, raw deflate)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    data = compressor.compress(content) + compressor.flush()
    return Entry(name, zlib.crc32(content), len(content), data)


def zip_time(stamp: date | None) -> tuple[int, int, int, int, int, int]:
    """The entry time for a paper's date: midnight of that day, or 1980-01-01 before then."""
    if stamp is None or stamp.year < 1980:
        return _EPOCH
    return (stamp.year, stamp.month, stamp.day, 0, 0, 0)


def write_zip(entries: Iterable[Entry], when: tuple[int, int, int, int, int, int]) -> bytes:
    """A zip archive of ``entries`` in the given order, every entry dated ``when``."""
    dosdate = (when[0] - 1980) << 9 | when[1] << 5 | when[2]
    dostime = when[3] << 11 | when[4] << 5 | (when[5] // 2)
    out = bytearray()
    central = bytearray()
    count = 0
    for entry in entries:
        try:
            name, flags = entry.name.encode("ascii"), 0
        except UnicodeEncodeError:
            name, flags = entry.name.encode("utf-8"), _UTF8_FLAG
        offset = len(out)
        out += _LOCAL.pack(
            b"PK\x03\x04", _VERSION, 0, flags, zipfile.ZIP_DEFLATED, dostime, dosdate,
            entry.crc, len(entry.data), entry.size, len(name), 0,
        )  # fmt: skip
        out += name
        out += entry.data
        central += _CENTRAL.pack(
            b"PK\x01\x02", _VERSION, _SYSTEM, _VERSION, 0, flags, zipfile.ZIP_DEFLATED,
            dostime, dosdate, entry.crc, len(entry.data), entry.size, len(name), 0, 0, 0, 0,
            _EXTERNAL_ATTR, offset,
        )  # fmt: skip
        central += name
        count += 1
    start = len(out)
    out += central
    out += _END.pack(b"PK\x05\x06", 0, 0, count, count, len(central), start, 0)
    return bytes(out)


#: The relationship from the package to its core properties (title, subject, author, ...).
CORE_REL: Final = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)
#: Every spelling of that relationship programs write, in lower case: Word's, the one of
#: the first edition of the standard, and LibreOffice's (``officedocument/2006/...``).
_CORE_RELS: Final = frozenset({CORE_REL.lower(), f"{REL_NS}/metadata/core-properties".lower()})
# the relationships a part may have one of each, and what they lead to, in German
_SINGLE_KINDS: Final = {
    "officedocument": "Dokumentinhalt",
    "extended-properties": "Anwendungseigenschaften",
    "styles": "Formatvorlagen",
    "numbering": "Nummerierung",
    "settings": "Einstellungen",
    "fonttable": "Schriftarten",
    "websettings": "Webeinstellungen",
    "theme": "Design",
    "footnotes": "Fußnoten",
    "endnotes": "Endnoten",
    "metadata/core-properties": "Dokumenteigenschaften",
}
#: The relationship from the body to its list numbering.
NUMBERING_REL: Final = f"{REL_NS}/numbering"

#: The declaration every XML part of a package starts with.
XML_DECLARATION: Final = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def rels_name(source: str) -> str:
    """The relationships part of ``source`` (``""``: the package itself).

    >>> rels_name("word/document.xml"), rels_name("")
    ('word/_rels/document.xml.rels', '_rels/.rels')
    """
    folder, _, name = source.rpartition("/")
    return f"{folder + '/' if folder else ''}_rels/{name}.rels"


def _resolve(source: str, target: str) -> str:
    """A relationship's target as a part name, from the folder of ``source``."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts = [p for p in source.rpartition("/")[0].split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def related_part(files: Mapping[str, bytes], source: str, rel_type: str) -> str | None:
    """The part ``source`` relates to with ``rel_type`` (a full type URI), if any."""
    rels = files.get(rels_name(source))
    if rels is None:
        return None
    for written, target in _internal_relationships(rels):
        if _same_type(written, rel_type):
            name = _resolve(source, target)
            return name if name in files else None
    return None


@lru_cache(maxsize=8)
def _internal_relationships(rels: bytes) -> tuple[tuple[str, str], ...]:
    """The type and target of each relationship within the package, in a relationships part.

    Read once: a body's relationships (thousands, with many hyperlinks) are asked for
    several kinds while a template is loaded.
    """
    return tuple(
        (str(rel.get("Type", "")), str(rel.get("Target", "")))
        for rel in etree.fromstring(rels, SAFE_PARSER).iter(f"{{{PKG_REL_NS}}}Relationship")
        if rel.get("TargetMode") != "External"
    )


def _same_type(written: str, rel_type: str) -> bool:
    """Whether a relationship type as a program wrote it is ``rel_type``."""
    if rel_type == CORE_REL:
        return written.lower() in _CORE_RELS
    return written == rel_type


def add_part(
    files: dict[str, bytes],
    name: str,
    content_type: str,
    rel_type: str,
    xml: str,
    *,
    source: str = "word/document.xml",
) -> None:
    """Put an XML part into a package, with its content type and a relationship from ``source``.

    ``rel_type`` is the full relationship type URI; ``source`` ``""`` is the package. A part
    of that name already there is replaced: the package keeps one entry, one content type
    and one relationship of that type for each name (part names compare without case, as
    in the standard).
    """
    files[name] = (XML_DECLARATION + xml).encode("utf-8")
    types = etree.fromstring(files["[Content_Types].xml"], SAFE_PARSER)
    for old in types.findall(f"{{{CT_NS}}}Override"):
        if str(old.get("PartName", "")).lstrip("/").lower() == name.lower():
            types.remove(old)
    override = etree.SubElement(types, f"{{{CT_NS}}}Override")
    override.set("PartName", "/" + name)
    override.set("ContentType", content_type)
    files["[Content_Types].xml"] = serialize(types)
    rels_part = rels_name(source)
    rels = etree.fromstring(files.get(rels_part, EMPTY_RELS), SAFE_PARSER)
    if not any(
        _same_type(str(r.get("Type", "")), rel_type)
        and _resolve(source, str(r.get("Target", ""))).lower() == name.lower()
        for r in rels
    ):
        taken = {str(r.get("Id", "")) for r in rels}
        add_relationship(rels, free_id("rIdVorlagen", taken), rel_type, relative(source, name))
        files[rels_part] = serialize(rels)


def drop_part(files: dict[str, bytes], name: str) -> None:
    """Take a part out of a package, with its content type and its own relationships.

    Every relationship to it goes too (part names compare without case, as in the standard).
    """
    files.pop(name, None)
    files.pop(rels_name(name), None)
    types = etree.fromstring(files["[Content_Types].xml"], SAFE_PARSER)
    for old in types.findall(f"{{{CT_NS}}}Override"):
        if str(old.get("PartName", "")).lstrip("/").lower() == name.lower():
            types.remove(old)
    files["[Content_Types].xml"] = serialize(types)
    for rels_part in [n for n in files if n.endswith(".rels")]:
        folder = rels_part.rpartition("_rels/")[0]
        source = folder + rels_part.rpartition("/")[2].removesuffix(".rels")
        rels = etree.fromstring(files[rels_part], SAFE_PARSER)
        gone = [
            r
            for r in rels
            if r.get("TargetMode") != "External"
            and _resolve(source, str(r.get("Target", ""))).lower() == name.lower()
        ]
        for rel in gone:
            rels.remove(rel)
        if gone:
            files[rels_part] = serialize(rels)


#: A relationships part without relationships, to add the first one to.
EMPTY_RELS: Final = f'<Relationships xmlns="{PKG_REL_NS}"/>'.encode()


def relative(source: str, name: str) -> str:
    """The target of a relationship from ``source`` to the part ``name``.

    >>> relative("word/header1.xml", "word/media/image1.png"), relative("", "docProps/core.xml")
    ('media/image1.png', 'docProps/core.xml')
    """
    return posixpath.relpath(name, posixpath.dirname(source) or ".")


def add_relationship(
    rels: Any, rel_id: str, rel_type: str, target: str, *, external: bool = False
) -> None:
    """Add a relationship to a parsed relationships part."""
    rel = etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship")
    rel.set("Id", rel_id)
    rel.set("Type", rel_type)
    rel.set("Target", target)
    if external:
        rel.set("TargetMode", "External")


def serialize(root: Any) -> bytes:
    """An XML part as a package holds it: UTF-8, with the declaration Word writes."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def free_id(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted`` with the lowest number from 2 that is not taken; now taken.

    >>> free_id("Heading1", {"Heading1", "Heading12"})
    'Heading13'
    """
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}{number}"
    taken.add(candidate)
    return candidate


#: The kinds of part whose tags are rendered: the body, headers, footers, foot- and endnotes.
TAG_PART_TYPES: Final = tuple(
    f"{WML_CONTENT_TYPE}.{kind}+xml"
    for kind in ("document.main", "header", "footer", "footnotes", "endnotes")
)


def content_types(files: Mapping[str, bytes]) -> dict[str, str]:
    """Each part's content type, from ``[Content_Types].xml`` (overrides, then defaults)."""
    root = etree.fromstring(files["[Content_Types].xml"], SAFE_PARSER)
    defaults = {
        str(e.get("Extension", "")).lower(): str(e.get("ContentType", ""))
        for e in root.iter(f"{{{CT_NS}}}Default")
    }
    overrides = {
        str(e.get("PartName", "")).lstrip("/"): str(e.get("ContentType", ""))
        for e in root.iter(f"{{{CT_NS}}}Override")
    }
    return {
        name: overrides.get(name) or defaults.get(name.rpartition(".")[2].lower(), "")
        for name in files
        if name != "[Content_Types].xml"
    }


_TEMPLATE_MAIN: Final = f"{WML_CONTENT_TYPE}.template.main+xml".encode()
_DOCUMENT_MAIN: Final = f"{WML_CONTENT_TYPE}.document.main+xml".encode()


def as_document(files: Mapping[str, bytes]) -> dict[str, bytes] | None:
    """A package as a Word document's, as Word writes it; None if it is one already.

    What is rendered from a template is a document: Word opens a ``.docx`` whose main part
    says it is a template (``.dotx``) no more than python-docx does. And the core properties
    are related in the standard's spelling, which LibreOffice does not write: python-docx
    and other readers find them by that spelling alone.
    """
    changed: dict[str, bytes] = {}
    types = files["[Content_Types].xml"]
    if _TEMPLATE_MAIN in types:
        changed["[Content_Types].xml"] = types.replace(_TEMPLATE_MAIN, _DOCUMENT_MAIN)
    package_rels = files.get(rels_name(""))
    if package_rels is not None:
        rels = etree.fromstring(package_rels, SAFE_PARSER)
        odd = [
            r
            for r in rels.iter(f"{{{PKG_REL_NS}}}Relationship")
            if r.get("Type") != CORE_REL and _same_type(str(r.get("Type", "")), CORE_REL)
        ]
        for rel in odd:
            rel.set("Type", CORE_REL)
        if odd:
            changed[rels_name("")] = serialize(rels)
    return {**files, **changed} if changed else None


def tag_parts(files: Mapping[str, bytes]) -> list[str]:
    """The parts whose tags are rendered (and checked), the body first, then in package order.

    >>> ct = (f'<Types xmlns="{CT_NS}"><Override PartName="/word/document.xml" '
    ...       f'ContentType="{WML_CONTENT_TYPE}.document.main+xml"/><Override '
    ...       f'PartName="/word/endnotes.xml" ContentType="{WML_CONTENT_TYPE}.endnotes+xml"/>'
    ...       '</Types>').encode()
    >>> tag_parts({"[Content_Types].xml": ct, "word/endnotes.xml": b"", "word/document.xml": b""})
    ['word/document.xml', 'word/endnotes.xml']
    """
    types = content_types(files)
    found = [name for name, kind in types.items() if kind in TAG_PART_TYPES]
    return sorted(found, key=lambda name: name != "word/document.xml")


def pack(files: Mapping[str, bytes], stamp: date | None = None) -> bytes:
    """A package of ``files`` in their order, ``[Content_Types].xml`` first, as Office writes it."""
    names = sorted(files, key=lambda n: n != "[Content_Types].xml")
    return write_zip((deflate(name, files[name]) for name in names), zip_time(stamp))


# -- checking a template's package ------------------------------------------------------------

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
#: The parser for every part of a template: no entities resolved, no DTD, no network.
SAFE_PARSER: Final = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)
_MACRO_TYPE = re.compile(rb"macroEnabled|vbaProject", re.IGNORECASE)


def package_problems(data: bytes) -> list[TemplateProblem]:
    """Why ``data`` cannot be used as a DOCX template at all; empty if it can be opened."""
    if len(data) > MAX_TEMPLATE_BYTES:
        return [_problem("", f"größer als {MAX_TEMPLATE_BYTES // 2**20} MB")]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            problems = _archive_problems(infos)
            if problems:
                return problems
            problems = _kind_problems(z, {info.filename for info in infos})
            if problems:
                return problems
            return [
                problem
                for info in infos
                if info.filename.endswith((".xml", ".rels"))
                and (problem := _xml_problem(info.filename, z.read(info))) is not None
            ]
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError) as e:
        return [_problem("", _not_a_zip(data, e))]


def _kind_problems(z: zipfile.ZipFile, names: set[str]) -> list[TemplateProblem]:
    """Why an archive is no Word file without macros: what it is instead, or holds."""
    if "mimetype" in names and b"opendocument" in z.read("mimetype"):
        return [_problem("", _OPENDOCUMENT)]
    for required in ("word/document.xml", "[Content_Types].xml"):
        if required not in names:
            return [_problem(required, "fehlt: keine Word-Datei")]
    document = z.read("word/document.xml")
    if _STRICT.encode() in document[:4096]:
        return [_problem("word/document.xml", _STRICT_MESSAGE)]
    prefix = _W_PREFIX.search(document[:4096])
    if prefix is not None and prefix.group(1) != b"w":
        return [_problem("word/document.xml", _PREFIX_MESSAGE.format(prefix.group(1).decode()))]
    macros = [n for n in names if n.lower().endswith("vbaproject.bin")]
    if macros or _MACRO_TYPE.search(z.read("[Content_Types].xml")):
        return [_problem(macros[0] if macros else "[Content_Types].xml", _MACROS)]
    return _relationship_problems(z, names)


def _single_kind(rel_type: str) -> str | None:
    """What a relationship of a kind a part may have one of leads to; None for other kinds.

    >>> _single_kind(CORE_REL), _single_kind(f"{REL_NS}/image")
    ('Dokumenteigenschaften', None)
    """
    if _same_type(rel_type, CORE_REL):
        return _SINGLE_KINDS["metadata/core-properties"]
    if not rel_type.startswith(f"{REL_NS}/"):
        return None
    return _SINGLE_KINDS.get(rel_type.removeprefix(f"{REL_NS}/").lower())


def _relationship_problems(z: zipfile.ZipFile, names: set[str]) -> list[TemplateProblem]:
    """Relationships that make a package broken, as problems.

    Those to parts the archive does not hold, and a second one of a kind a part may have
    one of (Word would repair the file; python-docx cannot read it).
    """
    problems = []
    for rels in sorted(n for n in names if n.endswith(".rels")):
        folder, _, file = rels.rpartition("_rels/")
        source = folder + file.removesuffix(".rels")
        try:
            root = etree.fromstring(z.read(rels), SAFE_PARSER)
        except etree.XMLSyntaxError:
            continue  # reported as malformed XML by the check of every part
        single: dict[str, list[str]] = {}
        for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
            target = _resolve(source, str(rel.get("Target", "")))
            if rel.get("TargetMode") == "External" or not target:
                continue
            if target not in names:
                message = f"verweist auf „{target}“, das in der Datei fehlt: in Word neu speichern"
                problems.append(_problem(rels, message))
            kind = _single_kind(str(rel.get("Type", "")))
            if kind is not None:
                single.setdefault(kind, []).append(target)
        for kind, targets in single.items():
            if len(targets) > 1:
                listed = ", ".join(f"„{t}“" for t in targets)
                message = (
                    f"verweist {len(targets)}-mal auf {kind} ({listed}), erlaubt ist ein "
                    "Verweis: in Word neu speichern"
                )
                problems.append(_problem(rels, message))
    return problems


_STRICT: Final = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_STRICT_MESSAGE: Final = (
    "im Format „Strict Open XML“ gespeichert, das vorlagen nicht liest: in Word unter "
    "„Speichern unter“ als „Word-Dokument (*.docx)“ oder „Word-Vorlage (*.dotx)“ speichern"
)
# the prefix the body declares for WordprocessingML; docxtpl's tags need "w"
_W_PREFIX: Final = re.compile(
    rb'xmlns:([\w.-]+)="http://schemas\.openxmlformats\.org/wordprocessingml/2006/main"'
)
_PREFIX_MESSAGE: Final = (
    "schreibt WordprocessingML mit dem Präfix „{}:“ statt „w:“ (von einem anderen Programm "
    "erzeugt): in Word oder LibreOffice öffnen und als .docx neu speichern"
)
_OPENDOCUMENT: Final = (
    "keine Word-Datei, sondern ein OpenDocument-Text (.odt): in LibreOffice unter "
    "„Speichern unter“ als „Word 2007–365 (.docx)“ speichern"
)


def _not_a_zip(data: bytes, error: Exception) -> str:
    """Why ``data``, which is no zip archive, is no Word file: what it seems to be instead."""
    if data.startswith(b"%PDF"):
        return "keine Word-Datei, sondern ein PDF: die Word-Datei (.docx, .dotx) angeben"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "keine Word-Datei im DOCX-Format, sondern ein Word-97–2003-Dokument (.doc, .dot) "
            "oder eine mit Kennwort verschlüsselte Datei: in Word ohne Kennwort als .docx "
            "oder .dotx speichern"
        )
    return f"keine Word-Datei (.docx, .dotx): kein gültiges ZIP-Archiv ({error})"


_MACROS: Final = (
    "Vorlagen mit Makros (.docm, .dotm) sind nicht zulässig: in Word ohne Makros speichern, "
    "als „Word-Vorlage (*.dotx)“ oder „Word-Dokument (*.docx)“"
)


def _problem(part: str, message: str) -> TemplateProblem:
    return TemplateProblem(part, message, kind=ProblemKind.PACKAGE)


def _archive_problems(infos: list[zipfile.ZipInfo]) -> list[TemplateProblem]:
    """Names and sizes that make an archive unsafe to unpack, read from its directory alone."""
    if len(infos) > MAX_ENTRIES:
        return [_problem("", f"mehr als {MAX_ENTRIES} Einträge im Archiv")]
    problems = []
    total = 0
    for info in infos:
        name = info.filename
        parts = name.replace("\\", "/").split("/")
        if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name) or ".." in parts:
            problems.append(_problem(name, "Pfad außerhalb des Archivs (absolut oder mit ..)"))
        if info.file_size > MAX_PART_BYTES:
            problems.append(_problem(name, f"größer als {MAX_PART_BYTES // 2**20} MB entpackt"))
        elif info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            problems.append(
                _problem(name, f"verdächtig stark komprimiert (mehr als {MAX_RATIO}:1)")
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        problems.append(
            _problem("", f"entpackt größer als {MAX_TOTAL_BYTES // 2**20} MB insgesamt")
        )
    return problems


def _xml_problem(name: str, content: bytes) -> TemplateProblem | None:
    """Why a part is not plain, well-formed XML, if it is not."""
    if _DOCTYPE.search(content):
        return TemplateProblem(
            name, "XML mit DOCTYPE (DTD, Entitäten) ist nicht zulässig", kind=ProblemKind.XML
        )
    try:
        etree.fromstring(content, SAFE_PARSER)
    except etree.XMLSyntaxError as e:
        return TemplateProblem(name, f"kein gültiges XML: {e}", kind=ProblemKind.XML)
    return None
