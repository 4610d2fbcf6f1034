"""The names a tag can see: the context, names set before it, the blocks open around it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from vorlagen.checker.scan import Tag
from vorlagen.checker.types import Kinds, kinds_of

__all__ = ["Block", "Scope"]


@dataclass
class Block:
    """An ``if`` or ``for`` block opened by ``tag``, with the names its loop binds."""

    keyword: str
    tag: Tag
    names: dict[str, Kinds] = field(default_factory=dict)


class Scope:
    """The names in scope while a part is read tag by tag, innermost first."""

    def __init__(self, context: Mapping[str, Any]) -> None:
        self.context = context
        self.blocks: list[Block] = []
        self.assigned: dict[str, Kinds] = {}

    def lookup(self, name: str) -> Kinds | None:
        """The kinds of ``name``, or None if no block, ``set`` or the context has it."""
        for block in reversed(self.blocks):
            if name in block.names:
                return block.names[name]
        if name in self.assigned:
            return self.assigned[name]
        if name in self.context:
            return kinds_of(self.context[name])
        return None

    def known(self) -> list[str]:
        """The names of the context and of the open blocks, sorted, to list in a message."""
        return sorted({*self.context, *(name for b in self.blocks for name in b.names)})
