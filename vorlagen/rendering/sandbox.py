"""The Jinja environment every template runs in: sandboxed, autoescaping, strict.

The environment is made once per template and holds no house style and no render state:
filters and the ``finalize`` hook look up the :class:`Hooks` of the render in progress in
the render's own context, under a key no template can name.
"""

from __future__ import annotations

import functools
import re
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

    It bounds what a template can make large as well: ``{{ 'x' * 10**9 }}``, a width such
    as ``'x'.ljust(10**9)``, ``'%0999999999d' % 1`` or ``x|center(10**9)`` would exhaust
    memory. Numbers, repetitions and widths beyond :data:`MAX_SEQUENCE` are refused.
    """

    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > _MAX_EXPONENT:
            msg = f"Potenz mit Exponent {right} ist in Vorlagen nicht erlaubt"
            raise jinja2.exceptions.SecurityError(msg)
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, str | list | tuple) and isinstance(count, int):
                    _bounded(len(sequence) * count)
        if operator == "%" and isinstance(left, str):
            _bounded_spec(left)
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        # str.format and format_map, which the sandbox wraps when they are looked up
        wrapped: Callable[..., str] | None = super().wrap_str_format(value)
        if wrapped is not None:
            _bounded_spec(value.__self__)
        return wrapped

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        # a method of a string called with a width (ljust, center, zfill, format, ...)
        if isinstance(getattr(__obj, "__self__", None), str):
            for value in (*args, *kwargs.values()):
                if isinstance(value, int):
                    _bounded(value)
            _bounded_spec(__obj.__self__)
        return super().call(__context, __obj, *args, **kwargs)

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


_WIDTH = re.compile(r"\d{7,}")  # a number of seven digits or more in a format


def _bounded(size: int) -> None:
    if size > MAX_SEQUENCE:
        msg = f"Ergebnis länger als {MAX_SEQUENCE} Zeichen oder Einträge"
        raise jinja2.exceptions.SecurityError(msg)


def _bounded_spec(text: str) -> None:
    """Refuse a format (``%`` or ``{}``) whose width or precision could exhaust memory."""
    if ("%" in text or "{" in text) and _WIDTH.search(text):
        for match in _WIDTH.finditer(text):
            _bounded(int(match.group()))


def _bounded_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter of Jinja's whose width or format argument is bounded like the operators."""

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool):
                _bounded(value)
            elif isinstance(value, str):
                _bounded_spec(value)
        return function(*args, **kwargs)

    return call


_WIDTH_FILTERS: Final = ("center", "format", "indent", "truncate", "wordwrap")


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
    env.filters.update({name: _bounded_filter(env.filters[name]) for name in _WIDTH_FILTERS})
    env.filters.update({name: _filter(name) for name in filters})
    return env
