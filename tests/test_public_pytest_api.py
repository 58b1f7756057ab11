"""plugin.py uses only pytest's public API: no ``_pytest`` import, no private attribute
(``reporter._tw`` and the like), so a pytest release cannot break it without notice."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest_factcheck

PLUGIN = Path(pytest_factcheck.__file__).resolve().parent / "plugin.py"


def private_uses(source: str) -> list[str]:
    """Every private name plugin.py reaches for, as ``line: expression``: an attribute
    starting with one underscore on anything but ``self``, a ``getattr`` of such a name, or
    an import from ``_pytest``."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            if not (isinstance(node.value, ast.Name) and node.value.id == "self"):
                found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "hasattr"):
            if len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and _private(str(node.args[1].value)):
                found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "_pytest":
            found.append(f"{node.lineno}: from {node.module} import ...")
        elif isinstance(node, ast.Import) and any(a.name.split(".")[0] == "_pytest" for a in node.names):
            found.append(f"{node.lineno}: import _pytest")
    return sorted(found, key=lambda entry: int(entry.split(":")[0]))


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def test_plugin_uses_no_private_pytest_attribute() -> None:
    assert private_uses(PLUGIN.read_text(encoding="utf-8")) == []


def test_the_check_sees_a_private_attribute_and_a_private_import() -> None:
    sample = (
        "import _pytest.terminal\n"
        "def f(reporter, self):\n"
        "    reporter._tw.write('x')\n"
        "    getattr(reporter, '_tw')\n"
        "    self._mine()\n"
        "    reporter.__class__\n"
    )
    assert private_uses(sample) == ["1: import _pytest", "3: reporter._tw", "4: getattr(reporter, '_tw')"]
