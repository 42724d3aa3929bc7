"""The self-hosted app with its data API (serve.py), against a real `streamlit run serve.py` on a free port."""

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pandas as pd
import pytest

from jiangbei.core.schema import INDICATOR_COLUMNS, PAGE_TOPICS
from tests.conftest import DATA, ROOT

with open(DATA / "indicators.csv", encoding="utf-8") as f:
    ROWS = list(csv.DictReader(f))


@pytest.fixture(scope="module")
def server():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ))
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_json_holds_the_filtered_rows_with_every_column(server):
    status, headers, body = get(f"{server}/api/indicators.json?topic=trade&year=2021")
    assert status == 200 and headers["access-control-allow-origin"] == "*"
    records = json.loads(body)
    expected = [r for r in ROWS if r["topic"] == "trade" and r["year"] == "2021"]
    assert [r["id"] for r in records] == [r["id"] for r in expected]  # the report's order
    assert list(records[0]) == INDICATOR_COLUMNS
    assert {r["id"]: r["value"] for r in records} == {r["id"]: float(r["value"]) for r in expected}


def test_csv_of_a_page_holds_what_the_topic_page_shows(server):
    status, headers, body = get(f"{server}/api/indicators.csv?page=trade&kind=actual&kind=target")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    frame = pd.read_csv(io.BytesIO(body), keep_default_na=False)
    assert list(frame.columns) == INDICATOR_COLUMNS
    assert len(frame) == sum(r["topic"] in PAGE_TOPICS["trade"] for r in ROWS)
    assert set(frame["unit"]) <= {r["unit"] for r in ROWS}  # as written


def test_search_and_value_range(server):
    _, _, body = get(f"{server}/api/indicators.json?q=%E5%87%BA%E5%8F%A3&min=10&max=500")  # q=出口
    records = json.loads(body)
    assert records and all(10 <= r["value"] <= 500 for r in records)
    assert all("出口" in (r["indicator_zh"] + r["source_quote"] + (r["note"] or "")) or "出口" in r["id"]
               for r in records)


def test_search_by_words_as_the_explorer_does(server):
    """q=GDP target: every word must occur in a row's texts (names, sentences in both languages, year, kind)."""
    _, _, body = get(f"{server}/api/indicators.json?q=GDP%20target")
    ids = {r["id"] for r in json.loads(body)}
    assert "gdp_growth_target_2021" in ids and all(r["kind"] == "target" or "target" in (r["note"] or "").lower()
                                                   or "target" in r["source_quote_en"].lower()
                                                   for r in json.loads(body))


@pytest.mark.parametrize("query, named", [
    ("bogus=1", "bogus"),
    ("topic=sports", "sports"),
    ("year=20x1", "20x1"),
    ("kind=forecast", "forecast"),
    ("min=ten", "ten"),
    ("max=inf", "inf"),
    ("q=a&q=b", "q"),
    ("q=" + "x" * 201, "q"),
    ("_shape=array", "_shape"),
])
def test_bad_requests_get_400_in_both_languages(server, query, named):
    for fmt in ("csv", "json"):
        status, headers, body = get(f"{server}/api/indicators.{fmt}?{query}")
        assert status == 400 and headers["access-control-allow-origin"] == "*"
        error = json.loads(body)["error"]
        assert set(error) == {"zh", "en"} and named in error["en"] and named in error["zh"]


def test_unknown_format_is_404_and_the_descriptor_is_served(server):
    assert get(f"{server}/api/indicators.xml")[0] == 404
    status, _, body = get(f"{server}/api/datapackage.json")
    assert status == 200 and json.loads(body) == json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))


def test_the_app_itself_is_served_beside_the_api(server):
    assert get(f"{server}/_stcore/health")[0] == 200
    status, _, body = get(f"{server}/explorer")
    assert status == 200 and b"<html" in body.lower()
