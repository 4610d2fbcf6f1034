"""Images for tests: small PNG files drawn with Pillow."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw


def png(width: int = 150, height: int = 100) -> bytes:
    """A PNG of a plan: a grey building on green ground, so that its aspect ratio shows."""
    image = Image.new("RGB", (width, height), "#7FB069")
    ImageDraw.Draw(image).rectangle(
        (width // 5, height // 4, width * 3 // 5, height * 3 // 4), fill="#6B7280"
    )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
