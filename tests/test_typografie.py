"""German typography in prose: examples, and properties checked on generated text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlagen.formatting import typografie, typografie_teile

# each character typography may change, and what it may become
ALLOWED = {" ": {"\xa0"}, '"': {"„", "“"}, "'": {"‚", "‘", "’"}, "-": {"–", "\u2212"}}

# text made of the pieces typography looks at, so that its rules actually fire
PIECES = st.sampled_from(
    [" ", '"', "'", "-", " - ", "§", "§§ ", "Abs. ", "Nr. ", "Satz ", "z. B. ", "i. V. m. ",
     "2016", "-2018", "5", " €", " %", " km", "1. Mai", "Wort", "geht's", "(", ")", "\n", "a",
     "\xa0", "„", "“", "x-y", "-5", "(-", "Dezember ", "2023"]
)  # fmt: skip
TEXT = st.one_of(st.text(), st.lists(PIECES).map("".join))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Er sagte "ja".', "Er sagte „ja“."),
        ('("Zitat")', "(„Zitat“)"),
        ("Sie sagte 'so' und ging.", "Sie sagte ‚so‘ und ging."),
        ("Das geht's nicht, Hans' Buch.", "Das geht’s nicht, Hans’ Buch."),
        ("gem. § 26 Abs. 1 Satz 2 Nr. 3 KrO", "gem. §\xa026 Abs.\xa01 Satz\xa02 Nr.\xa03 KrO"),
        ("§§ 25, 26", "§§\xa025, 26"),
        (
            "i. V. m. dem Gesetz, z. B. hier, d. h. so",
            "i.\xa0V.\xa0m. dem Gesetz, z.\xa0B. hier, d.\xa0h. so",
        ),
        (
            "12 € und 3,5 % auf 4 km², 5 Mio. Euro",
            "12\xa0€ und 3,5\xa0% auf 4\xa0km², 5\xa0Mio. Euro",
        ),
        ("am 1. Mai 2016", "am 1.\xa0Mai\xa02016"),  # a date never breaks
        ("vom 14. Dezember 2023 bis Juni 2024", "vom 14.\xa0Dezember\xa02023 bis Juni\xa02024"),
        ("Mai 20 Stück", "Mai 20 Stück"),
        ("Saldo -5 € (-3,5 %)", "Saldo \u22125\xa0€ (\u22123,5\xa0%)"),  # a minus sign
        ("-12.000 EUR", "\u221212.000\xa0EUR"),
        ("2016-2018", "2016–2018"),
        ("Kosten - wie erwartet - steigen", "Kosten – wie erwartet – steigen"),
        (
            "Az. 40.2-651-12/2026, Tel. 02861 82-1234, 2016-05-01",
            "Az. 40.2-651-12/2026, Tel. 02861 82-1234, 2016-05-01",
        ),
        ("5 mal", "5 mal"),
    ],
)
def test_examples(text: str, expected: str) -> None:
    assert typografie(text) == expected


@given(TEXT)
def test_idempotent(text: str) -> None:
    once = typografie(text)
    assert typografie(once) == once


@given(TEXT)
def test_changes_only_spaces_quotes_and_dashes(text: str) -> None:
    result = typografie(text)
    assert len(result) == len(text)
    for before, after in zip(text, result, strict=True):
        assert before == after or after in ALLOWED.get(before, set()), (before, after)


@given(st.lists(st.tuples(TEXT, st.booleans()), max_size=6))
def test_protected_pieces_stay_as_they_are(pieces: list[tuple[str, bool]]) -> None:
    result = typografie_teile(pieces)
    assert len(result) == len(pieces)
    for (text, apply), out in zip(pieces, result, strict=True):
        if not apply:
            assert out == text
        else:
            assert len(out) == len(text)


def test_quotes_are_decided_across_pieces() -> None:
    assert typografie_teile([('Der "', True), ("Kreistag", False), ('" tagt', True)]) == [
        "Der „",
        "Kreistag",
        "“ tagt",
    ]
