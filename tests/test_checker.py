"""The template checker: one broken template per problem kind, each with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

import vorlagen
from tests.templates import shipped_parts
from vorlagen import Template, TemplateError, TemplateProblem, check_template
from vorlagen.cli import main
from vorlagen.docx import build as b

W = [3000, 3000, 3355]


def package(*body: str, footer: str | None = None) -> bytes:
    parts = shipped_parts()
    parts["word/document.xml"] = b.document(body)
    if footer is not None:
        parts["word/footer1.xml"] = b.footer(footer)
    return b.zip_parts(parts)


def deleted(text: str) -> str:
    return (
        '<w:p><w:del w:id="1" w:author="Sitzungsdienst" w:date="2026-01-01T00:00:00Z"><w:r>'
        f'<w:delText xml:space="preserve">{b.escape(text)}</w:delText></w:r></w:del>'
        "<w:r><w:t>Rest</w:t></w:r></w:p>"
    )


def beratung_table(*cells: str) -> str:
    return b.table(
        W,
        [
            b.tag_row("{%tr for b in vorlage.beratungsfolge %}", W),
            b.row([b.cell(text, width) for text, width in zip(cells, W, strict=False)]),
            b.tag_row("{%tr endfor %}", W),
        ],
    )


OK = b.para("{{ vorlage.betreff }}")

# name, body, (kind, part, paragraph, (table, row, cell) or None, tag), message fragment
BROKEN: list[tuple[str, list[str], tuple[str, str, int, tuple[int, int, int] | None, str], str]] = [
    (
        "syntax",
        [OK, b.para("Nr. {{ vorlage.nummer + }}")],
        ("syntax", "word/document.xml", 2, None, "{{ vorlage.nummer + }}"),
        "Syntaxfehler",
    ),
    (
        "unclosed tag",
        [b.para("Nr. {{ vorlage.nummer }"), OK],
        ("tag_offen", "word/document.xml", 1, None, "{{ vorlage.nummer }"),
        "„}}“",
    ),
    (
        "unclosed block",
        [b.para("{%p if vorlage.aktenzeichen %}"), OK],
        ("block_offen", "word/document.xml", 1, None, "{%p if vorlage.aktenzeichen %}"),
        "{% endif %}",
    ),
    (
        "stray block",
        [OK, b.para("{%p endif %}")],
        ("block_ueberzaehlig", "word/document.xml", 2, None, "{%p endif %}"),
        "ohne öffnendes „if“",
    ),
    (
        "unknown filter",
        [b.para("Datum: {{ vorlage.datum|datum_kurz }}")],
        ("filter_unbekannt", "word/document.xml", 1, None, "{{ vorlage.datum|datum_kurz }}"),
        "unbekannter Filter „datum_kurz“; verfügbar: ",
    ),
    (
        "unknown field",
        [b.para("{{ vorlage.betref }}")],
        ("name_unbekannt", "word/document.xml", 1, None, "{{ vorlage.betref }}"),
        "„betref“ ist kein Feld von Sitzungsvorlage; meinten Sie „betreff“? "
        "Vorhanden: aktenzeichen, anlagen",
    ),
    (
        "unknown top-level name",
        [b.para("{{ nummer }}")],
        ("name_unbekannt", "word/document.xml", 1, None, "{{ nummer }}"),
        "unbekannter Name „nummer“; verfügbar: vorlage",
    ),
    (
        "unknown field of a loop variable, in a table cell",
        [beratung_table("{{ b.gremium }}", "{{ b.sitzung }}")],
        ("name_unbekannt", "word/document.xml", 5, (1, 2, 2), "{{ b.sitzung }}"),
        "„sitzung“ ist kein Feld von Beratung; meinten Sie „sitzungsdatum“? "
        "Vorhanden: gremium, oeffentlich, sitzungsdatum",
    ),
    (
        "nested field",
        [b.para("{{ vorlage.sachbearbeitung.telefonnummer }}")],
        (
            "name_unbekannt",
            "word/document.xml",
            1,
            None,
            "{{ vorlage.sachbearbeitung.telefonnummer }}",
        ),
        "kein Feld von Sachbearbeitung; meinten Sie „telefon“? Vorhanden: email, name, telefon",
    ),
    (
        "dunder attribute",
        [b.para("{{ vorlage.__class__ }}")],
        ("unzulaessig", "word/document.xml", 1, None, "{{ vorlage.__class__ }}"),
        "„__class__“",
    ),
    (
        "mro escape",
        [b.para("{{ ''.__class__.__mro__ }}")],
        ("unzulaessig", "word/document.xml", 1, None, "{{ ''.__class__.__mro__ }}"),
        "nicht erlaubt",
    ),
    (
        "pydantic API",
        [b.para("{{ vorlage.model_dump() }}")],
        ("unzulaessig", "word/document.xml", 1, None, "{{ vorlage.model_dump() }}"),
        "„model_dump()“",
    ),
    (
        "mutating call",
        [b.para("{{ vorlage.anlagen.clear() }}")],
        ("unzulaessig", "word/document.xml", 1, None, "{{ vorlage.anlagen.clear() }}"),
        "Methodenaufruf „clear()“",
    ),
    (
        "{{p}} on a date",
        [b.para("{{p vorlage.datum }}")],
        ("kein_inhalt", "word/document.xml", 1, None, "{{p vorlage.datum }}"),
        "braucht Inhalt",
    ),
    (
        "rich content in a run",
        [b.para("Sachverhalt: {{ vorlage.sachdarstellung }}")],
        ("inhalt_im_text", "word/document.xml", 1, None, "{{ vorlage.sachdarstellung }}"),
        "{{p vorlage.sachdarstellung }}",
    ),
    (
        "list printed as text",
        [b.para("{{ vorlage.beratungsfolge }}")],
        ("kein_text", "word/document.xml", 1, None, "{{ vorlage.beratungsfolge }}"),
        "Liste kann nicht als Text ausgegeben werden",
    ),
    (
        "text beside a paragraph tag",
        [b.para("Anlagen: {%p if vorlage.anlagen %}"), b.para("{%p endif %}")],
        ("text_verloren", "word/document.xml", 1, None, "{%p if vorlage.anlagen %}"),
        "der Text „Anlagen:“ daneben fiele weg",
    ),
    (
        "text beside a row tag",
        [
            b.table(
                W,
                [
                    b.row(
                        [
                            b.cell("{%tr for b in vorlage.beratungsfolge %}", W[0]),
                            b.cell("Gremium", W[1]),
                            b.cell("", W[2]),
                        ]
                    ),
                    b.row([b.cell("{{ b.gremium }}", w) for w in W]),
                    b.tag_row("{%tr endfor %}", W),
                ],
            )
        ],
        (
            "text_verloren",
            "word/document.xml",
            1,
            (1, 1, 1),
            "{%tr for b in vorlage.beratungsfolge %}",
        ),
        "„Gremium“",
    ),
    (
        "smart quotes",
        [b.para("{{ vorlage.betreff if vorlage.oeffentlich else „vertraulich“ }}")],
        (
            "anfuehrungszeichen",
            "word/document.xml",
            1,
            None,
            "{{ vorlage.betreff if vorlage.oeffentlich else „vertraulich“ }}",
        ),
        "AutoKorrektur",
    ),
    (
        "tag in a tracked deletion",
        [OK, deleted("{{ vorlage.nummer }}")],
        ("geloeschter_tag", "word/document.xml", 2, None, "{{ vorlage.nummer }}"),
        "Änderungen annehmen",
    ),
    (
        "unsupported statement",
        [b.para("{% include 'kopf.docx' %}")],
        ("nicht_unterstuetzt", "word/document.xml", 1, None, "{% include 'kopf.docx' %}"),
        "„include“",
    ),
]


@pytest.mark.parametrize(
    ("body", "expected", "fragment"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_broken_template(
    body: list[str],
    expected: tuple[str, str, int, tuple[int, int, int] | None, str],
    fragment: str,
) -> None:
    data = package(*body)
    problems = check_template(data)
    assert len(problems) == 1, [str(p) for p in problems]
    (problem,) = problems
    kind, part, paragraph, cell, tag = expected
    assert (problem.kind, problem.part, problem.paragraph, problem.tag) == (
        kind,
        part,
        paragraph,
        tag,
    )
    assert (problem.table, problem.row, problem.cell) == (cell or (None, None, None))
    assert fragment in problem.message
    with pytest.raises(TemplateError) as info:
        Template.from_bytes(data, name="kreis.docx")
    assert info.value.problems == problems
    assert str(problem) in str(info.value)


def test_mismatched_block() -> None:
    problems = check_template(package(b.para("{%p if vorlage.anlagen %}"), b.para("{%p endfor %}")))
    assert [(p.kind, p.paragraph) for p in problems] == [
        ("block_ueberzaehlig", 2),
        ("block_offen", 1),
    ]
    assert problems[0].message == "„endfor“, offen ist aber „if“ aus Absatz 1"


def test_problem_in_the_footer() -> None:
    footer = b.para("Seite {{ vorlage.seite }}", style="Footer")
    (problem,) = check_template(package(OK, footer=footer))
    assert (problem.part, problem.paragraph, problem.kind) == (
        "word/footer1.xml",
        1,
        "name_unbekannt",
    )


def test_tag_split_over_two_paragraphs() -> None:
    problems = check_template(package(b.para("{{ vorlage."), b.para("nummer }}")))
    assert [(p.kind, p.paragraph) for p in problems] == [("tag_offen", 1), ("syntax", 2)]
    assert problems[1].message == "„}}“ ohne öffnendes Gegenstück"


def test_five_mistakes_are_reported_at_once() -> None:
    data = package(
        b.para("{{ vorlage.betref }}"),
        b.para("{{ vorlage.datum|kurz }}"),
        OK,
        b.para("{%p if vorlage.anlagen %}"),
        b.para("Text {{ vorlage.sachdarstellung }}"),
        b.para("{{ vorlage.nummer }"),
        footer=b.para("{{ vorlage.__dict__ }}"),
    )
    with pytest.raises(TemplateError) as info:
        Template.from_bytes(data, name="kreis.docx")
    problems = info.value.problems
    assert [(p.part, p.paragraph, p.kind) for p in problems] == [
        ("word/document.xml", 1, "name_unbekannt"),
        ("word/document.xml", 2, "filter_unbekannt"),
        ("word/document.xml", 5, "inhalt_im_text"),
        ("word/document.xml", 6, "tag_offen"),
        ("word/document.xml", 4, "block_offen"),
        ("word/footer1.xml", 1, "unzulaessig"),
    ]
    message = str(info.value)
    assert message.startswith("Vorlage 'kreis.docx' ist fehlerhaft:\n")
    assert message.count("\n  - ") == 6


def test_loop_variables_and_set_are_known() -> None:
    data = package(
        b.para("{%p for a in vorlage.anlagen %}"),
        b.para("Anlage {{ loop.index }}: {{ a.titel }}"),
        b.para("{%p endfor %}"),
        b.para("{%p for r in vorlage.rechtsgrundlage %}"),
        b.para("{{ r }}{% if r.typ == 'norm' %} ({{ r.gesetz }}){% endif %}"),
        b.para("{%p endfor %}"),
        b.para("{% set fa = vorlage.finanzielle_auswirkungen %}{{ fa.summe if fa }}"),
        b.para("{{ vorlage.datum|datum_lang }}, {{ vorlage.art }}, {{ vorlage.betreff|upper }}"),
    )
    assert check_template(data) == []


def test_problem_text_names_the_paragraph() -> None:
    (problem,) = check_template(package(b.para("Betreff: {{ vorlage.betref }} (Entwurf)")))
    assert problem.text == "Betreff: {{ vorlage.betref }} (Entwurf)"
    assert str(problem) == (
        "word/document.xml, Absatz 1: {{ vorlage.betref }} – „betref“ ist kein Feld von "
        "Sitzungsvorlage; meinten Sie „betreff“? Vorhanden: "
        + problem.message.split("Vorhanden: ")[1]
    )


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        (
            "{{ vorlage.federfuhrung }}",
            "„federfuhrung“ ist kein Feld von Sitzungsvorlage; meinten Sie „federfuehrung“? ",
        ),
        ("{{ vorlage.Betreff }}", "meinten Sie „betreff“? Vorhanden: "),
        ("{{ vorlage.sachbearbeitung.mail }}", "meinten Sie „email“? Vorhanden: email, name"),
        ("{{ vorlag.betreff }}", "unbekannter Name „vorlag“; meinten Sie „vorlage“? Verfügbar: "),
        ("{{ vorlage.haushalt }}", "„haushalt“ ist kein Feld von Sitzungsvorlage; vorhanden: "),
    ],
)
def test_unknown_name_suggests_the_nearest(tag: str, message: str) -> None:
    (problem,) = check_template(package(b.para(tag)))
    assert problem.kind == "name_unbekannt"
    assert message in problem.message


def test_tags_in_document_properties() -> None:
    parts = shipped_parts()
    parts["docProps/core.xml"] = parts["docProps/core.xml"].replace(
        "<dc:title></dc:title>", "<dc:title>{{ 7*7 }}</dc:title>"
    )
    (problem,) = check_template(b.zip_parts(parts))
    assert (problem.part, problem.kind) == ("docProps/core.xml", "nicht_unterstuetzt")


def test_shipped_templates_pass() -> None:
    folder = Path(vorlagen.__file__).parent / "templates"
    shipped = sorted(folder.glob("*.docx"))
    assert shipped
    for path in shipped:
        assert check_template(path) == [], path


def test_unreadable_file(tmp_path: Path) -> None:
    (problem,) = check_template(tmp_path / "fehlt.docx")
    assert problem.message == "nicht gefunden"


def test_cli_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = Path(vorlagen.__file__).parent / "templates" / "default.docx"
    assert main(["check", str(good)]) == 0
    assert "keine Probleme" in capsys.readouterr().out
    bad = tmp_path / "kreis.docx"
    bad.write_bytes(package(b.para("{{ vorlage.betref }}"), b.para("{{ vorlage.nummer }")))
    assert main(["check", str(bad)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [str(TemplateProblem(**vars(p))) for p in check_template(bad)]
    assert len(lines) == 2
