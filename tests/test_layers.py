"""The package's layers (README "What is where", jiangbei/__init__.py): each layer imports only the layers the one
table ALLOWED gives it, the table agrees with the diagram, core, presentation, reuse and the console's engine hold
no Streamlit (directly, or through anything they import), and no module imports itself back through others.

Read from the source with ast, so a lazy import inside a function counts too, as do relative imports
(`from . import x`), bare `import jiangbei.app` and `from jiangbei import app`; every file of the package has a
layer (a new flat jiangbei/x.py has none and fails), and the pages (views/, dashboard.py, serve.py) are checked too.
"""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "jiangbei"
# layer -> the layers it may import from (itself included). The pages sit on top; nothing imports them.
ALLOWED = {
    "core": {"core"},
    "presentation": {"core", "presentation"},
    "reuse": {"core", "presentation", "reuse"},
    "console": {"core", "presentation", "reuse", "console"},
    "app": {"core", "presentation", "reuse", "console", "app"},
    "pages": {"core", "presentation", "reuse", "console", "app"},
}
NO_STREAMLIT = ("core", "presentation", "reuse", "console")
PAGES = [ROOT / "dashboard.py", ROOT / "serve.py", *sorted((ROOT / "views").glob("*.py"))]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in [*sorted(PACKAGE.rglob("*.py")), *PAGES]}


def layer(module: str) -> str:
    """The layer of a module: jiangbei.<layer>[.x]; the pages; "package" for jiangbei itself, which holds nothing."""
    parts = module.split(".")
    if parts[0] != "jiangbei":
        return "pages"
    return parts[1] if len(parts) > 1 else "package"


def imports_in(source: str, package: str) -> set[str]:
    """Every module imported anywhere in source (top level or inside a function), relative imports resolved
    against package (the package the file is in; for an __init__.py, its own)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            module = node.module
            if node.level:  # from . import x / from ..core import store: relative to the package
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            found.add(module)
            # from jiangbei.app import db: the module jiangbei.app.db (else a name defined in jiangbei.app)
            found |= {f"{module}.{alias.name}" for alias in node.names if f"{module}.{alias.name}" in MODULES}
    return found


def imports(name: str) -> set[str]:
    path = MODULES[name]
    return imports_in(path.read_text(encoding="utf-8"), name if path.name == "__init__.py" else name.rpartition(".")[0])


GRAPH = {name: {m for m in imports(name) if m in MODULES and m != name} for name in MODULES}


def test_every_module_has_a_layer():
    # A module straight in jiangbei/ (jiangbei/x.py) or in a new folder has none: put it in a layer.
    assert {m for m in MODULES if layer(m) not in ALLOWED} == {"jiangbei"}


def test_the_table_agrees_with_the_diagram():
    # jiangbei/__init__.py draws the layers top to bottom; a layer may import only those drawn below it.
    diagram = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8")).body[0].value.value
    drawn = [match.group(1) for match in re.finditer(r"^ {4}(\w+)/", diagram, re.MULTILINE)]
    drawn = ["pages" if name == "views" else name for name in drawn]
    assert sorted(drawn) == sorted(ALLOWED)
    for above, name in enumerate(drawn):
        assert ALLOWED[name] - {name} <= set(drawn[above + 1:]), f"{name} may import a layer drawn above it"


def test_the_imports_are_read_the_way_python_resolves_them():
    # Guards the reader itself, with each form of import written out (none of them need exist in the package).
    def read(code: str, package: str = "jiangbei.presentation") -> set[str]:
        return imports_in(code, package)

    assert "jiangbei.presentation.numbers" in read("from . import numbers")
    assert {"jiangbei.app", "jiangbei.app.ui"} <= read("from ..app import ui")
    assert "jiangbei.core.store" in read("from ...core import store", "jiangbei.app.sub")
    assert "jiangbei.app" in read("import jiangbei.app")
    assert "jiangbei.app" in read("from jiangbei import app")
    assert "jiangbei.app.db" in read("def later():\n    from jiangbei.app import db\n")
    assert layer("jiangbei.app") == "app" and layer("jiangbei.flat") == "flat" and layer("views.sql") == "pages"


@pytest.mark.parametrize("name", [m for m in MODULES if layer(m) in NO_STREAMLIT])
def test_core_presentation_reuse_and_the_console_engine_import_no_streamlit(name):
    assert not {m for m in imports(name) if m.split(".")[0] == "streamlit"}


@pytest.mark.parametrize("name", [m for m in MODULES if layer(m) in ALLOWED])
def test_a_layer_imports_only_the_layers_below_it(name):
    above = {m for m in GRAPH[name] if layer(m) != "package" and layer(m) not in ALLOWED[layer(name)]}
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


# Streamlit made unimportable: any module that needs it, however indirectly, fails to load.
BLOCK_STREAMLIT = """
import importlib, sys, traceback
class Blocked:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "streamlit":
            raise ImportError(f"streamlit is blocked: {name}")
sys.meta_path.insert(0, Blocked())
failed = {}
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception:
        failed[name] = traceback.format_exc(limit=-3)
print(repr(failed))
print(sorted(m for m in sys.modules if m.split(".")[0] == "streamlit"))
"""


def test_the_layers_without_streamlit_load_without_it():
    # What serve.py's API, the sandbox's worker and scripts use: each loads with Streamlit blocked, so none needs
    # it through another module either.
    names = [m for m in MODULES if layer(m) in NO_STREAMLIT]
    out = subprocess.run([sys.executable, "-c", BLOCK_STREAMLIT, *names], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    failed, loaded = out.stdout.strip().splitlines()
    assert failed == "{}", failed
    assert loaded == "[]"


def test_the_blocker_catches_a_module_that_needs_streamlit():
    # The same check on the app layer must fail, or it would pass whatever it was given.
    out = subprocess.run([sys.executable, "-c", BLOCK_STREAMLIT, "jiangbei.app.db"], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert "streamlit is blocked" in out.stdout.splitlines()[0]
