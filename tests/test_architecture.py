"""The package's shape: tiers that import only downwards, no import cycle, small functions.

Imports are read from the source (module level and inside functions, where modules load on
first use); imports for type checking only are left out, as they never run.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest
from radon.complexity import cc_visit

PACKAGE = Path(__file__).resolve().parent.parent / "vorlagen"
MAX_COMPLEXITY = 15

# What each tier may import from the package besides itself; the modules at the top
# (template, api, cli, pdf, ...) may import any tier.
TIERS: dict[str, set[str]] = {
    "vorlagen.errors": set(),
    # how a package loads a name on first use
    "vorlagen._lazy": set(),
    "vorlagen.schemas": {"vorlagen.errors", "vorlagen._lazy"},
    "vorlagen.formatting": {"vorlagen.errors", "vorlagen._lazy", "vorlagen.schemas"},
    "vorlagen.docx": {"vorlagen.errors"},
    "vorlagen.checker": {"vorlagen.errors", "vorlagen.docx"},
    "vorlagen.rendering": {
        "vorlagen.errors",
        "vorlagen.schemas",
        "vorlagen.formatting",
        "vorlagen.docx",
    },
    # the data a paper's document carries, and whether it is a paper's public version
    "vorlagen.daten": {"vorlagen.errors", "vorlagen.schemas", "vorlagen.docx", "vorlagen.pdfdaten"},
    "vorlagen.pdfdaten": {"vorlagen.errors"},
    "vorlagen.oparl": {
        "vorlagen.errors",
        "vorlagen.schemas",
        "vorlagen.formatting",
        "vorlagen.daten",
        "vorlagen.pdfdaten",
    },
    "vorlagen.batch": set(),
    "vorlagen.atomic": set(),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(path: Path) -> set[str]:
    """The package's modules that ``path`` imports when it runs."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for branch in node.orelse:
                visit(branch)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {name for name in found if name in MODULES}


GRAPH = {name: runtime_imports(path) - {name} for name, path in MODULES.items()}


def tier(module: str) -> str | None:
    return next((t for t in TIERS if module == t or module.startswith(t + ".")), None)


def test_the_graph_is_read() -> None:
    assert "vorlagen.rendering.engine" in GRAPH["vorlagen.template"]
    assert "vorlagen.docx.ns" in GRAPH["vorlagen.docx.package"]
    assert "vorlagen.batch" in GRAPH["vorlagen.template"]  # imported inside a method


def test_no_import_cycle() -> None:
    # graphlib raises CycleError, naming the cycle, if there is one
    order = list(graphlib.TopologicalSorter(GRAPH).static_order())
    assert set(order) >= set(MODULES)


def test_batch_knows_no_template() -> None:
    assert GRAPH["vorlagen.batch"] == set()


@pytest.mark.parametrize("module", sorted(m for m in MODULES if tier(m) is not None))
def test_tiers_import_only_downwards(module: str) -> None:
    own = tier(module)
    assert own is not None
    allowed = TIERS[own] | {own}
    wrong = sorted(m for m in GRAPH[module] if tier(m) not in allowed)
    assert wrong == [], f"{module} imports {wrong}"


def test_import_vorlagen_loads_no_rendering() -> None:
    """The public names load the paper's model; the rest loads on first use.

    The meeting's and the minutes' models, rendering, checking and PDF.
    """
    eager = set()
    pending = ["vorlagen"]
    while pending:
        module = pending.pop()
        if module not in eager:
            eager.add(module)
            pending.extend(GRAPH[module])
            # importing a module runs the packages it lies in first
            pending.extend(p for p in MODULES if module.startswith(p + "."))
    heavy = {
        "vorlagen.template",
        "vorlagen.rendering.engine",
        "vorlagen.checker",
        "vorlagen.pdf",
        "vorlagen.schemas.sitzung",
        "vorlagen.schemas.niederschrift",
    }
    assert eager & heavy == set()


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_function_above_complexity_15(module: str) -> None:
    blocks = cc_visit(MODULES[module].read_text(encoding="utf-8"))
    over = [f"{b.name}: {b.complexity}" for b in blocks if b.complexity > MAX_COMPLEXITY]
    assert over == []
