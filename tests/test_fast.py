"""The prepared (fast) rendering path gives the same bytes as rendering with docxtpl."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import vorlagen
from scripts.build_templates import logo_png
from tests import templates
from tests.conftest import EXAMPLE_FILES, example, example_data, minimal_data
from vorlagen import Sitzungsvorlage, Template
from vorlagen.docx.package import deflate, write_zip, zip_time

SHIPPED = Path(vorlagen.__file__).parent / "templates"
TEMPLATES: dict[str, Callable[[], bytes]] = {
    "default": (SHIPPED / "default.docx").read_bytes,
    "stadt": (SHIPPED / "stadt.docx").read_bytes,
    "german": templates.german,
    "split": templates.split_runs,
    "bare": templates.bare,
}


@pytest.fixture(scope="module", params=sorted(TEMPLATES))
def template(request: pytest.FixtureRequest) -> Template:
    return Template.from_bytes(TEMPLATES[request.param]())


def papers() -> list[Sitzungsvorlage]:
    rich = (Path(__file__).parent / "files" / "sachdarstellung.md").read_text(encoding="utf-8")
    rich = rich.split("![")[0]  # without the image: that paper would take docxtpl's path
    return [
        *(example(path.name) for path in EXAMPLE_FILES),
        Sitzungsvorlage.model_validate(
            minimal_data(
                sachdarstellung={
                    "markdown": rich.replace(
                        "[Haushaltsplan](https://www.kreis-lindenau.example/haushalt)",
                        "Haushaltsplan",
                    )
                }
            )
        ),
        Sitzungsvorlage.model_validate(
            minimal_data(
                oeffentlich=False,
                nichtoeffentlich_grund="Personal\nmit Zeilenumbruch\tund Tab",
                betreff="{_{ & < > \" ' }_}",
            )
        ),
    ]


@pytest.mark.parametrize("index", range(len(papers())))
def test_same_bytes_as_docxtpl(template: Template, index: int) -> None:
    paper = papers()[index]
    assert template._engine is not None
    fast = template._render_with(template._engine.render, paper)  # no fallback to docxtpl
    assert fast is not None
    assert fast == template._render_reference(paper)


def test_papers_with_links_or_images_take_docxtpl_s_path(tmp_path: Path) -> None:
    (tmp_path / "plan.png").write_bytes(logo_png())
    data = example_data("beschlussvorlage.json")
    data["sachdarstellung"] = {
        "markdown": "Siehe [Plan](https://example.org).\n\n![Plan](plan.png)"
    }
    paper = Sitzungsvorlage.model_validate(data, context={"basis": tmp_path})
    template = Template.from_bytes(TEMPLATES["default"]())
    result = template.render(paper)
    assert result == template._render_reference(paper)
    with zipfile.ZipFile(io.BytesIO(result)) as z:
        assert any(name.startswith("word/media/") for name in z.namelist())


def test_zip_writer_matches_zipfile() -> None:
    data = vorlagen.render(example("beschlussvorlage.json"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        rewritten = write_zip((deflate(n, z.read(n)) for n in names), zip_time(None))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as ref:
            for name in names:
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o600 << 16
                ref.writestr(info, z.read(name))
    assert rewritten == out.getvalue()
