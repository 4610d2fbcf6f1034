"""The accessibility checker: every kind of obstacle found; the library's own output passes."""

from __future__ import annotations

from pathlib import Path

import pytest

import vorlagen
from scripts import build_templates as b
from scripts.build_templates import logo_png
from tests.conftest import EXAMPLE_FILES, example, minimal_data
from vorlagen import AccessibilityProblem, Sitzungsvorlage, Template, check_accessibility
from vorlagen.docx.styles import BOLD

SHIPPED = Path(vorlagen.__file__).parent / "templates"


@pytest.mark.parametrize("template", ["default.docx", "stadt.docx"])
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_rendered_examples_pass(template: str, path: Path) -> None:
    data = Template.from_path(SHIPPED / template).render(example(path.name))
    assert check_accessibility(data) == []


def test_rich_content_with_image_passes(tmp_path: Path) -> None:
    (tmp_path / "plan.png").write_bytes(logo_png())
    markdown = (
        "## Anlass\n\nText.\n\n### Einzelheiten\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n"
        "| u | v |\n|---|---|\n| 3 | 4 |\n\n![Lageplan des Anbaus](plan.png)"
    )
    paper = Sitzungsvorlage.model_validate(
        minimal_data(sachdarstellung={"markdown": markdown}), context={"basis": tmp_path}
    )
    assert check_accessibility(vorlagen.render(paper)) == []


def document(*body: str, title: str = "Titel", language: bool = True) -> bytes:
    parts = b.parts()
    parts["word/document.xml"] = b.document(body)
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
    return b.zip_parts(parts)


H1 = b.para("Betreff", style="Heading1")
IMAGE = (
    '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/'
    '2006/wordprocessingDrawing"><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="Logo"/>'
    "</wp:inline></w:drawing></w:r></w:p>"
)
TABLE = b.table([4000], [b.row([b.cell("Kopf", 4000)]), b.row([b.cell("Wert", 4000)])])

CASES: list[tuple[str, bytes, str, int | None]] = [
    ("no language", document(H1, language=False), "sprache", None),
    ("no title", document(H1, title=""), "titel", None),
    ("skipped level", document(H1, b.para("Drei", style="Heading3")), "ueberschrift_sprung", 2),
    ("starts at 2", document(b.para("Zwei", style="Heading2")), "ueberschrift_sprung", 1),
    ("bold fake", document(H1, b.para(("Zwischentitel", BOLD))), "ueberschrift_vorgetaeuscht", 2),
    ("empty for spacing", document(H1, b.para(), b.para("Text")), "leerer_absatz", 2),
    ("table without header", document(H1, TABLE), "tabellenkopf", None),
    ("image without alt", document(H1, IMAGE), "alternativtext", None),
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
    mixed = b.para(("Wichtig:", BOLD), " der Rest ist normal.")
    long_bold = b.para(("Ein langer fetter Satz. " * 8, BOLD))
    assert check_accessibility(document(H1, mixed, long_bold)) == []


def test_template_with_problems_is_reported() -> None:
    data = (SHIPPED / "default.docx").read_bytes()
    # the unrendered template has no title yet: that is what a render sets
    assert [p.kind for p in check_accessibility(data)] == ["titel"]
