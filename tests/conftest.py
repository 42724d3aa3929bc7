import shutil
from pathlib import Path

import pytest

from jiangbei.core import store as db

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
    return db.build_database(DATA)
