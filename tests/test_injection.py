"""Data never becomes Jinja or XML; templates cannot reach Python's internals."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openxml_audit import OpenXmlValidator

import vorlagen
from tests.conftest import minimal_data, open_docx
from tests.templates import shipped_parts
from vorlagen import Hausstil, RenderError, Sitzungsvorlage, Template
from vorlagen.docx import build as b

PAYLOADS = [
    "{{ 7*7 }}",
    "{{7*'7'}}",
    "${7*7}",
    "#{7*7}",
    "<%= 7*7 %>",
    "{{ config }}",
    "{{ self.__init__.__globals__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].system('id') }}",
    "{{ vorlage.__class__ }}",
    "{%p if True %}",
    "{{p vorlage }}",
    "{%tr for x in y %}",
    "{# Kommentar #}",
    "{_{ 7*7 }_}",
    "</w:t></w:r></w:p><w:p><w:r><w:t>eingeschleust",
    "<w:br/>",
    "]]><![CDATA[x]]>",
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
    "&lt;&amp;&#x41;&#65;",
    '" onmouseover="alert(1)',
    "'; DROP TABLE vorlagen; --",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_every_text_field_is_printed_as_text(payload: str, tmp_path: Path) -> None:
    paper = Sitzungsvorlage.model_validate(
        minimal_data(
            betreff=payload,
            koerperschaft=payload,
            federfuehrung=payload,
            aktenzeichen=payload,
            beratungsfolge=[
                {
                    "gremium": payload,
                    "sitzungsdatum": "2026-06-01",
                    "zustaendigkeit": "Entscheidung",
                }
            ],
            beschlussvorschlag=payload,
            rechtsgrundlage=[{"typ": "freitext", "text": payload}],
            sachdarstellung=[
                {"typ": "absatz", "text": payload},
                {"typ": "tabelle", "kopf": [payload], "zeilen": [[payload]]},
            ],
            anlagen=[{"titel": payload}],
            unterzeichnung={"funktion": payload, "name": payload},
        )
    )
    data = vorlagen.render(paper, hausstil=Hausstil(typografie=False))
    doc = open_docx(data)
    texts = [p.text for p in doc.paragraphs]
    assert texts.count(payload) >= 6  # Körperschaft, Betreff, Vorschlag, Freitext, Absatz, ...
    assert f"Federführung:\t{payload}" in texts
    assert f"Anlage 1: {payload}" in texts
    assert [[c.text for c in row.cells] for row in doc.tables[1].rows] == [[payload], [payload]]
    assert doc.core_properties.title == payload
    assert not any("49" in t for t in texts if "49" not in payload)
    target = tmp_path / "vorlage.docx"
    target.write_bytes(data)
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]


def template_with(tag: str) -> bytes:
    parts = shipped_parts()
    parts["word/document.xml"] = b.document([b.para("{{ vorlage.betreff }}"), b.para(tag)])
    return b.zip_parts(parts)


UNKNOWN_NAME = ("name_unbekannt",)
UNSAFE = ("unzulaessig",)
UNSUPPORTED = ("nicht_unterstuetzt",)
LOADS = ()  # no problem when loaded: the sandbox refuses it when rendering

# each payload with the kinds of problem the checker reports for it
TEMPLATE_PAYLOADS: list[tuple[str, tuple[str, ...]]] = [
    ("{{ self.__init__.__globals__ }}", UNKNOWN_NAME),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", UNSAFE),
    ("{{ [].__class__.__base__.__subclasses__() }}", UNSAFE),
    ("{{ cycler.__init__.__globals__ }}", UNKNOWN_NAME),
    ("{{ lipsum.__globals__ }}", UNKNOWN_NAME),
    ("{{ joiner.__init__.__globals__ }}", UNKNOWN_NAME),
    ("{{ namespace.__init__.__globals__ }}", UNKNOWN_NAME),
    ("{{ config.items() }}", UNKNOWN_NAME),
    ("{{ request.application }}", UNKNOWN_NAME),
    ("{{ vorlage.__dict__ }}", UNSAFE),
    ("{{ vorlage.model_config }}", UNSAFE),
    ("{{ vorlage.model_dump_json() }}", UNSAFE),
    ("{{ vorlage.beratungsfolge.__class__ }}", UNSAFE),
    ("{{ vorlage|attr('__class__') }}", UNSAFE),
    ("{{ (vorlage|attr('__class__')).__mro__ }}", UNSAFE),
    ("{{ vorlage.betreff.__class__.__base__ }}", UNSAFE),
    ("{{ '%s'|format(vorlage|attr('__class__')) }}", UNSAFE),
    ("{{ vorlage.betreff.format.__globals__ }}", UNSAFE),
    ("{% set x = vorlage.anlagen.append(1) %}", UNSAFE),
    ("{{ vorlage.anlagen.pop() }}", UNSAFE),
    ("{{ 'x' * 100000000 }}", LOADS),
    ("{{ 9 ** 99999999 }}", LOADS),
    ("{{ vorlage.betreff.ljust(100000000) }}", LOADS),
    ("{{ '%0999999999d' % 1 }}", LOADS),
    ("{{ '{:999999999}'.format(1) }}", LOADS),
    ("{{ vorlage.betreff|center(100000000) }}", LOADS),
    ("{{ '%999999999s'|format(vorlage.betreff) }}", LOADS),
    ("{{ range(10**9)|list }}", UNKNOWN_NAME),
    ("{% include '/etc/passwd' %}", UNSUPPORTED),
    ("{% import 'os' as os %}", UNSUPPORTED),
    ("{% extends 'default.docx' %}", UNSUPPORTED),
    ("{% macro m() %}{% endmacro %}", ("nicht_unterstuetzt", "syntax")),  # endmacro: no opener
]


@pytest.mark.parametrize(("tag", "kinds"), TEMPLATE_PAYLOADS)
def test_template_cannot_reach_python_internals(tag: str, kinds: tuple[str, ...]) -> None:
    data = template_with(tag)
    assert {problem.kind for problem in vorlagen.check_template(data)} == set(kinds)
    if kinds:
        with pytest.raises(vorlagen.TemplateError):
            Template.from_bytes(data)
    else:
        template = Template.from_bytes(data)
        paper = Sitzungsvorlage.model_validate(minimal_data())
        with pytest.raises(RenderError, match="unzulässigen Zugriff"):
            template.render(paper)


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("{{ 1 / 0 }}", "ZeroDivisionError"),
        ("{{ 'x' * 10**7 }}", "länger als 1000000"),
        ("{{ 2 ** 1000 }}", "Exponent 1000"),
        ("{% for i in [1] * 2000000 %}{% endfor %}", "länger als 1000000"),
    ],
)
def test_expressions_that_would_fail_or_explode_are_render_errors(tag: str, message: str) -> None:
    template = Template.from_bytes(template_with(tag))
    with pytest.raises(RenderError, match=message):
        template.render(Sitzungsvorlage.model_validate(minimal_data()))


def test_formatting_a_template_string_stays_in_the_sandbox() -> None:
    template = Template.from_bytes(template_with("{{ '{0.__class__}'.format(vorlage) }}"))
    with pytest.raises(RenderError, match="unzulässigen Zugriff"):
        template.render(Sitzungsvorlage.model_validate(minimal_data()))


def test_document_stays_one_paragraph_per_paragraph() -> None:
    payload = "</w:t></w:r></w:p><w:p><w:r><w:t>eingeschleust"
    paper = Sitzungsvorlage.model_validate(minimal_data(sachdarstellung=payload))
    data = vorlagen.render(paper, hausstil=Hausstil(typografie=False))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "&lt;/w:t&gt;&lt;/w:r&gt;&lt;/w:p&gt;" in body
    assert "<w:t>eingeschleust" not in body
