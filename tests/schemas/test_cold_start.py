"""The model loads without the libraries that only rendering or Markdown input need."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("markdown_it", "babel", "lxml", "docx", "docxtpl", "jinja2")


def loaded_after(code: str) -> list[str]:
    """The modules of ``HEAVY`` that a fresh interpreter has loaded after running ``code``."""
    script = f"import sys\n{code}\nprint(*(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True, timeout=60
    )
    return result.stdout.split()


def test_the_model_loads_no_rendering_or_markdown_library() -> None:
    assert loaded_after("import vorlagen.schemas") == []


def test_markdown_input_loads_markdown_it_on_first_use() -> None:
    code = "from vorlagen.schemas import Inhalt\nInhalt.from_markdown('**fett**')"
    assert loaded_after(code) == ["markdown_it"]
