"""Days between two dates, as a Frist counts them.

Calendar days, or working days: without Sundays, the Land's public holidays (the
``holidays`` package) and, if the Geschäftsordnung says so, Saturdays.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays

from vorlagen.regeln.geschaeftsordnung import Frist

__all__ = ["feiertage", "tage_zwischen"]


@cache
def feiertage(land: str, jahr: int) -> dict[date, str]:
    """The public holidays of a German Land in a year, with their German names.

    >>> tage = feiertage("NW", 2026)
    >>> tage[date(2026, 4, 3)], tage[date(2026, 6, 4)], tage[date(2026, 11, 1)]
    ('Karfreitag', 'Fronleichnam', 'Allerheiligen')
    """
    found = holidays.country_holidays("DE", subdiv=land, years=jahr, language="de")
    return {day: str(name) for day, name in found.items()}


def tage_zwischen(von: date, bis: date, frist: Frist, land: str, samstag: bool = True) -> int:
    """The days strictly between ``von`` and ``bis`` (neither counted), as ``frist`` counts.

    >>> kalender = Frist(tage=6)
    >>> tage_zwischen(date(2026, 11, 25), date(2026, 12, 2), kalender, "NW")
    6
    >>> werktage = Frist(tage=3, zaehlung="werktage")
    >>> # Easter 2026: Karfreitag, Sunday and Ostermontag do not count; Saturday does
    >>> tage_zwischen(date(2026, 4, 2), date(2026, 4, 8), werktage, "NW")
    2
    """
    if frist.zaehlung == "kalendertage":
        return max((bis - von).days - 1, 0)
    count = 0
    day = von + timedelta(days=1)
    while day < bis:
        weekday = day.weekday()
        off = weekday == 6 or (weekday == 5 and not samstag)
        if not off and day not in feiertage(land, day.year):
            count += 1
        day += timedelta(days=1)
    return count
