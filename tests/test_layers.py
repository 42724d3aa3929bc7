"""The package's layers (README, "Layout"): core and presentation hold no Streamlit, each layer imports only the
layers below it, and no module imports itself back through others. Read from the source with ast, so a lazy import
inside a function counts too; and checked once in a fresh interpreter, where Streamlit must not get loaded."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "jiangbei"
NO_STREAMLIT = ("core", "presentation", "reuse", "console")
# layer -> the layers it may import from (itself included)
ALLOWED = {
    "core": {"core"},
    "presentation": {"core", "presentation"},
    "reuse": {"core", "presentation", "reuse"},
    "console": {"core", "presentation", "reuse", "console"},
    "app": {"core", "presentation", "reuse", "console", "app"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) < 3:
        return "package"
    return parts[1]


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path) -> set[str]:
    """Every module path imported anywhere in the file (top level or inside a function)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            # from jiangbei.app import db: the module jiangbei.app.db
            found |= {f"{node.module}.{alias.name}" for alias in node.names if f"{node.module}.{alias.name}" in MODULES}
    return found


GRAPH = {name: {m for m in imports(path) if m in MODULES and m != name and not m.endswith(("__init__",))}
         for name, path in MODULES.items()}


def test_every_module_has_a_layer():
    assert {layer(m) for m in MODULES} - {"package"} <= set(ALLOWED)


@pytest.mark.parametrize("name", [m for m in MODULES if layer(m) in NO_STREAMLIT])
def test_core_presentation_reuse_and_the_console_engine_import_no_streamlit(name):
    assert not {m for m in imports(MODULES[name]) if m.split(".")[0] == "streamlit"}


@pytest.mark.parametrize("name", [m for m in MODULES if layer(m) in ALLOWED])
def test_a_layer_imports_only_the_layers_below_it(name):
    above = {m for m in GRAPH[name] if layer(m) in ALLOWED and layer(m) not in ALLOWED[layer(name)]}
    assert not above, f"{name} ({layer(name)}) imports {sorted(above)}"


def test_no_import_cycles():
    done, path = set(), []

    def visit(module):
        if module in path:
            pytest.fail("import cycle: " + " -> ".join(path[path.index(module):] + [module]))
        if module in done:
            return
        path.append(module)
        for other in sorted(GRAPH[module]):
            visit(other)
        path.pop()
        done.add(module)

    for module in sorted(GRAPH):
        visit(module)


def test_the_core_loads_without_streamlit():
    # What serve.py's API, the sandbox's worker and scripts use: importing it must not start loading the UI.
    names = [m for m in MODULES if layer(m) in NO_STREAMLIT]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in names)
            + "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'streamlit')\nprint(loaded)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
