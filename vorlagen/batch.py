"""Rendering many papers at once, on several processes, in input order.

A failure of one paper (an error while rendering it) becomes that paper's result; the
others are rendered all the same.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from vorlagen.formatting import Hausstil
from vorlagen.schemas import Sitzungsvorlage
from vorlagen.template import Fassung, Template, resolve_template

__all__ = ["Progress", "RenderResult", "render_many"]

#: Called after each paper with the number done so far and the total (None if unknown).
Progress = Callable[[int, int | None], None]

_CHUNK = 8  # papers per task: few enough to balance the load, enough to amortise the IPC


@dataclass(frozen=True)
class RenderResult:
    """The outcome for one paper of a batch.

    Attributes:
        index: the paper's position in the input, from 0.
        docx: the rendered document, or None if rendering failed.
        error: why rendering failed, or None.
    """

    index: int
    docx: bytes | None = None
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        """Whether the paper was rendered."""
        return self.error is None


def _render_one(
    template: Template, index: int, paper: Sitzungsvorlage, fassung: Fassung = "intern"
) -> RenderResult:
    try:
        return RenderResult(index, template.render(paper, fassung))
    except Exception as e:  # one paper's failure must not end the batch
        return RenderResult(index, error=e)


# The template of a worker process, set once by the pool's initializer.
_WORKER_TEMPLATE: Template | None = None


def _start_worker(template: Template | tuple[bytes, str, Hausstil]) -> None:
    global _WORKER_TEMPLATE  # one template per worker process, by design
    if isinstance(template, tuple):
        data, name, hausstil = template
        template = Template.from_bytes(data, name=name, hausstil=hausstil)
    _WORKER_TEMPLATE = template


def _render_chunk(chunk: list[tuple[int, Sitzungsvorlage]], fassung: Fassung) -> list[RenderResult]:
    assert _WORKER_TEMPLATE is not None, "the pool's initializer sets the template"
    return [_render_one(_WORKER_TEMPLATE, index, paper, fassung) for index, paper in chunk]


def _pool_setup(
    template: Template,
) -> tuple[multiprocessing.context.BaseContext, Template | tuple[bytes, str, Hausstil]]:
    """How to start the workers, and what to hand them.

    A forked worker inherits the prepared template and starts at once; forking is safe only
    while this process runs a single thread, on Linux. Otherwise a forkserver (or spawn)
    starts workers from a clean process, and each prepares the template from its bytes.
    """
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork"), template
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method), (template.data, template.name, template.hausstil)


def render_many(
    papers: Iterable[Sitzungsvorlage],
    template: Template | str | os.PathLike[str] | None = None,
    hausstil: Hausstil | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    fassung: Fassung = "intern",
) -> Iterator[RenderResult]:
    """Render papers on ``workers`` processes (default: one per CPU); results in input order.

    With one worker the papers are rendered in this process. ``progress`` is called in this
    process after each paper. Results are produced as they are ready, so a long batch can be
    written out while it runs; at most a few chunks per worker are in flight at once.
    """
    chosen = resolve_template(template, hausstil)
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count < 1:
        msg = f"workers muss mindestens 1 sein, nicht {count}"
        raise ValueError(msg)
    total = len(papers) if isinstance(papers, list | tuple) else None
    numbered = enumerate(papers)
    results = (
        (_render_one(chosen, index, paper, fassung) for index, paper in numbered)
        if count == 1
        else _in_pool(chosen, numbered, count, fassung)
    )
    return _reporting(results, total, progress)


def _reporting(
    results: Iterator[RenderResult], total: int | None, progress: Progress | None
) -> Iterator[RenderResult]:
    for done, result in enumerate(results, start=1):
        if progress is not None:
            progress(done, total)
        yield result


def _in_pool(
    template: Template,
    numbered: Iterator[tuple[int, Sitzungsvorlage]],
    workers: int,
    fassung: Fassung,
) -> Iterator[RenderResult]:
    context, handed = _pool_setup(template)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(handed,)
    ) as pool:
        pending: deque[Future[list[RenderResult]]] = deque()
        while True:
            while len(pending) < workers * 4:
                chunk = list(islice(numbered, _CHUNK))
                if not chunk:
                    break
                pending.append(pool.submit(_render_chunk, chunk, fassung))
            if not pending:
                return
            yield from pending.popleft().result()
