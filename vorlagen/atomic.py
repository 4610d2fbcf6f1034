"""Writing a file atomically: the whole new content, or the old file untouched."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once at import: os.umask can only be read by setting it, which is not thread-safe.
_UMASK = _umask()


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename.

    The data reaches the disk (fsync) before the rename, and the rename before this returns
    (fsync of the directory, where the system allows it). On any failure the previous file
    is untouched and no temporary file is left. The file gets the permissions of the file it
    replaces, or those a new file would get.
    """
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:  # a missing folder, no permission: about the target, not our file
        raise _naming(e, path) from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(temp, path)
    except BaseException as e:
        Path(temp).unlink(missing_ok=True)
        if isinstance(e, OSError) and e.errno is not None:
            raise _naming(e, path) from e
        raise
    _sync_directory(path.parent)
    return path


def _naming(error: OSError, path: Path) -> OSError:
    """``error`` naming ``path``: the caller never heard of the temporary file beside it."""
    return type(error)(error.errno, error.strerror, str(path))


def _sync_directory(folder: Path) -> None:
    try:
        fd = os.open(folder or ".", os.O_RDONLY)
    except OSError:  # not possible everywhere (Windows); the rename has happened all the same
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
