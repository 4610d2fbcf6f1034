"""Template checks: tags read from the XML, names resolved against the model, problems.

The modules, in the order a part is read:

- ``scan``: paragraphs and their tags out of the XML, each with its place;
- ``types``: what a name or attribute resolves to against the pydantic model;
- ``scope``: the names a tag can see (context, ``set``, loop variables);
- ``expressions``: the Jinja of one tag parsed, each expression node checked by its type;
- ``statements``: ``{% ... %}`` by keyword, blocks opened and closed;
- ``checks``: the checks of one part, tag by tag, and ``check_parts`` over all parts.
"""

from __future__ import annotations

from vorlagen.checker.checks import check_parts
from vorlagen.checker.types import TagTypes

__all__ = ["TagTypes", "check_parts"]
