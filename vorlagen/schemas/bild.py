"""Bild: an image (PNG or JPEG) with its alternative text and an optional caption."""

from __future__ import annotations

import base64
import binascii
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    ValidationInfo,
    field_serializer,
    model_validator,
)
from pydantic_core import PydanticCustomError

from vorlagen.schemas._base import Modell
from vorlagen.schemas.text import Zeile

__all__ = ["BASIS", "MAX_BILD_BYTES", "Bild", "bild_lesen"]

#: The key of the validation context that names the directory image paths are relative to.
BASIS = "basis"
MAX_BILD_BYTES = 20 * 1024 * 1024
_FORMATS = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}


def bild_lesen(pfad: str, basis: str | Path | None) -> bytes:
    """Read an image file ``pfad`` relative to ``basis``; never from outside ``basis``."""
    if basis is None:
        raise PydanticCustomError(
            "bild_basis",
            "Bild „{pfad}“: Bildpfade brauchen ein Basisverzeichnis "
            "(model_validate(..., context={{'basis': verzeichnis}}) oder die Datei der Vorlage)",
            {"pfad": pfad},
        )
    root = Path(basis).resolve()
    target = (root / pfad).resolve()
    if not target.is_relative_to(root):
        raise PydanticCustomError(
            "bild_pfad",
            "Bild „{pfad}“ liegt außerhalb des Basisverzeichnisses {basis}",
            {"pfad": pfad, "basis": str(root)},
        )
    try:
        if target.stat().st_size > MAX_BILD_BYTES:
            raise PydanticCustomError(
                "bild_groesse",
                "Bild „{pfad}“ ist größer als {mb} MB",
                {"pfad": pfad, "mb": MAX_BILD_BYTES // 2**20},
            )
        return target.read_bytes()
    except OSError as e:
        raise PydanticCustomError(
            "bild_datei", "Bild „{pfad}“ nicht lesbar: {grund}", {"pfad": pfad, "grund": e.strerror}
        ) from e


def _image_bytes(value: Any) -> bytes:
    if isinstance(value, str):
        try:
            value = base64.b64decode(value, validate=True)
        except binascii.Error as e:
            raise PydanticCustomError(
                "bild_base64", "Bilddaten als Base64-Text erwartet", {}
            ) from e
    if not isinstance(value, bytes | bytearray):
        raise PydanticCustomError("bild_daten", "Bilddaten (bytes oder Base64) erwartet", {})
    data = bytes(value)
    if len(data) > MAX_BILD_BYTES:
        raise PydanticCustomError(
            "bild_groesse", "Bild ist größer als {mb} MB", {"mb": MAX_BILD_BYTES // 2**20}
        )
    if not any(data.startswith(magic) for magic in _FORMATS):
        raise PydanticCustomError("bild_format", "nur PNG- und JPEG-Bilder werden unterstützt", {})
    return data


class Bild(Modell):
    """An image with the alternative text that screen readers read out, and a caption.

    Give the image as ``daten`` (bytes; in JSON Base64) or as ``pfad``, a file relative to the
    directory named in the validation context (``context={"basis": ...}``).
    """

    typ: Literal["bild"] = "bild"
    daten: Annotated[
        bytes,
        BeforeValidator(_image_bytes),
        Field(json_schema_extra={"contentEncoding": "base64"}),
    ]
    alt: Zeile = Field(description="Alternativtext: was das Bild zeigt")
    beschriftung: Zeile | None = Field(default=None, description="Bildunterschrift")
    pfad: str | None = Field(default=None, exclude=True, description="Bilddatei (statt daten)")

    @model_validator(mode="before")
    @classmethod
    def _aus_datei(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, dict) and value.get("pfad") and "daten" not in value:
            basis = (info.context or {}).get(BASIS)
            return {**value, "daten": bild_lesen(str(value["pfad"]), basis)}
        return value

    @property
    def format(self) -> str:
        """``"png"`` or ``"jpeg"``."""
        return next(fmt for magic, fmt in _FORMATS.items() if self.daten.startswith(magic))

    @field_serializer("daten", when_used="json")
    def _base64(self, daten: bytes) -> str:
        return base64.b64encode(daten).decode("ascii")
