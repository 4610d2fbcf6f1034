"""Hostile templates are refused with a TemplateError naming the reason, before any harm."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import vorlagen
import vorlagen.docx.package
from tests.templates import shipped_parts
from vorlagen import Template, TemplateError
from vorlagen.docx import build as b
from vorlagen.docx.package import XML_DECLARATION

DEFAULT = (Path(vorlagen.__file__).parent / "templates" / "default.docx").read_bytes()


def package(**changes: str | bytes | None) -> bytes:
    """The shipped template's parts with some replaced, added (str/bytes) or removed (None)."""
    parts: dict[str, str | bytes] = dict(shipped_parts())
    for name, content in changes.items():
        if content is None:
            del parts[name]
        else:
            parts[name] = content
    return b.zip_parts(parts)


def with_entry(name: str, content: bytes) -> bytes:
    out = io.BytesIO(DEFAULT)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, content)
    return out.getvalue()


def many_entries() -> bytes:
    out = io.BytesIO(DEFAULT)
    with zipfile.ZipFile(out, "a") as z:
        for number in range(vorlagen.docx.package.MAX_ENTRIES):
            z.writestr(f"customXml/item{number}.bin", b"")
    return out.getvalue()


DTD = '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x "y">]>'
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    + "]><lolz>&lol9;</lolz>"
).replace("&lol0;", "&lol;")
EXTERNAL = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>'
MACRO_TYPES = (
    shipped_parts()["[Content_Types].xml"]
    .replace(
        "wordprocessingml.document.main+xml", "wordprocessingml.document.macroEnabled.main+xml"
    )
    .replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.macroEnabled",
        "application/vnd.ms-word.document.macroEnabled",
    )
)

HOSTILE: dict[str, tuple[Callable[[], bytes], str, str]] = {
    "not a zip": (lambda: b"Sehr geehrte Damen und Herren", "", "kein gültiges ZIP-Archiv"),
    "empty file": (lambda: b"", "", "kein gültiges ZIP-Archiv"),
    "truncated zip": (lambda: DEFAULT[: len(DEFAULT) // 2], "", "kein gültiges ZIP-Archiv"),
    "part too large": (
        lambda: with_entry("word/media/bombe.bin", bytes(60 * 2**20)),
        "word/media/bombe.bin",
        "größer als 50 MB entpackt",
    ),
    "compression ratio": (
        lambda: with_entry("word/media/bombe.bin", bytes(16 * 2**20)),
        "word/media/bombe.bin",
        "verdächtig stark komprimiert",
    ),
    "too many entries": (many_entries, "", "mehr als 5000 Einträge"),
    "absolute path": (lambda: with_entry("/etc/cron.d/x", b"x"), "/etc/cron.d/x", "außerhalb"),
    "parent path": (
        lambda: with_entry("word/../../evil.xml", b"<x/>"),
        "word/../../evil.xml",
        "außerhalb",
    ),
    "windows path": (lambda: with_entry("C:/evil.xml", b"<x/>"), "C:/evil.xml", "außerhalb"),
    "DTD in the body": (
        lambda: package(
            **{
                "word/document.xml": shipped_parts()["word/document.xml"].replace(
                    XML_DECLARATION, DTD
                )
            }
        ),
        "word/document.xml",
        "DOCTYPE",
    ),
    "billion laughs": (
        lambda: package(**{"word/settings.xml": LAUGHS}),
        "word/settings.xml",
        "DOCTYPE",
    ),
    "external entity": (
        lambda: package(**{"word/styles.xml": EXTERNAL}),
        "word/styles.xml",
        "DOCTYPE",
    ),
    "macro part": (
        lambda: with_entry("word/vbaProject.bin", b"\xd0\xcf\x11\xe0"),
        "word/vbaProject.bin",
        "Makros",
    ),
    "docm content type": (
        lambda: package(**{"[Content_Types].xml": MACRO_TYPES}),
        "[Content_Types].xml",
        "Makros",
    ),
    "no document.xml": (
        lambda: package(**{"word/document.xml": None}),
        "word/document.xml",
        "fehlt",
    ),
    "malformed body": (
        lambda: package(**{"word/document.xml": shipped_parts()["word/document.xml"][:-30]}),
        "word/document.xml",
        "kein gültiges XML",
    ),
    "malformed footer": (
        lambda: package(**{"word/footer1.xml": "<w:ftr><w:p>"}),
        "word/footer1.xml",
        "kein gültiges XML",
    ),
    "malformed relationships": (
        lambda: package(**{"word/_rels/document.xml.rels": "<Relationships"}),
        "word/_rels/document.xml.rels",
        "kein gültiges XML",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_template_is_refused(name: str) -> None:
    build, part, reason = HOSTILE[name]
    data = build()
    with pytest.raises(TemplateError) as info:
        Template.from_bytes(data, name="feindlich.docx")
    problems = info.value.problems
    assert any(p.part == part and reason in p.message for p in problems), [str(p) for p in problems]
    assert vorlagen.check_template(data) == problems


def test_oversized_file_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "riesig.docx"
    big.write_bytes(DEFAULT)
    monkeypatch.setattr("vorlagen.template.MAX_TEMPLATE_BYTES", 100)

    def no_read(self: Path) -> bytes:
        msg = "the template must not be read"
        raise AssertionError(msg)

    monkeypatch.setattr(Path, "read_bytes", no_read)
    (problem,) = vorlagen.check_template(big)
    assert "größer als" in problem.message
