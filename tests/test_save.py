"""Saving is atomic: failures during the write leave the old file and no temporary file."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import vorlagen
from tests.conftest import example, minimal_data
from vorlagen import Sitzungsvorlage, Template
from vorlagen.atomic import write_atomic

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    target = tmp_path / "vorlage.docx"
    target.write_bytes(b"die alte Fassung")
    return target


def fail(exception: BaseException) -> Callable[..., Any]:
    def raiser(*args: Any, **kwargs: Any) -> Any:
        raise exception

    return raiser


class _HalfWriter:
    """A file whose write stores half of the data and then fails, as a full disk would."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def write(self, data: bytes) -> int:
        self._real.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()


@pytest.mark.parametrize(
    ("target", "replacement"),
    [
        ("os.replace", fail(OSError(errno.EXDEV, "Invalid cross-device link"))),
        ("os.fsync", fail(OSError(errno.EIO, "Input/output error"))),
        ("os.fchmod", fail(PermissionError(errno.EPERM, "Operation not permitted"))),
        ("os.replace", fail(KeyboardInterrupt())),
        ("os.fdopen", lambda fd, mode: _HalfWriter(open(fd, mode))),  # noqa: SIM115
    ],
    ids=["rename", "fsync", "chmod", "interrupt", "disk full"],
)
def test_failure_during_the_write_leaves_the_old_file(
    old_file: Path, monkeypatch: pytest.MonkeyPatch, target: str, replacement: Callable[..., Any]
) -> None:
    paper = Sitzungsvorlage.model_validate(minimal_data())
    data = vorlagen.render(paper)  # rendered first: the failure below is in the write alone
    monkeypatch.setattr(target, replacement)
    with pytest.raises((OSError, KeyboardInterrupt)):
        write_atomic(old_file, data)
    monkeypatch.undo()
    assert old_file.read_bytes() == b"die alte Fassung"
    assert sorted(p.name for p in old_file.parent.iterdir()) == ["vorlage.docx"]


@pytest.mark.parametrize("via", ["save", "write_atomic"])
def test_a_missing_folder_names_the_target(tmp_path: Path, via: str) -> None:
    target = tmp_path / "fehlt" / "vorlage.docx"
    paper = Sitzungsvorlage.model_validate(minimal_data())
    write: Callable[[], object] = (
        (lambda: vorlagen.save(paper, target))
        if via == "save"
        else (lambda: write_atomic(target, b"Inhalt"))
    )
    with pytest.raises(FileNotFoundError) as info:
        write()
    assert info.value.filename == str(target)
    assert str(info.value).endswith(f"{str(target)!r}")
    assert ".tmp" not in str(info.value)


def test_a_failed_write_names_the_target(old_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.fsync", fail(OSError(errno.EIO, "Input/output error")))
    with pytest.raises(OSError, match="Input/output error") as info:
        write_atomic(old_file, b"neu")
    assert info.value.filename == str(old_file)
    assert info.value.errno == errno.EIO


def test_save_writes_the_whole_document(old_file: Path) -> None:
    paper = example("beschlussvorlage.json")
    vorlagen.save(paper, old_file)
    assert old_file.read_bytes() == vorlagen.render(paper)


SCRIPT = (
    "import sys, hashlib, vorlagen; "
    "p = vorlagen.Sitzungsvorlage.model_validate_json(open(sys.argv[1]).read()); "
    "print(hashlib.sha256(vorlagen.render(p)).hexdigest())"
)


def test_same_bytes_across_processes_and_hash_seeds() -> None:
    paper = ROOT / "examples" / "beschlussvorlage.json"
    here = hashlib.sha256(vorlagen.render(example("beschlussvorlage.json"))).hexdigest()
    for seed in ("0", "1", "4711", "random"):
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(paper)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.strip() == here, seed


def test_eight_threads_four_hundred_renders_match_serial() -> None:
    template = Template.from_path(ROOT / "vorlagen" / "templates" / "default.docx")
    papers = [example(name) for name in ("beschlussvorlage.json", "mitteilungsvorlage.json")]
    serial = [template.render(paper) for paper in papers]
    jobs = [i % len(papers) for i in range(400)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda i: (i, template.render(papers[i])), jobs))
    assert all(data == serial[i] for i, data in results)
