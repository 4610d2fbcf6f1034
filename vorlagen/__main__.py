"""``python -m vorlagen``: the command line."""

from __future__ import annotations

from vorlagen.cli import main

raise SystemExit(main())
