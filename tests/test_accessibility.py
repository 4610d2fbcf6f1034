"""The accessibility checker: every kind of obstacle found; the library's own output passes."""

from __future__ import annotations

from pathlib import Path

import pytest

import vorlagen
from tests.conftest import EXAMPLE_FILES, example, minimal_data
from tests.images import png
from tests.templates import shipped_parts
from vorlagen import AccessibilityProblem, Sitzungsvorlage, Template, check_accessibility
from vorlagen.docx.build import BOLD, cell, document, para, row, table, zip_parts

SHIPPED = Path(vorlagen.__file__).parent / "templates"


@pytest.mark.parametrize("template", ["default.docx", "stadt.docx"])
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_rendered_examples_pass(template: str, path: Path) -> None:
    data = Template.from_path(SHIPPED / template).render(example(path.name))
    assert check_accessibility(data) == []


@pytest.mark.parametrize("as_given", [str, Path, bytes], ids=["str", "Path", "bytes"])
def test_a_path_is_read_as_check_template_reads_it(
    tmp_path: Path, as_given: type[str | Path | bytes]
) -> None:
    document = tmp_path / "ohne titel.docx"
    document.write_bytes(docx(para("Text"), title=""))
    given = document.read_bytes() if as_given is bytes else as_given(document)
    assert [p.kind for p in check_accessibility(given)] == ["titel"]


def test_a_missing_path_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"fehlt\.docx"):
        check_accessibility(tmp_path / "fehlt.docx")


def test_rich_content_with_image_passes(tmp_path: Path) -> None:
    (tmp_path / "plan.png").write_bytes(png())
    markdown = (
        "## Anlass\n\nText.\n\n### Einzelheiten\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n"
        "| u | v |\n|---|---|\n| 3 | 4 |\n\n![Lageplan des Anbaus](plan.png)"
    )
    paper = Sitzungsvorlage.model_validate(
        minimal_data(sachdarstellung={"markdown": markdown}), context={"basis": tmp_path}
    )
    assert check_accessibility(vorlagen.render(paper)) == []


def docx(*body: str, title: str = "Titel", language: bool = True, styles: str = "") -> bytes:
    parts = shipped_parts()
    parts["word/document.xml"] = document(body)
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(
        "</w:styles>", styles + "</w:styles>"
    )
    parts["docProps/core.xml"] = parts["docProps/core.xml"].replace(
        "<dc:title></dc:title>", f"<dc:title>{title}</dc:title>"
    )
    if not language:
        parts["word/styles.xml"] = parts["word/styles.xml"].replace(
            '<w:lang w:val="de-DE" w:eastAsia="en-US" w:bidi="ar-SA"/>', ""
        )
        parts["docProps/core.xml"] = parts["docProps/core.xml"].replace(
            "<dc:language>de-DE</dc:language>", ""
        )
    return zip_parts(parts)


H1 = para("Betreff", style="Heading1")
IMAGE = (
    '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/'
    '2006/wordprocessingDrawing"><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="Logo"/>'
    "</wp:inline></w:drawing></w:r></w:p>"
)
TABLE = table([4000], [row([cell("Kopf", 4000)]), row([cell("Wert", 4000)])])
# a heading style saved under its German name, without an outline level, and one based on it
GERMAN_HEADING = (
    '<w:style w:type="paragraph" w:styleId="Ebene3"><w:name w:val="Überschrift 3"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Unterpunkt"><w:name w:val="Unterpunkt"/>'
    '<w:basedOn w:val="Ebene3"/></w:style>'
)

CASES: list[tuple[str, bytes, str, int | None]] = [
    ("no language", docx(H1, language=False), "sprache", None),
    ("no title", docx(H1, title=""), "titel", None),
    ("skipped level", docx(H1, para("Drei", style="Heading3")), "ueberschrift_sprung", 2),
    ("starts at 2", docx(para("Zwei", style="Heading2")), "ueberschrift_sprung", 1),
    ("bold fake", docx(H1, para(("Zwischentitel", BOLD))), "ueberschrift_vorgetaeuscht", 2),
    ("empty for spacing", docx(H1, para(), para("Text")), "leerer_absatz", 2),
    ("table without header", docx(H1, TABLE), "tabellenkopf", None),
    ("image without alt", docx(H1, IMAGE), "alternativtext", None),
    (
        "German heading name",
        docx(H1, para("Drei", style="Ebene3"), styles=GERMAN_HEADING),
        "ueberschrift_sprung",
        2,
    ),
    (
        "based on a heading",
        docx(H1, para("Drei", style="Unterpunkt"), styles=GERMAN_HEADING),
        "ueberschrift_sprung",
        2,
    ),
]


@pytest.mark.parametrize(
    ("data", "kind", "paragraph"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_obstacle_is_found(data: bytes, kind: str, paragraph: int | None) -> None:
    problems = check_accessibility(data)
    assert [(p.kind, p.paragraph) for p in problems] == [(kind, paragraph)], [
        str(p) for p in problems
    ]
    assert isinstance(problems[0], AccessibilityProblem)
    assert problems[0].message


def test_bold_words_inside_a_paragraph_are_no_heading() -> None:
    mixed = para(("Wichtig:", BOLD), " der Rest ist normal.")
    long_bold = para(("Ein langer fetter Satz. " * 8, BOLD))
    assert check_accessibility(docx(H1, mixed, long_bold)) == []


def test_problems_in_document_order() -> None:
    data = docx(H1, para(), para("Drei", style="Heading3"), para(("Fett", BOLD)), TABLE)
    assert [(p.kind, p.paragraph) for p in check_accessibility(data)] == [
        ("leerer_absatz", 2),
        ("ueberschrift_sprung", 3),
        ("ueberschrift_vorgetaeuscht", 4),
        ("tabellenkopf", None),
    ]


def test_template_with_problems_is_reported() -> None:
    data = (SHIPPED / "default.docx").read_bytes()
    # the unrendered template has no title yet: that is what a render sets
    assert [p.kind for p in check_accessibility(data)] == ["titel"]
