"""Rendering many papers at once, on several processes, in input order.

A failure of one paper (an error while rendering it) becomes that paper's result; the
others are rendered all the same. This module knows nothing of templates: it is handed a
job, a picklable callable that renders one paper.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future

__all__ = ["Job", "Progress", "RenderResult", "render_each"]

#: Called after each paper with the number done so far and the total (None if unknown).
Progress = Callable[[int, int | None], None]
#: Renders one paper to DOCX bytes; pickled for workers that are not forked.
Job = Callable[[Any], bytes]

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

    def __repr__(self) -> str:
        # the document's size, not its bytes: a result is printed while debugging a batch
        docx = "None" if self.docx is None else f"<{len(self.docx)} Bytes>"
        return f"RenderResult(index={self.index}, docx={docx}, error={self.error!r})"


def _render_one(job: Job, index: int, paper: Any) -> RenderResult:
    try:
        return RenderResult(index, job(paper))
    except Exception as e:  # one paper's failure must not end the batch
        return RenderResult(index, error=e)


class _Worker:
    """The job of a worker process, set once by the pool's initializer."""

    job: Job | None = None

    @classmethod
    def start(cls, job: Job) -> None:
        cls.job = job

    @classmethod
    def chunk(cls, chunk: list[tuple[int, Any]]) -> list[RenderResult]:
        assert cls.job is not None, "the pool's initializer sets the job"
        return [_render_one(cls.job, index, paper) for index, paper in chunk]


def _pool_context() -> multiprocessing.context.BaseContext:
    """How to start the workers.

    A forked worker inherits the prepared job and starts at once; forking is safe only while
    this process runs a single thread, on Linux. Otherwise a forkserver (or spawn) starts
    workers from a clean process, and each unpickles (and so prepares again) the job.
    """
    import multiprocessing  # only a pool needs it: one worker renders in this process

    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def render_each(
    papers: Iterable[Any],
    job: Job,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Iterator[RenderResult]:
    """Run ``job`` on each paper on ``workers`` processes (default: one per CPU), in order.

    With one worker the papers are rendered in this process. ``progress`` is called in this
    process after each paper. Results are produced as they are ready, so a long batch can be
    written out while it runs; at most a few chunks per worker are in flight at once.
    """
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count < 1:
        msg = f"workers muss mindestens 1 sein, nicht {count}"
        raise ValueError(msg)
    total = len(papers) if isinstance(papers, list | tuple) else None
    numbered = enumerate(papers)
    results = (
        (_render_one(job, index, paper) for index, paper in numbered)
        if count == 1
        else _in_pool(job, numbered, count)
    )
    return _reporting(results, total, progress)


def _reporting(
    results: Iterator[RenderResult], total: int | None, progress: Progress | None
) -> Iterator[RenderResult]:
    for done, result in enumerate(results, start=1):
        if progress is not None:
            progress(done, total)
        yield result


def _in_pool(job: Job, numbered: Iterator[tuple[int, Any]], workers: int) -> Iterator[RenderResult]:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_pool_context(),
        initializer=_Worker.start,
        initargs=(job,),
    ) as pool:
        pending: deque[Future[list[RenderResult]]] = deque()
        while True:
            while len(pending) < workers * 4:
                chunk = list(islice(numbered, _CHUNK))
                if not chunk:
                    break
                pending.append(pool.submit(_Worker.chunk, chunk))
            if not pending:
                return
            yield from pending.popleft().result()
