"""Hypothesis strategies for council papers (every Vorlagenart) and meetings.

:func:`papers` builds a paper as the JSON an integrator sends (a dict) and validates it with
:class:`vorlagen.Sitzungsvorlage`. Generation follows the model's rules (the Beratungsfolge
in date order with at most one Entscheidung, last; a Beschlussvorschlag where the
Vorlagenart needs one; a reason for a non-public paper; an explanation for a "ja"
Klimarelevanz), so that almost every dict is valid; the few that break a rule the strategy
does not know are rejected.

:func:`sitzung_data` builds a meeting as JSON data that keeps the rules a JSON Schema cannot
say (public items first, dates in order, papers valid on their own) and mixes freely what
it can (reasons, versions, papers public or not under items public or not), so that some
meetings are valid and some are not.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st
from pydantic import ValidationError

import vorlagen

__all__ = ["inhalt", "paper_data", "papers", "sitzung_data", "text", "zeile"]

Data = dict[str, Any]

# Words as offices write them, and text a template must print exactly as typed.
_WORDS = (
    "Kreistag", "Ausschuss", "Straßenbau", "Größe", "Übergang", "Schule", "Haushalt",
    "A & B", "<b>fett</b>", "{{ vorlage }}", "{% if x %}", "{_{", "„zitiert“", '"Anführung"',
    "100 %", "§ 26", "1.500,00", "–", "e-mail", "ÄÖÜ", "ß", "Maßnahme", "x",
)  # fmt: skip
_FREE = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")),
    min_size=1,
    max_size=12,
)
_WORD = st.one_of(st.sampled_from(_WORDS), _FREE)


@cache
def zeile(max_words: int = 5) -> st.SearchStrategy[str]:
    """One line of text, never blank."""
    return (
        st.lists(_WORD, min_size=1, max_size=max_words)
        .map(" ".join)
        .filter(lambda line: bool(line.strip()))
    )


@cache
def text() -> st.SearchStrategy[str]:
    """Text of one to three lines."""
    return st.lists(zeile(), min_size=1, max_size=3).map("\n".join)


_DATES = st.dates(date(2000, 1, 1), date(2090, 12, 31))
_CENTS = st.integers(-(10**11) + 1, 10**11 - 1)


@cache
def _betrag() -> st.SearchStrategy[str]:
    """An amount as the JSON gives it: a string with a decimal point, up to a billion."""
    return _CENTS.map(lambda cents: str(Decimal(cents).scaleb(-2)))


@cache
def _angabe() -> st.SearchStrategy[int | str]:
    return st.one_of(st.integers(1, 999), st.sampled_from(["1a", "26", "3b"]))


@cache
def _norm() -> st.SearchStrategy[Data]:
    return st.fixed_dictionaries(
        {
            "typ": st.just("norm"),
            "gesetz": st.sampled_from(["KrO NRW", "GO NRW", "SGB VIII", "BauGB", "A & B"]),
            "paragraf": st.one_of(_angabe(), st.lists(_angabe(), min_size=1, max_size=3)),
        },
        optional={
            "absatz": _angabe(),
            "satz": st.integers(1, 9),
            "nummer": st.integers(1, 20),
            "buchstabe": st.sampled_from(["a", "b", "c"]),
        },
    )


@cache
def _erlass() -> st.SearchStrategy[Data]:
    return st.fixed_dictionaries(
        {
            "typ": st.just("erlass"),
            "stellen": st.lists(st.sampled_from(["MSW", "MAIS", "MHKBD"]), min_size=1, max_size=3),
            "datum": _DATES,
        },
        optional={
            "art": st.sampled_from(["RdErl.", "Erl.", "Bek."]),
            "geaendert": st.lists(_DATES, max_size=2),
            "aktenzeichen": zeile(2),
        },
    )


@cache
def _vorschrift() -> st.SearchStrategy[Data]:
    freitext = st.fixed_dictionaries({"typ": st.just("freitext"), "text": text()})
    return st.one_of(_norm(), _erlass(), freitext)


# -- rich content --------------------------------------------------------------------------


@cache
def _inline() -> st.SearchStrategy[Any]:
    """A piece of running text: mostly words, sometimes a typed value or a format."""
    return st.one_of(
        zeile(),
        zeile(),
        st.fixed_dictionaries({"typ": st.just("betrag"), "wert": _betrag()}),
        st.fixed_dictionaries(
            {"typ": st.just("datum"), "wert": _DATES},
            optional={"stil": st.sampled_from(["numerisch", "lang"])},
        ),
        st.fixed_dictionaries(
            {"typ": st.just("zahl"), "wert": st.decimals(-(10**6), 10**6, places=2)}
        ),
        _norm(),
        st.fixed_dictionaries({"typ": st.sampled_from(["fett", "kursiv"]), "text": zeile()}),
        st.fixed_dictionaries(
            {
                "typ": st.just("link"),
                "text": zeile(2),
                "ziel": st.sampled_from(["https://example.org/a?b=1&c=2", "mailto:a@b.de"]),
            }
        ),
        st.fixed_dictionaries({"typ": st.just("code"), "text": zeile(2)}),
    )


@cache
def _lauftext() -> st.SearchStrategy[Any]:
    """Running text: a string, or a list of pieces that starts with words."""
    pieces = st.tuples(zeile(), st.lists(_inline(), max_size=3)).map(lambda t: [t[0], *t[1]])
    return st.one_of(zeile(8), pieces)


@cache
def _liste(depth: int = 1) -> st.SearchStrategy[Data]:
    entry: st.SearchStrategy[Any] = _lauftext()
    if depth < 3:
        entry = st.one_of(
            _lauftext(),
            _lauftext(),
            st.fixed_dictionaries(
                {"text": _lauftext(), "liste": st.deferred(lambda: _liste(depth + 1))}
            ),
        )
    return st.fixed_dictionaries(
        {"typ": st.just("liste"), "eintraege": st.lists(entry, min_size=1, max_size=4)},
        optional={"nummeriert": st.booleans()},
    )


@st.composite
def _tabelle(draw: st.DrawFn) -> Data:
    columns = draw(st.integers(1, 4))
    row = st.lists(_lauftext(), min_size=columns, max_size=columns)
    table: Data = {"typ": "tabelle", "kopf": draw(row), "zeilen": draw(st.lists(row, max_size=4))}
    if draw(st.booleans()):
        alignment = st.sampled_from([None, "links", "zentriert", "rechts"])
        table["ausrichtung"] = draw(st.lists(alignment, min_size=columns, max_size=columns))
    return table


@cache
def _block() -> st.SearchStrategy[Data]:
    return st.one_of(
        st.fixed_dictionaries({"typ": st.just("absatz"), "text": _lauftext()}),
        st.fixed_dictionaries({"typ": st.just("absatz"), "text": _lauftext()}),
        st.fixed_dictionaries(
            {"typ": st.just("ueberschrift"), "text": zeile(3)},
            optional={"ebene": st.integers(1, 3)},
        ),
        _liste(),
        _tabelle(),
        st.fixed_dictionaries({"typ": st.just("zitat"), "text": _lauftext()}),
    )


@cache
def _markdown() -> st.SearchStrategy[Data]:
    words = st.lists(
        st.sampled_from(["Kreis", "Schule", "Straße", "Haushalt", "Plan"]), min_size=1, max_size=4
    )
    line = words.map(" ".join)
    piece = st.one_of(
        line,
        st.tuples(st.sampled_from(["#", "##", "###"]), line).map(" ".join),
        st.lists(line.map("- {}".format), min_size=1, max_size=3).map("\n".join),
        st.lists(line.map("1. {}".format), min_size=1, max_size=3).map("\n".join),
        line.map("**{}**, und mehr".format),
    )
    return st.lists(piece, min_size=1, max_size=5).map(lambda p: {"markdown": "\n\n".join(p)})


@cache
def inhalt() -> st.SearchStrategy[Any]:
    """Rich content: plain text (blank lines between paragraphs), blocks or Markdown."""
    plain = st.lists(text(), min_size=1, max_size=3).map("\n\n".join)
    return st.one_of(plain, st.lists(_block(), min_size=1, max_size=5), _markdown())


# -- the paper -------------------------------------------------------------------------------

# Papers for information only may come without a Beschlussvorschlag.
_INFORMATION = frozenset(
    {"Anfrage", "Mitteilungsvorlage", "Berichtsvorlage", "Beantwortung einer Anfrage"}
)
_ARTEN = tuple(art.value for art in vorlagen.Vorlagenart)
_NOT_DECIDING = ("Vorberatung", "Kenntnisnahme", "Anhörung", "Genehmigung")
_GREMIEN = ("Kreistag", "Kreisausschuss", "Schulausschuss", "Rat der Stadt", "Bezirksvertretung 1")


@st.composite
def _beratungsfolge(draw: st.DrawFn, art: str, oeffentlich: bool) -> list[Data]:
    """Beratungen in date order; an Entscheidung only last, where the Vorlagenart allows one."""
    count = draw(st.integers(1, 4))
    start = draw(st.dates(date(2000, 1, 1), date(2080, 1, 1)))
    gaps = draw(st.lists(st.integers(0, 60), min_size=count, max_size=count))
    folge: list[Data] = []
    day = start
    for number, gap in enumerate(gaps, start=1):
        day += timedelta(days=gap)
        last = number == count
        if art == "Beschlussvorlage" and last:
            role = "Entscheidung"
        elif art != "Mitteilungsvorlage" and last:
            role = draw(st.sampled_from(("Entscheidung", *_NOT_DECIDING)))
        else:
            role = draw(st.sampled_from(_NOT_DECIDING))
        beratung: Data = {
            "gremium": draw(st.sampled_from(_GREMIEN)),
            "sitzungsdatum": day.isoformat(),
            "zustaendigkeit": role,
        }
        # a Beratung of a non-public paper is non-public: unset or stated so
        choice = draw(st.sampled_from([None, False] if not oeffentlich else [None, True, False]))
        if choice is not None:
            beratung["oeffentlich"] = choice
        folge.append(beratung)
    return folge


@cache
def _sachbearbeitung() -> st.SearchStrategy[Data]:
    email = st.tuples(
        st.sampled_from(["j.brueckner", "info", "a-b"]),
        st.sampled_from(["kreis-lindenau.de", "stadt.example"]),
    ).map("@".join)
    return st.fixed_dictionaries(
        {"name": zeile(3)},
        optional={"telefon": st.sampled_from(["02861 82-1234", "+49 2861 1", "0"]), "email": email},
    )


@cache
def _finanzen() -> st.SearchStrategy[Data | None]:
    position = st.fixed_dictionaries(
        {"haushaltsjahr": st.integers(1990, 2100), "bezeichnung": zeile(4), "betrag": _betrag()},
        optional={
            "produkt": st.sampled_from(["03.01", "01.02.03", "12"]),
            "veranschlagung": st.sampled_from(["planmäßig", "überplanmäßig", "außerplanmäßig"]),
        },
    )
    stated = st.fixed_dictionaries(
        {}, optional={"positionen": st.lists(position, max_size=4), "erlaeuterung": inhalt()}
    )
    options: list[st.SearchStrategy[Data | None]] = [st.none(), stated]
    if "beziffert" in vorlagen.FinanzielleAuswirkungen.model_fields:
        # costs not yet worked out: no positions, an explanation why
        options.append(
            st.fixed_dictionaries({"beziffert": st.just(False), "erlaeuterung": inhalt()})
        )
    return st.one_of(options)


@cache
def _klimarelevanz() -> st.SearchStrategy[Data]:
    ja = st.fixed_dictionaries(
        {"bewertung": st.sampled_from(["ja, positiv", "ja, negativ"]), "erlaeuterung": text()}
    )
    nein = st.fixed_dictionaries(
        {"bewertung": st.sampled_from(["nein", "nicht einschätzbar"])},
        optional={"erlaeuterung": text()},
    )
    return st.one_of(ja, nein)


@cache
def _unterzeichnung() -> st.SearchStrategy[Data]:
    return st.fixed_dictionaries(
        {
            "funktion": st.sampled_from(["Landrat", "Kreisdirektorin", "Bürgermeister"]),
            "name": zeile(3),
        },
        optional={"vertretung": st.sampled_from(["In Vertretung", "Im Auftrag"])},
    )


@st.composite
def paper_data(draw: st.DrawFn) -> Data:
    """A paper as JSON data, following the model's rules."""
    art = draw(st.sampled_from(_ARTEN))
    oeffentlich = draw(st.booleans())
    data: Data = {
        "art": art,
        "nummer": draw(st.sampled_from(["0001/2026", "0187/2026-1", "V/12/2030"])),
        "datum": draw(_DATES).isoformat(),
        "betreff": draw(zeile(10)),
        "koerperschaft": draw(st.sampled_from(["Kreis Lindenau", "Stadt Auenbach", "A & B"])),
        "federfuehrung": draw(zeile(4)),
        "beratungsfolge": draw(_beratungsfolge(art, oeffentlich)),
        "sachdarstellung": draw(inhalt()),
    }
    if not oeffentlich:
        data["oeffentlich"] = False
        data["nichtoeffentlich_grund"] = draw(text())
    elif draw(st.booleans()):
        data["oeffentlich"] = True
    if art not in _INFORMATION or draw(st.booleans()):
        data["beschlussvorschlag"] = draw(inhalt())
    optional: dict[str, st.SearchStrategy[Any]] = {
        "aktenzeichen": zeile(2),
        "sachbearbeitung": _sachbearbeitung(),
        "rechtsgrundlage": st.lists(_vorschrift(), max_size=3),
        "finanzielle_auswirkungen": _finanzen(),
        "klimarelevanz": _klimarelevanz(),
        "anlagen": st.lists(st.fixed_dictionaries({"titel": zeile(4)}), max_size=3),
        "unterzeichnung": _unterzeichnung(),
    }
    for name, strategy in optional.items():
        if draw(st.booleans()):
            data[name] = draw(strategy)
    return data


@st.composite
def papers(draw: st.DrawFn) -> vorlagen.Sitzungsvorlage:
    """A valid paper (a dict that breaks a rule the strategy does not know is rejected)."""
    data = draw(paper_data())
    try:
        return vorlagen.Sitzungsvorlage.model_validate(data)
    except ValidationError:
        assume(False)
        raise  # not reached: assume(False) rejects the example


@st.composite
def _tagesordnungs_vorlage(draw: st.DrawFn) -> Data:
    """A paper that is valid on its own, as given in a meeting: intern, or its public version."""
    data = draw(paper_data())
    try:
        vorlage = vorlagen.Sitzungsvorlage.model_validate(data)
    except ValidationError:
        assume(False)
        raise  # not reached: assume(False) rejects the example
    if vorlage.oeffentlich and draw(st.booleans()):
        return vorlage.oeffentliche_fassung(draw(st.booleans())).model_dump(mode="json")
    return data


def _unterpunkt() -> st.SearchStrategy[Data]:
    return st.fixed_dictionaries(
        {"titel": zeile(6)},
        optional={"vorlage": _tagesordnungs_vorlage(), "erlaeuterung": inhalt()},
    )


@st.composite
def _top(draw: st.DrawFn, oeffentlich: bool) -> Data:
    """An item in the public or the non-public part, with or without what that part needs."""
    top: Data = {"titel": draw(zeile(8))}
    if not oeffentlich:
        top["oeffentlich"] = False
        if draw(st.booleans()):
            top["nichtoeffentlich_grund"] = draw(text())
    if draw(st.booleans()):
        top["vorlage"] = draw(_tagesordnungs_vorlage())
        if oeffentlich and top["vorlage"].get("oeffentlich") is False:
            top["oeffentlich"] = True  # else the item turns non-public among public ones
    elif oeffentlich and draw(st.booleans()):
        top["oeffentlich"] = True
    optional: dict[str, st.SearchStrategy[Any]] = {
        "erlaeuterung": inhalt(),
        "unterpunkte": st.lists(_unterpunkt(), max_size=2),
        "nachtrag": _DATES.map(date.isoformat),
        "dringlich": st.booleans(),
    }
    for name, strategy in optional.items():
        if draw(st.integers(0, 3)) == 0:
            top[name] = draw(strategy)
    return top


@st.composite
def sitzung_data(draw: st.DrawFn) -> Data:
    """A meeting as JSON data: valid or not by what a JSON Schema can say (see above)."""
    beginn = draw(st.datetimes(datetime(2000, 1, 1), datetime(2090, 12, 31))).replace(
        second=0, microsecond=0
    )
    oeffentliche = draw(st.lists(_top(oeffentlich=True), max_size=3))
    nichtoeffentliche = draw(st.lists(_top(oeffentlich=False), max_size=3))
    data: Data = {
        "koerperschaft": draw(st.sampled_from(["Kreis Lindenau", "Stadt Auenbach", "A & B"])),
        "gremium": draw(st.sampled_from(_GREMIEN)),
        "nummer": draw(st.integers(1, 300)),
        "beginn": beginn.isoformat(timespec="minutes"),
        "ort": draw(zeile(6)),
        "einladungsdatum": (beginn.date() - timedelta(days=draw(st.integers(0, 40)))).isoformat(),
        "vorsitz": {"funktion": draw(zeile(2)), "name": draw(zeile(3))},
        "tagesordnung": oeffentliche + nichtoeffentliche,
    }
    optional: dict[str, st.SearchStrategy[Any]] = {
        "fassung": st.sampled_from(["intern", "oeffentlich"]),
        "ende": st.integers(1, 600).map(
            lambda minuten: (beginn + timedelta(minutes=minuten)).isoformat(timespec="minutes")
        ),
        "raum": zeile(3),
        "gremium_genitiv": zeile(3),
        "dringlich": st.booleans(),
        "nichtoeffentlicher_teil_folgt": st.booleans(),
    }
    for name, strategy in optional.items():
        if draw(st.booleans()):
            data[name] = draw(strategy)
    return data
