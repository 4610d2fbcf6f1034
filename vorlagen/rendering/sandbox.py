"""The Jinja environment every template runs in: sandboxed, autoescaping, strict.

The environment is made once per template and holds no house style and no render state:
filters and the ``finalize`` hook look up the :class:`Hooks` of the render in progress in
the render's own context, under a key no template can name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Final, Protocol

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

__all__ = ["HOOKS", "MAX_SEQUENCE", "Hooks", "make_environment"]

#: The context key of a render's hooks; not a Jinja identifier, so no template can reach it.
HOOKS: Final = "vorlagen:hooks"
MAX_SEQUENCE: Final = 1_000_000  # the longest string or list a template may build by * or **
_MAX_EXPONENT: Final = 100
_MAX_VERDICTS: Final = 4096


class Hooks(Protocol):
    """What one render gives its template: how values print and what the filters do."""

    def finalize(self, value: Any) -> Markup:
        """Format and escape a value a ``{{ ... }}`` tag prints."""

    def filter(self, name: str) -> Callable[[Any], Any]:
        """The filter called ``name``."""


class _Environment(ImmutableSandboxedEnvironment):
    """The sandbox, which also keeps pydantic's ``model_*`` API out of a template's reach.

    It bounds ``*`` and ``**`` as well: ``{{ 'x' * 10**9 }}`` would exhaust memory.
    """

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > _MAX_EXPONENT:
            msg = f"Potenz mit Exponent {right} ist in Vorlagen nicht erlaubt"
            raise jinja2.exceptions.SecurityError(msg)
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if (
                    isinstance(sequence, str | list | tuple)
                    and isinstance(count, int)
                    and len(sequence) * count > MAX_SEQUENCE
                ):
                    msg = f"Ergebnis länger als {MAX_SEQUENCE} Zeichen oder Einträge"
                    raise jinja2.exceptions.SecurityError(msg)
        return super().call_binop(context, operator, left, right)

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        # (type, attribute) -> verdict; bounded, and safe to share: a lost race only
        # means a verdict is computed twice
        self._verdicts: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # the sandbox's verdict depends on the type and the name only: ask once per pair
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = not attr.startswith("model_") and bool(
                super().is_safe_attribute(obj, attr, value)
            )
            if len(self._verdicts) < _MAX_VERDICTS:
                self._verdicts[key] = verdict
        return verdict


@jinja2.pass_context
def _finalize(context: jinja2.runtime.Context, value: Any) -> Markup:
    hooks: Hooks = context[HOOKS]
    return hooks.finalize(value)


def _filter(name: str) -> Callable[..., Any]:
    @jinja2.pass_context
    def call(context: jinja2.runtime.Context, value: Any) -> Any:
        hooks: Hooks = context[HOOKS]
        return hooks.filter(name)(value)

    return call


def make_environment(filters: Iterable[str]) -> jinja2.Environment:
    """A sandboxed, autoescaping environment in which an unknown name is an error.

    ``filters`` are the names of the filters the render's :class:`Hooks` provide.
    """
    env = _Environment(autoescape=True, undefined=jinja2.StrictUndefined, finalize=_finalize)
    env.filters.update({name: _filter(name) for name in filters})
    return env
