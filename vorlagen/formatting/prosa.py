"""German typography for prose: quotes „…“ and ‚…‘, no-break spaces, dashes, minus signs."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["typografie", "typografie_teile"]

_OPENING_CONTEXT = frozenset(" \t\n\xa0([{„‚–—-/")
_MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
_UNITS = (
    "€|EUR|%|‰|km|km²|m|m²|m³|cm|mm|ha|kg|g|t|l|Mio\\.|Mrd\\.|Tsd\\.|Std\\.|Min\\.|h|°C|"
    "kWh|MWh|GWh|kW|MW|Euro|Prozent"
)


def _after(*words: str) -> str:
    """A lookbehind for any of ``words`` (each alternative has a fixed width, as re needs)."""
    return "(?:" + "|".join(f"(?<={word})" for word in words) + ")"


_ABBREVIATIONS = ("Abs", "Nr", "Art", "Ziff", "Buchst", "lit", "Kap", "Bd", "Anl", "S")
_LETTER = "[A-Za-zÄÖÜäöü]"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# Every rule changes one character, its context checked by lookarounds only, so all rules
# of a kind run as one regex with a constant replacement. Each regex starts with the
# character it changes, so that the search skips straight from one candidate to the next.
_NO_BREAK = re.compile(
    " (?:"
    + "|".join(
        [
            r"(?<=§ )(?=\d)",  # § 26, §§ 25, 26
            _after(*(rf"\b{a}\. " for a in _ABBREVIATIONS)) + r"(?=\d|[a-z]\b)",  # Abs. 1
            _after(r"\bSatz ", r"\bAnlage ", r"\bSeite ") + r"(?=\d)",  # Satz 2
            rf"(?<=\b{_LETTER}\. )(?={_LETTER}\.)",  # z. B., i. V. m.
            rf"(?<=\d )(?=(?:{_UNITS})(?![\w²³]))",  # 5 €, 10 %
            _after(r"\b\d\. ", r"\b\d\d\. ") + rf"(?=(?:{_MONTHS})\b)",  # 1. Mai
        ]
    )
    + ")"
)
# Mai 2016: twelve lookbehinds at every space would cost more than the rest together, so
# the month is found first and the space after it changed
_MONTH_YEAR = re.compile(rf"\b({_MONTHS}) (?={_YEAR}\b)")
_DASH = re.compile(
    rf"-(?:(?<=\b1[89]\d\d-)|(?<=\b20\d\d-))(?={_YEAR}\b)"  # 2016–2018
    r"|-(?<=\s-)(?=\s)"  # a hyphen between spaces: a dash
)
# a hyphen before a number, not after a letter or digit (-5 €, not 82-1234): a minus sign
_MINUS = re.compile(r"-(?<![^\s(\xa0]-)(?=\d)")


_QUOTE = re.compile("[\"']")
# 's, 'n, 'ne: a letter left out ("geht's", "so 'ne Sache"), written with an apostrophe
_ELISION = re.compile(r"(s|n|ne|nen|nem|nes)\b")


def typografie(text: str) -> str:
    r"""German typography for prose: quotes „…“ and ‚…‘, no-break spaces, dashes.

    Straight quotes become German ones; an apostrophe becomes ’. A no-break space binds
    ``§``, ``Abs.``, ``Nr.``, ``Satz`` and the like to their number, holds ``z. B.`` or
    ``i. V. m.`` together, a number to its unit or currency, and a date's day, month and
    year; a year range gets an en dash, and so does a hyphen standing alone between spaces; a
    hyphen before a number that follows no letter or digit is a minus sign (``−5 €``). Only
    those characters change, one for one, and applying it twice changes nothing more.

    >>> typografie('Der "Kreistag" beschließt gem. § 26 Abs. 1 KrO, z. B. für 2016-2018 - ok')
    'Der „Kreistag“ beschließt gem. § 26 Abs. 1 KrO, z. B. für 2016–2018 – ok'
    >>> typografie("Es kostet 5 € bzw. 10 % mehr, sagt 's Amt: 'so' geht's")
    'Es kostet 5 € bzw. 10 % mehr, sagt ’s Amt: ‚so‘ geht’s'
    >>> typografie("am 14. Dezember 2023: -5 €, Tel. 82-1234").replace("\xa0", "_")
    'am 14._Dezember_2023: −5_€, Tel. 82-1234'
    """
    return typografie_teile([(text, True)])[0]


def typografie_teile(teile: Sequence[tuple[str, bool]]) -> list[str]:
    """Typography over the pieces of one paragraph; pieces marked False stay as they are.

    Quotes are decided across pieces (``"`` before a bold word opens), so a paragraph is
    handled as a whole, while code, links and formatted values are left untouched.
    """
    out: list[str] = []
    previous: str | None = None
    single_open = False
    for text, apply in teile:
        if not apply:
            out.append(text)
            previous = text[-1] if text else previous
            continue
        if '"' not in text and "'" not in text:
            previous = text[-1] if text else previous
            out.append(_apply_rules(text))
            continue
        chars = list(text)
        for match in _QUOTE.finditer(text):
            i = match.start()
            before = chars[i - 1] if i else previous
            chars[i] = _german_quote(match.group(), before, text[i + 1 : i + 5], single_open)
            if chars[i] in ("‚", "‘"):
                single_open = chars[i] == "‚"
        previous = chars[-1] if chars else previous
        out.append(_apply_rules("".join(chars)))
    return out


def _german_quote(mark: str, before: str | None, rest: str, single_open: bool) -> str:
    """The German quote that the straight quote ``mark`` becomes.

    A double quote opens after a space, an opening bracket or a dash, and closes elsewhere.
    A single quote opens only before a letter or digit that does not begin an elision
    (``'s``, ``'ne``), closes an open one before anything else, and is an apostrophe ’
    otherwise.

    Args:
        mark: ``"`` or ``'``.
        before: the character before it (already converted), None at a paragraph's start.
        rest: the next few characters after it.
        single_open: whether a single quote ‚ is open and waits for its ‘.

    >>> _german_quote('"', None, "ja", False), _german_quote('"', "a", ".", False)
    ('„', '“')
    >>> [_german_quote("'", " ", "so' ", False), _german_quote("'", "o", " und", True)]
    ['‚', '‘']
    >>> _german_quote("'", "t", "s ni", False), _german_quote("'", " ", "s Am", False)
    ('’', '’')
    """
    opening = before is None or before in _OPENING_CONTEXT
    if mark == '"':
        return "„" if opening else "“"
    if opening and rest[:1].isalnum() and not _ELISION.match(rest):
        return "‚"
    if single_open and not rest[:1].isalnum():
        return "‘"
    return "’"


def _apply_rules(text: str) -> str:
    if " " in text:
        text = _NO_BREAK.sub("\xa0", text)
        text = _MONTH_YEAR.sub("\\1\xa0", text)
    if "-" in text:
        text = _MINUS.sub("\u2212", _DASH.sub("–", text))
    return text
