"""Every module or file the project's text names exists: `jiangbei.x.y` (with an optional attribute of it) and
`jiangbei/x/y.py`, and the repository paths (tests/…, queries/…, views/…) in the README, the data dictionary,
benchmarks/RESULTS.md, the .sql headers, the .toml files, the gettext catalogs' comments and the Python files'
docstrings and comments. A name left behind by a move (jiangbei.sandbox, jiangbei/downloads.py) fails here."""

import ast
import importlib.util
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

TEXTS = sorted({*ROOT.glob("*.md"), *ROOT.glob("data/*.md"), *ROOT.glob("docs/**/*.md"), *ROOT.glob("benchmarks/*.md"),
                *ROOT.glob("queries/**/*.sql"), *ROOT.glob("*.toml"), *ROOT.glob(".streamlit/*.toml"),
                *ROOT.glob("jiangbei/locales/*/LC_MESSAGES/*.po"), *ROOT.glob("*.py"), *ROOT.glob("jiangbei/**/*.py"),
                *ROOT.glob("views/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("benchmarks/**/*.py"),
                *ROOT.glob("scripts/*"), ROOT / "Dockerfile"} - {ROOT / "tests" / "test_layers.py", Path(__file__)})
# (this file and test_layers.py name missing modules on purpose, as examples of what must fail)
# Dotted names that are not modules: a key in every Parquet export's metadata, the console's database file.
NOT_MODULES = {"jiangbei.about", "jiangbei.decimals", "jiangbei.duckdb"}  # Parquet metadata keys, a file
DOTTED = re.compile(r"(?<![\w./-])jiangbei(?:\.[A-Za-z_]\w*)+")
RUN = re.compile(r"python -m ([\w.]+)")
PATH = re.compile(r"(?<![\w./-])(?:jiangbei|tests|queries|views|benchmarks|scripts|data)/[\w./-]*[\w]")


def top_level_names(path: Path) -> set[str]:
    """What a module defines at its top level (functions, classes, assignments, imports)."""
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {n.id for target in targets for n in ast.walk(target) if isinstance(n, ast.Name)}
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    return names


def module_file(parts: list[str]) -> Path | None:
    base = ROOT.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def dotted_exists(name: str) -> bool:
    """jiangbei.a.b[.attr]: the longest prefix that is a module, then at most one name defined in it."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        found = module_file(parts[:end])
        if found:
            rest = parts[end:]
            return not rest or rest[0] in top_level_names(found)
    return False


def path_exists(text: str) -> bool:
    # A path may end in a sentence's full stop or name a glob (data/*.md); the folder part must exist.
    path = text.rstrip(".")
    return (ROOT / path).exists() or ("*" in path and (ROOT / path.split("*")[0]).exists())


def runnable(name: str) -> bool:
    """`python -m name`: a module of the repository, or an installed one (pip, pytest)."""
    if module_file(name.split(".")):
        return True
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # its package is missing
        return False


def references(path: Path) -> list[tuple[int, str]]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        found += [(number, m.group()) for m in DOTTED.finditer(line) if m.group() not in NOT_MODULES]
        found += [(number, m.group()) for m in PATH.finditer(line)]
        found += [(number, "-m " + m.group(1)) for m in RUN.finditer(line)]
    return found


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_named_module_and_path_exists(path):
    missing = [f"line {n}: {ref}" for n, ref in references(path)
               if not (runnable(ref[3:]) if ref.startswith("-m ") else path_exists(ref) if "/" in ref
                       else dotted_exists(ref))]
    assert not missing, missing


def test_the_reader_tells_a_stale_name_from_a_real_one():
    assert dotted_exists("jiangbei.core.store") and dotted_exists("jiangbei.core.store.ROW_LIMIT")
    assert dotted_exists("jiangbei.presentation.i18n.t") and dotted_exists("jiangbei.app")
    assert not dotted_exists("jiangbei.sandbox") and not dotted_exists("jiangbei.core.store.NO_SUCH_NAME")
    assert path_exists("jiangbei/app/downloads.py") and not path_exists("jiangbei/downloads.py")
    assert runnable("jiangbei.reuse.datapackage") and runnable("pip") and not runnable("reuse.datapackage")
