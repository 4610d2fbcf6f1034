"""Rendering many papers: input order, progress, one failure not stopping the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import vorlagen
from tests.conftest import EXAMPLE_FILES, example, minimal_data, open_docx
from tests.templates import shipped_parts
from vorlagen import RenderError, RenderResult, Sitzungsvorlage, Template
from vorlagen.cli import main
from vorlagen.docx import build as b


def papers() -> list[Sitzungsvorlage]:
    return [example(path.name) for path in EXAMPLE_FILES] * 3


@pytest.mark.parametrize("workers", [1, 2])
def test_results_in_input_order_and_same_bytes(workers: int) -> None:
    batch = papers()
    seen: list[tuple[int, int | None]] = []
    results = list(
        vorlagen.render_many(batch, workers=workers, progress=lambda d, t: seen.append((d, t)))
    )
    assert [r.index for r in results] == list(range(len(batch)))
    assert all(r.ok for r in results)
    assert [r.docx for r in results] == [vorlagen.render(p) for p in batch]
    assert seen == [(done, len(batch)) for done in range(1, len(batch) + 1)]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_paper_does_not_stop_the_others(workers: int) -> None:
    parts = shipped_parts()
    parts["word/document.xml"] = b.document(
        [
            b.para("{{ vorlage.betreff }}"),
            # fails for a paper with an Aktenzeichen: it is text, not a date
            b.para("{% if vorlage.aktenzeichen %}{{ vorlage.aktenzeichen|datum }}{% endif %}"),
        ]
    )
    template = Template.from_bytes(b.zip_parts(parts))
    batch = [
        Sitzungsvorlage.model_validate(minimal_data(betreff="eins")),
        Sitzungsvorlage.model_validate(minimal_data(betreff="zwei", aktenzeichen="10-1")),
        Sitzungsvorlage.model_validate(minimal_data(betreff="drei")),
    ]
    results = list(template.render_many(batch, workers=workers))
    assert [r.ok for r in results] == [True, False, True]
    assert isinstance(results[1].error, RenderError)
    assert "Filter 'datum' passt nicht zu str" in str(results[1].error)
    assert results[1].docx is None
    assert open_docx(results[2].docx or b"").paragraphs[0].text == "drei"


def test_generator_input_and_bad_worker_count() -> None:
    results = list(vorlagen.render_many((p for p in papers()[:2]), workers=2))
    assert [r.index for r in results] == [0, 1]
    assert isinstance(results[0], RenderResult)
    with pytest.raises(ValueError, match="workers muss mindestens 1 sein"):
        vorlagen.render_many(papers(), workers=0)


def test_render_errors_survive_pickling() -> None:
    import pickle

    error = RenderError("kaputt", field="betreff")
    again = pickle.loads(pickle.dumps(error))
    assert (str(again), again.field) == ("betreff: kaputt", "betreff")
    problem = vorlagen.TemplateProblem("word/document.xml", "falsch", paragraph=3)
    template_error = vorlagen.TemplateError("kreis.docx", [problem])
    assert pickle.loads(pickle.dumps(template_error)).problems == [problem]


def test_cli_renders_many_into_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    broken = tmp_path / "kaputt.json"
    broken.write_text(json.dumps(minimal_data(datum="1.5.2026")), encoding="utf-8")
    args = ["render", *map(str, EXAMPLE_FILES), str(broken), "-o", str(out), "--workers", "2"]
    assert main(args) == 1
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(p.with_suffix(".docx").name for p in EXAMPLE_FILES)
    for path in EXAMPLE_FILES:
        doc = open_docx((out / path.with_suffix(".docx").name).read_bytes())
        assert example(path.name).betreff in [p.text for p in doc.paragraphs]
    err = capsys.readouterr().err
    assert "kaputt.json: die Vorlage ist ungültig:" in err
    assert f"{len(EXAMPLE_FILES)} von {len(EXAMPLE_FILES) + 1} Vorlagen geschrieben" in err


def test_cli_many_papers_need_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "eine.docx"
    target.write_bytes(b"alt")
    assert main(["render", *map(str, EXAMPLE_FILES), "-o", str(target)]) == 1
    assert (
        f"{target}: -o muss ein Ordner sein, wenn mehrere Vorlagen angegeben sind"
        in capsys.readouterr().err
    )
    assert target.read_bytes() == b"alt"


@pytest.mark.parametrize(
    ("result", "shown"),
    [
        (RenderResult(0, b"PK" * 50_000), "RenderResult(index=0, docx=<100000 Bytes>, error=None)"),
        (
            RenderResult(3, error=RenderError("kaputt")),
            "RenderResult(index=3, docx=None, error=RenderError('kaputt'))",
        ),
    ],
)
def test_repr_shows_the_size_not_the_bytes(result: RenderResult, shown: str) -> None:
    assert repr(result) == shown


def test_pool_without_fork_while_other_threads_run() -> None:
    """With threads running, forking is unsafe: workers start from a forkserver instead.

    Such a worker gets the template as its bytes and prepares it again; the results are the
    same as in this process.
    """
    import threading

    stop = threading.Event()
    worker = threading.Thread(target=stop.wait, daemon=True)
    worker.start()
    try:
        batch = papers()[:3]
        results = list(vorlagen.render_many(batch, workers=2))
        assert [r.docx for r in results] == [vorlagen.render(p) for p in batch]
    finally:
        stop.set()
        worker.join()
