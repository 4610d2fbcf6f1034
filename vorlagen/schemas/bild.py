"""Bild: an image (PNG or JPEG) with its alternative text and an optional caption."""

from __future__ import annotations

import base64
import binascii
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_serializer,
    model_validator,
)
from pydantic_core import PydanticCustomError

from vorlagen.schemas._base import Modell
from vorlagen.schemas.regeln_schema import bild_regeln
from vorlagen.schemas.text import Zeile

__all__ = ["BASIS", "MAX_BILD_BYTES", "Bild", "bild_lesen", "datei_lesen"]

#: The key of the validation context that names the directory image paths are relative to.
BASIS = "basis"
MAX_BILD_BYTES = 20 * 1024 * 1024
_FORMATS = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}


def datei_lesen(pfad: str, basis: str | Path | None, was: str, max_bytes: int) -> Path:
    """The file ``pfad`` relative to ``basis``, checked: inside it, no larger than ``max_bytes``.

    ``was`` names the file in messages ("Bild", "Vorlage"); errors are pydantic's, typed
    ``{was}_basis``, ``_pfad``, ``_groesse`` and ``_datei`` in lower case.
    """
    typ = was.lower()
    if basis is None:
        raise _fehler(
            typ,
            "basis",
            "{was} „{pfad}“: ein Pfad braucht ein Basisverzeichnis "
            "(model_validate(..., context={kontext}) oder die Datei, die sie nennt)",
            {"was": was, "pfad": pfad, "kontext": "{'basis': verzeichnis}"},
        )
    root = Path(basis).resolve()
    target = (root / pfad).resolve()
    if not target.is_relative_to(root):
        raise _fehler(
            typ,
            "pfad",
            "{was} „{pfad}“ liegt außerhalb des Basisverzeichnisses {basis}",
            {"was": was, "pfad": pfad, "basis": str(root)},
        )
    try:
        size = target.stat().st_size
    except OSError as e:
        raise _fehler(
            typ,
            "datei",
            "{was} „{pfad}“ nicht lesbar: {grund}",
            {"was": was, "pfad": pfad, "grund": e.strerror},
        ) from e
    if size > max_bytes:
        raise _fehler(
            typ,
            "groesse",
            "{was} „{pfad}“ ist größer als {mb} MB",
            {"was": was, "pfad": pfad, "mb": max_bytes // 2**20},
        )
    return target


def _fehler(typ: str, art: str, message: str, context: dict[str, Any]) -> PydanticCustomError:
    return PydanticCustomError(f"{typ}_{art}", message, context)


def bild_lesen(pfad: str, basis: str | Path | None) -> bytes:
    """Read an image file ``pfad`` relative to ``basis``; never from outside ``basis``."""
    target = datei_lesen(pfad, basis, "Bild", MAX_BILD_BYTES)
    try:
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

    model_config = ConfigDict(json_schema_extra=bild_regeln)

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
            # once read, the image is its bytes: the model is what it carries, wherever it goes
            gelesen = {k: v for k, v in value.items() if k != "pfad"}
            return {**gelesen, "daten": bild_lesen(str(value["pfad"]), basis)}
        return value

    @property
    def format(self) -> str:
        """``"png"`` or ``"jpeg"``."""
        return next(fmt for magic, fmt in _FORMATS.items() if self.daten.startswith(magic))

    @field_serializer("daten", when_used="json")
    def _base64(self, daten: bytes) -> str:
        return base64.b64encode(daten).decode("ascii")
