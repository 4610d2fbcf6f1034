"""OParl 1.1, the open standard for council data: papers and meetings out, and in.

Out (strict, :mod:`vorlagen.oparl.schreiben`): :func:`to_paper`, :func:`to_meeting` give
dicts ready for ``json.dumps`` that validate against the OParl 1.1 schemas. In (lenient,
:mod:`vorlagen.oparl.lesen`): :func:`from_paper`, :func:`from_meeting` and :func:`lesen` read
what real systems publish, 1.0 or 1.1 with their quirks, and say what they met.
"""

from __future__ import annotations

from vorlagen.oparl.lesen import from_meeting, from_paper, lesen
from vorlagen.oparl.modelle import (
    OParlBeratung,
    OParlDatei,
    OParlGremium,
    OParlKoerperschaft,
    OParlObjekt,
    OParlPunkt,
    OParlSitzung,
    OParlSystem,
    OParlVorlage,
    OParlWarnung,
    Warnungsart,
)
from vorlagen.oparl.schreiben import Zeit, to_meeting, to_paper

__all__ = [
    "OParlBeratung",
    "OParlDatei",
    "OParlGremium",
    "OParlKoerperschaft",
    "OParlObjekt",
    "OParlPunkt",
    "OParlSitzung",
    "OParlSystem",
    "OParlVorlage",
    "OParlWarnung",
    "Warnungsart",
    "Zeit",
    "from_meeting",
    "from_paper",
    "lesen",
    "to_meeting",
    "to_paper",
]
