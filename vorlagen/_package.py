"""Writing the zip of a DOCX: parts that never change are compressed once, at load.

The archive written here is byte for byte what :mod:`zipfile` writes for the same entries
(``writestr`` with a fixed time, deflated, mode 0600): a test holds the two together.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Final

__all__ = ["Entry", "deflate", "write_zip", "zip_time"]

_VERSION: Final = 20  # zipfile's default "version needed" for deflated entries
_SYSTEM: Final = zipfile.ZipInfo("x").create_system
_EXTERNAL_ATTR: Final = 0o600 << 16
_UTF8_FLAG: Final = 0x800
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_EPOCH: Final = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Entry:
    """One compressed zip entry: its name, CRC, uncompressed size and raw deflate data."""

    name: str
    crc: int
    size: int
    data: bytes


def deflate(name: str, content: bytes) -> Entry:
    """Compress ``content`` as zipfile does (default level, raw deflate)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    data = compressor.compress(content) + compressor.flush()
    return Entry(name, zlib.crc32(content), len(content), data)


def zip_time(stamp: date | None) -> tuple[int, int, int, int, int, int]:
    """The entry time for a paper's date: midnight of that day, or 1980-01-01 before then."""
    if stamp is None or stamp.year < 1980:
        return _EPOCH
    return (stamp.year, stamp.month, stamp.day, 0, 0, 0)


def write_zip(entries: Iterable[Entry], when: tuple[int, int, int, int, int, int]) -> bytes:
    """A zip archive of ``entries`` in the given order, every entry dated ``when``."""
    dosdate = (when[0] - 1980) << 9 | when[1] << 5 | when[2]
    dostime = when[3] << 11 | when[4] << 5 | (when[5] // 2)
    out = bytearray()
    central = bytearray()
    count = 0
    for entry in entries:
        try:
            name, flags = entry.name.encode("ascii"), 0
        except UnicodeEncodeError:
            name, flags = entry.name.encode("utf-8"), _UTF8_FLAG
        offset = len(out)
        out += _LOCAL.pack(
            b"PK\x03\x04", _VERSION, 0, flags, zipfile.ZIP_DEFLATED, dostime, dosdate,
            entry.crc, len(entry.data), entry.size, len(name), 0,
        )  # fmt: skip
        out += name
        out += entry.data
        central += _CENTRAL.pack(
            b"PK\x01\x02", _VERSION, _SYSTEM, _VERSION, 0, flags, zipfile.ZIP_DEFLATED,
            dostime, dosdate, entry.crc, len(entry.data), entry.size, len(name), 0, 0, 0, 0,
            _EXTERNAL_ATTR, offset,
        )  # fmt: skip
        central += name
        count += 1
    start = len(out)
    out += central
    out += _END.pack(b"PK\x05\x06", 0, 0, count, count, len(central), start, 0)
    return bytes(out)
