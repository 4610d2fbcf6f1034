"""Names a package exports but imports on first use, so that ``import vorlagen`` stays fast."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Mapping
from typing import Any

__all__ = ["attribute"]


def attribute(package: str, modules: Mapping[str, str], name: str) -> Any:
    """``package.name``, imported from the module ``modules`` names for it and kept there.

    Called from a package's ``__getattr__``; a name ``modules`` does not know is an
    ``AttributeError``, as for any module.
    """
    module = modules.get(name)
    if module is None:
        msg = f"module {package!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    setattr(sys.modules[package], name, value)
    return value
