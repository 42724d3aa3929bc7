import shutil
from pathlib import Path

import pytest

from jiangbei.core import store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="module")
def con():
    """The app's DuckDB database, built from data/ as the app builds it."""
    return store.build_database(DATA)


def pytest_collection_modifyitems(items):
    """Under pytest-xdist (`-n auto --dist loadgroup`, as scripts/test.sh runs), the browser tests stay together on one
    worker: they share one `streamlit run` server and one Chromium, and keep their order; the other tests spread."""
    browser = ROOT / "tests" / "browser"
    for item in items:
        if browser in Path(item.fspath).parents:
            item.add_marker(pytest.mark.xdist_group("browser"))
