"""The package's layout is its architecture: each stage imports only the stages before it.

The rules are the ones each package's ``__init__`` docstring states and docs/architecture.md
lists; this test reads every module's imports with ``ast`` and fails on any import that
breaks them, so the one-way data path cannot drift back into a tangle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import pytest_factcheck

PACKAGE = Path(pytest_factcheck.__file__).resolve().parent

#: What each part of the package may import from the rest of it ("" is the package's own
#: ``__init__``, which holds the public API and ``FactcheckWarning``).
ALLOWED: dict[str, set[str]] = {
    "common": set(),
    "reader": {"common"},
    "facts": {"reader", "common"},
    "sources": {"reader", "common", ""},
    "checking": {"facts", "sources", "reader", "common"},
    "reports": {"checking", "facts", "sources", "reader", "common"},
    "session": {"checking", "facts", "sources", "reader", "reports", "common", ""},
    "plugin": {"session", "checking", "facts", "sources", "reader", "reports", "common", ""},
    "": {"reader", "common"},
}


def _part(module: Path) -> str:
    relative = module.relative_to(PACKAGE)
    if len(relative.parts) == 1:
        return "" if relative.stem == "__init__" else relative.stem
    return relative.parts[0]


def _is_part(name: str) -> bool:
    return (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file()


def _imported_parts(module: Path) -> set[str]:
    """The parts of the package that ``module`` imports, relative or absolute."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    package_parts = module.relative_to(PACKAGE).parts[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package_parts[: len(package_parts) - (node.level - 1)])
                target = base + (node.module.split(".") if node.module else [])
                names = [target] if node.module else [[*target, alias.name] for alias in node.names]
            elif node.module and node.module.split(".")[0] == "pytest_factcheck":
                names = [node.module.split(".")[1:]]
            else:
                continue
            for name in names:
                found.add(name[0] if name and _is_part(name[0]) else "")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "pytest_factcheck":
                    found.add(parts[1] if len(parts) > 1 else "")
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_imports_follow_the_stages(module: Path) -> None:
    part = _part(module)
    assert part in ALLOWED, f"{module.relative_to(PACKAGE)} is in no known stage; add it to ALLOWED and the docs"
    wrong = {p for p in _imported_parts(module) if p != part} - ALLOWED[part]
    assert not wrong, f"{module.relative_to(PACKAGE)} ({part or '__init__'}) may not import {sorted(wrong)}"


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_only_the_plugin_imports_pytest(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imports = {alias.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for alias in n.names}
    imports |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    if module.name != "plugin.py":
        assert not imports & {"pytest", "_pytest", "xdist"}, f"{module.name} imports pytest: only plugin.py may"


def test_the_checker_catches_a_backward_import(tmp_path: Path) -> None:
    """The rule check itself: a reader module importing a report is seen."""
    bad = PACKAGE / "reader" / "_probe_backward_import.py"
    bad.write_text("from ..reports import matrix\n", encoding="utf-8")
    try:
        assert "reports" in _imported_parts(bad)
        assert "reports" not in ALLOWED[_part(bad)]
    finally:
        bad.unlink()


def test_every_package_says_what_it_may_import() -> None:
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "May import" in doc, f"{init.relative_to(PACKAGE)} must say what it may import"
