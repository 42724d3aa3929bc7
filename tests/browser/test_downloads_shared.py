"""Downloads while another visitor uses the app: Streamlit's media store used to drop a file built at the click after
two reruns of any session, often before the browser fetched it (a 404). Every format from every kind of table."""

import asyncio
import io
import json
import threading
import urllib.parse

import openpyxl
import pandas as pd
import pytest
import websockets

from benchmarks.sessions import rerun
from tests.browser.conftest import download, wait_done

CONSOLE_SQL = "select range as n, 'row ' || range as label from range(50)"
TABLES = [
    ("explorer?lang=en&topic=trade", None),
    ("trade?lang=en&view=table", None),
    ("targets?lang=en", None),
    ("sql?lang=en&sql=" + urllib.parse.quote(CONSOLE_SQL), 50),
]


class OtherVisitor:
    """Other sessions (tabs) rerunning the source page in a loop, through Streamlit's websocket, until stopped."""

    def __init__(self, url: str, tabs: int = 3):
        self.url, self.tabs, self.reruns, self._stop = url, tabs, 0, threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)

    async def _tab(self) -> None:
        stream = self.url.replace("http://", "ws://") + "/_stcore/stream"
        async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as ws:
            while not self._stop.is_set():
                await rerun(ws, "about", "lang=en", 60)
                self.reruns += 1

    async def _run(self) -> None:
        await asyncio.gather(*(self._tab() for _ in range(self.tabs)))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(30)


def check_file(label: str, data: bytes, rows: int | None) -> None:
    """A valid, non-empty file of its format (and, for the console, the answer's rows)."""
    if label == "CSV":
        frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    elif label == "Excel":
        assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == ["data", "about"]
        frame = pd.read_excel(io.BytesIO(data), sheet_name="data")
    elif label == "JSON":
        frame = pd.DataFrame(json.loads(data))
    else:
        frame = pd.read_parquet(io.BytesIO(data))
    assert len(frame) > 0
    if rows is not None:
        assert len(frame) == rows


@pytest.mark.parametrize("path,rows", TABLES, ids=["explorer", "topic-table", "targets", "console"])
def test_every_download_succeeds_while_another_session_reruns(server, page, path, rows):
    page.goto(f"{server}/{path}")
    wait_done(page)
    with OtherVisitor(server) as other:
        for label in ("CSV", "Excel", "JSON", "Parquet"):
            for _ in range(2):  # a second click of the same button too
                name, data = download(page, label)
                check_file(label, data, rows)
        assert other.reruns >= 4, "the other session did not rerun during the downloads"
    assert page.locator("[data-testid=stException]").count() == 0
